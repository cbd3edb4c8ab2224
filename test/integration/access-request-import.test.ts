// `accessRequests` in tiersight/v1 (specification, section 8, docs/specification.md section 6): every
// bad record named by array, index, id and field, nothing written on error; defaults, the recorded
// trail, idempotence and references to shares in the file or the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const IMPORTED_AT = new Date('2026-01-01T00:00:00Z');
const base = () =>
  graph()
    .org('buyer', 'PURCHASER')
    .org('reseller', 'RESELLER')
    .org('brand', 'BRAND')
    .link('reseller', 'buyer')
    .link('brand', 'reseller')
    .share('reseller', 'buyer', { id: 's-granted' })
    .share('brand', 'reseller', { id: 's-other' })
    .build();
const request = (extra: Record<string, unknown> = {}) => ({
  id: 'ar-1',
  requester: 'buyer',
  target: 'reseller',
  scope: 'SOURCING',
  sentAt: '2025-09-01T10:00:00Z',
  ...extra,
});
const importDocument = (document: Record<string, unknown>, reset = false) =>
  importGraph(documentSource(document), db.imports, {
    origin: TEST_ORIGIN,
    reset,
    settleMs: 0,
    importedAt: IMPORTED_AT,
  });

describe('a bad access request record', () => {
  it('is named by array, index, id and field, and nothing is written', async () => {
    await loadGraph(db, base());
    const before = await dumpGraph(db.driver);
    const outcome = await importDocument({
      ...base(),
      accessRequests: [
        request({ id: 'ar-ok' }),
        request({ id: 'ar-scope', scope: 'EVERYTHING' }),
        request({ id: 'ar-who', requester: 'ghost', target: 'buyer' }),
        request({ id: 'ar-self', target: 'buyer' }),
        request({ id: 'ar-late', dueAt: '2025-11-02T10:00:00Z' }),
        request({ id: 'ar-early', dueAt: '2025-09-01T09:00:00Z', scope: 'BOTH' }),
        request({ id: 'ar-future', sentAt: '2026-06-01', scope: 'DISCLOSURES' }),
        request({ id: 'ar-dup', message: 'again' }),
        request({ id: 'ar-declined', scope: 'BOTH', status: 'DECLINED', closedAt: '2025-09-02' }),
        request({ id: 'ar-open-closed', requester: 'reseller', target: 'brand', closedAt: '2025-09-02' }),
        request({
          id: 'ar-shares',
          requester: 'reseller',
          target: 'brand',
          scope: 'BOTH',
          status: 'GRANTED',
          closedAt: '2025-09-02',
          shareIds: ['s-granted', 's-none'],
        }),
        request({ id: 'ar-message', requester: 'brand', target: 'reseller', message: 'x'.repeat(2001) }),
        request({
          id: 'ar-events',
          requester: 'brand',
          target: 'reseller',
          scope: 'BOTH',
          events: [{ action: 'ASKED', at: 'then', actorUserId: 'u', actorOrganizationId: 'brand' }],
        }),
        request({ id: 'ar-ok' }),
      ],
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.validation.problems.map(formatProblem)).toEqual(
      [
        `accessRequests[1] (id "ar-scope"): scope must be one of SOURCING, DISCLOSURES, BOTH, got "EVERYTHING"`,
        `accessRequests[3] (id "ar-self"): requester and target are the same organization "buyer"`,
        `accessRequests[4] (id "ar-late"): dueAt must be after sentAt and at most 2 months after it (2025-11-01T10:00:00.000Z), got "2025-11-02T10:00:00Z"`,
        `accessRequests[5] (id "ar-early"): dueAt must be after sentAt and at most 2 months after it (2025-11-01T10:00:00.000Z), got "2025-09-01T09:00:00Z"`,
        `accessRequests[6] (id "ar-future"): sentAt must not be after the import (2026-01-01T00:00:00.000Z), got "2026-06-01"`,
        `accessRequests[8] (id "ar-declined"): reason is required when the status is DECLINED`,
        `accessRequests[9] (id "ar-open-closed"): closedAt must be absent while the status is OPEN, got "2025-09-02"`,
        `accessRequests[11] (id "ar-message"): message must be a non-empty string of at most 2000 characters, got "${'x'.repeat(76)}...`,
        `accessRequests[12] (id "ar-events"): events[0].at must be an ISO 8601 date (2014-09-15) or date-time with a zone, got "then"`,
        `accessRequests[12] (id "ar-events"): events[0].action must be one of SENT, EXTENDED, GRANTED, DECLINED, WITHDRAWN, REDACTED, REMINDED, got "ASKED"`,
        `accessRequests[13] (id "ar-ok"): duplicate id: accessRequests[0] has the same id`,
        `accessRequests[2] (id "ar-who"): requester "ghost" is not an organization in the file or the database`,
        `accessRequests[7] (id "ar-dup"): accessRequests[0] ("ar-ok") is already an OPEN request of "buyer" to "reseller" for SOURCING: at most one may be open`,
        `accessRequests[10] (id "ar-shares"): shareIds: share "s-granted" goes from "reseller" to "buyer", not from the target "brand" to the requester "reseller"`,
        `accessRequests[10] (id "ar-shares"): shareIds: "s-none" is not a share in the file or the database`,
      ].sort((a, b) => index(a) - index(b)),
    );
    expect(await dumpGraph(db.driver)).toEqual(before);
  });
});

const index = (line: string) => Number(/\[(\d+)\]/.exec(line)![1]);

describe('an OPEN request the database already holds open under another id', () => {
  it('is refused, naming the open one (BOTH counting as both scopes), and nothing is written; the same id imports again', async () => {
    const first = await importDocument({ ...base(), accessRequests: [request()] }, true);
    expect(first.ok, first.validation.problems.map(formatProblem).join('\n')).toBe(true);
    const before = await dumpGraph(db.driver);
    const outcome = await importDocument({
      format: 'tiersight/v1',
      accessRequests: [request({ id: 'ar-again' })],
    });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([
      `accessRequests[0] (id "ar-again"): access request "ar-1" in the database is already an OPEN request of "buyer" to "reseller" for SOURCING: at most one may be open`,
    ]);
    const both = await importDocument({
      format: 'tiersight/v1',
      accessRequests: [request({ id: 'ar-other-scope', scope: 'BOTH' })],
    });
    expect(both.validation.problems.map(formatProblem)).toEqual([
      `accessRequests[0] (id "ar-other-scope"): access request "ar-1" in the database is already an OPEN request of "buyer" to "reseller" for SOURCING, which asks for what BOTH asks for too: at most one may be open`,
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
    const overlapping = await importDocument({
      format: 'tiersight/v1',
      accessRequests: [
        request({ id: 'ar-both', target: 'brand', scope: 'BOTH' }),
        request({ id: 'ar-disclosures', target: 'brand', scope: 'DISCLOSURES' }),
      ],
    });
    expect(overlapping.validation.problems.map(formatProblem)).toEqual([
      `accessRequests[1] (id "ar-disclosures"): accessRequests[0] ("ar-both") is already an OPEN request of "buyer" to "brand" for BOTH, which asks for what DISCLOSURES asks for too: at most one may be open`,
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
    const same = await importDocument({
      format: 'tiersight/v1',
      accessRequests: [request({ message: 'still waiting' })],
    });
    expect(same.ok, same.validation.problems.map(formatProblem).join('\n')).toBe(true);
  });
});

describe('a good access request record', () => {
  it('gets the default due date and the trail an import records, and imports twice to the same graph', async () => {
    const document = {
      ...base(),
      // Requests before the shares they name: the shares are written first all the same.
      accessRequests: [
        request({ message: 'Who makes them?' }),
        request({
          id: 'ar-2',
          scope: 'BOTH',
          status: 'GRANTED',
          closedAt: '2025-09-20T08:00:00Z',
          dueAt: '2025-10-20T10:00:00Z',
          shareIds: ['s-granted'],
        }),
        request({
          id: 'ar-3',
          requester: 'reseller',
          target: 'brand',
          status: 'DECLINED',
          closedAt: '2025-09-03',
          reason: 'No',
        }),
      ],
    };
    const reordered = {
      format: document.format,
      organizations: document.organizations,
      links: document.links,
      accessRequests: document.accessRequests,
      shares: document.shares,
      risks: [],
    };
    const first = await importDocument(reordered, true);
    expect(first.ok, first.validation.problems.map(formatProblem).join('\n')).toBe(true);
    const dump = await dumpGraph(db.driver);
    const { records } = await db.driver.executeQuery(
      `MATCH (requester)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target)
       RETURN r.id AS id, toString(r.dueAt) AS dueAt, r.extended AS extended, r.status AS status,
              COLLECT { MATCH (e:AccessRequestEvent)-[:OF]->(r) WITH e ORDER BY e.at
                        RETURN [e.action, e.actorOrganizationId, e.actorUserId, e.note] } AS events,
              COLLECT { MATCH (r)-[:RESULTED_IN]->(s:Share) RETURN s.id } AS shares
       ORDER BY id`,
    );
    expect(records.map((r) => r.toObject())).toEqual([
      {
        id: 'ar-1',
        dueAt: '2025-09-22T10:00:00Z',
        extended: false,
        status: 'OPEN',
        events: [['SENT', 'buyer', 'tiersight-import', 'Who makes them?']],
        shares: [],
      },
      {
        id: 'ar-2',
        dueAt: '2025-10-20T10:00:00Z',
        // A due date of the requester's choosing: no EXTENDED event says the target moved it.
        extended: false,
        status: 'GRANTED',
        events: [
          ['SENT', 'buyer', 'tiersight-import', null],
          ['GRANTED', 'reseller', 'tiersight-import', null],
        ],
        shares: ['s-granted'],
      },
      {
        id: 'ar-3',
        dueAt: '2025-09-22T10:00:00Z',
        extended: false,
        status: 'DECLINED',
        events: [
          ['SENT', 'reseller', 'tiersight-import', null],
          ['DECLINED', 'brand', 'tiersight-import', 'No'],
        ],
        shares: [],
      },
    ]);
    const again = await importDocument(reordered);
    expect(again.ok).toBe(true);
    expect(await dumpGraph(db.driver)).toEqual(dump);

    // Incremental: a request naming a share the database already holds.
    const incremental = await importDocument({
      format: 'tiersight/v1',
      accessRequests: [
        request({
          id: 'ar-4',
          requester: 'reseller',
          target: 'brand',
          scope: 'SOURCING',
          status: 'GRANTED',
          closedAt: '2025-09-05',
          shareIds: ['s-other'],
        }),
      ],
    });
    expect(incremental.ok, incremental.validation.problems.map(formatProblem).join('\n')).toBe(true);
  });
});
