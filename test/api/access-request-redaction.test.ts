// redactAccessRequest (specification, section 8): each party of a closed request erases the texts it
// wrote (a person named in a message or a reason), for both parties and at every instant; an open
// request, a foreign one, a second erasure and a role without supplier_admin are answered as documented.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { codes } from '../support/api.ts';
import {
  ADMIN,
  REQUEST_FIELDS,
  accessRequestClient,
  eventNotes as notes,
  requestIn,
  type RequestAnswer,
} from '../support/access-requests.ts';
import { backupAndRestore, exportFile, importFileOk } from '../support/backup.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);

const MESSAGE = 'Please reply to Anna Svensson, +46 70 123 45 67';
const EXTENSION = 'Our auditor Li Wei is away until March';
const DECLINE = 'Li Wei says no';

const ONE_AS_OF = `query($id: ID!, $asOf: DateTime) { accessRequest(id: $id, asOf: $asOf) { ${REQUEST_FIELDS} } }`;
const redact = (as: string, id: string, roles: Role[] = ADMIN) => client().redact(as, id, roles);

const ASK_KEYED = `mutation($key: String) {
  requestAccess(organizationId: "reseller", scope: SOURCING, message: "${MESSAGE}", idempotencyKey: $key) { id status message }
}`;
const DECLINE_KEYED = `mutation($id: ID!, $key: String) {
  answerAccessRequest(id: $id, decision: DECLINE, reason: "${DECLINE}", idempotencyKey: $key) { id status reason }
}`;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .build(),
  );
});

/** A request buyer sent reseller with a naming message, extended and declined with naming reasons. */
async function declined(): Promise<RequestAnswer> {
  const sent = requestIn(
    await client().ask('buyer', 'reseller', 'SOURCING', { message: MESSAGE }),
    'requestAccess',
  );
  const due = new Date(Date.parse(sent.dueAt) + 7 * 86_400_000).toISOString();
  requestIn(
    await client().answer('reseller', sent.id, 'EXTEND', { reason: EXTENSION, dueAt: due }),
    'answerAccessRequest',
  );
  return requestIn(
    await client().answer('reseller', sent.id, 'DECLINE', { reason: DECLINE }),
    'answerAccessRequest',
  );
}

describe('redactAccessRequest', () => {
  it("erases the requester's message for both parties, at every instant, with a REDACTED event", async () => {
    const request = await declined();
    const erased = requestIn(await redact('buyer', request.id), 'redactAccessRequest');
    expect(erased).toMatchObject({ message: null, reason: DECLINE, status: 'DECLINED' });
    expect(notes(erased)).toEqual([
      ['SENT', 'buyer', null],
      ['EXTENDED', 'reseller', EXTENSION],
      ['DECLINED', 'reseller', DECLINE],
      ['REDACTED', 'buyer', null],
    ]);
    const redacted = erased.events.at(-1)!;
    expect(redacted.actorUserId).toBe('user@buyer');
    expect(Date.parse(redacted.at)).toBeGreaterThanOrEqual(Date.parse(request.closedAt!));

    // The target sees the same texts, without the requester's user.
    const asTarget = requestIn(await client().one('reseller', request.id), 'accessRequest');
    expect(asTarget.message).toBeNull();
    expect(notes(asTarget)).toEqual(notes(erased));
    expect(asTarget.events.at(-1)!.actorUserId).toBeNull();

    // As it stood when it was sent: open, its message already erased, the erasure listed.
    const asSent = requestIn(
      await t.api.query('reseller', ONE_AS_OF, { id: request.id, asOf: request.sentAt }),
      'accessRequest',
    );
    expect(asSent).toMatchObject({ status: 'OPEN', message: null });
    expect(notes(asSent)).toEqual([
      ['SENT', 'buyer', null],
      ['REDACTED', 'buyer', null],
    ]);
    const stored = await rowsOf(t.db, `MATCH (r:AccessRequest {id: $id}) RETURN r.message AS message`, {
      id: request.id,
    });
    expect(stored).toEqual([{ message: null }]);
  });

  it("erases the target's reasons, also the extension's as of an instant it was open", async () => {
    const request = await declined();
    const erased = requestIn(await redact('reseller', request.id), 'redactAccessRequest');
    expect(erased).toMatchObject({ message: MESSAGE, reason: null });
    expect(notes(erased)).toEqual([
      ['SENT', 'buyer', MESSAGE],
      ['EXTENDED', 'reseller', null],
      ['DECLINED', 'reseller', null],
      ['REDACTED', 'reseller', null],
    ]);
    const extendedAt = erased.events[1]!.at;
    const whileExtended = requestIn(
      await t.api.query('buyer', ONE_AS_OF, { id: request.id, asOf: extendedAt }),
      'accessRequest',
    );
    expect(whileExtended).toMatchObject({ status: 'OPEN', reason: null, message: MESSAGE });

    // Both parties may erase, each its own texts, once.
    const both = requestIn(await redact('buyer', request.id), 'redactAccessRequest');
    expect(both).toMatchObject({ message: null, reason: null });
    expect(both.events.filter((e) => e.action === 'REDACTED').map((e) => e.actorOrganization.id)).toEqual([
      'reseller',
      'buyer',
    ]);
  });

  it('refuses an open request, telling each party what closes it, and writes nothing', async () => {
    const open = requestIn(
      await client().ask('buyer', 'reseller', 'SOURCING', { message: MESSAGE }),
      'requestAccess',
    );
    const before = await dumpGraph(t.db.driver);
    const asRequester = await redact('buyer', open.id);
    expect(codes(asRequester)).toEqual(['BAD_USER_INPUT']);
    expect(asRequester.errors![0]!.message).toBe(
      `access request "${open.id}" is OPEN: withdraw it first (withdrawAccessRequest), then erase your organization's texts`,
    );
    const asTarget = await redact('reseller', open.id);
    expect(asTarget.errors![0]!.message).toContain('answer it first (answerAccessRequest)');
    expect(await dumpGraph(t.db.driver)).toEqual(before);

    const withdrawn = requestIn(await client().withdraw('buyer', open.id), 'withdrawAccessRequest');
    expect(requestIn(await redact('buyer', withdrawn.id), 'redactAccessRequest').message).toBeNull();
  });

  it('erases once: a second call answers the request and writes nothing', async () => {
    const request = await declined();
    const first = requestIn(await redact('reseller', request.id), 'redactAccessRequest');
    const before = await dumpGraph(t.db.driver);
    expect(requestIn(await redact('reseller', request.id), 'redactAccessRequest')).toEqual(first);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('records no erasure for a party that wrote nothing there, and answers the request', async () => {
    const silent = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const withdrawn = requestIn(await client().withdraw('buyer', silent.id), 'withdrawAccessRequest');
    const before = await dumpGraph(t.db.driver);
    for (const party of ['buyer', 'reseller'])
      expect(requestIn(await redact(party, silent.id), 'redactAccessRequest').events).toEqual(
        party === 'buyer' ? withdrawn.events : withdrawn.events.map((e) => ({ ...e, actorUserId: null })),
      );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('erases once when two erasures race, and is kept when an older file is imported meanwhile', async () => {
    const request = await declined();
    const older = await exportFile(t.db);
    const [first, second] = await Promise.all([
      redact('buyer', request.id),
      redact('buyer', request.id),
      importFileOk(t.db, older),
    ]);
    expect(requestIn(first!, 'redactAccessRequest').id).toBe(request.id);
    expect(requestIn(second!, 'redactAccessRequest').id).toBe(request.id);
    const now = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(now.message).toBeNull();
    expect(notes(now).filter(([action]) => action === 'REDACTED')).toEqual([['REDACTED', 'buyer', null]]);
    expect(notes(now)[0]).toEqual(['SENT', 'buyer', null]);
  });

  it('answers NOT_FOUND alike for a request of others and a missing id; FORBIDDEN without supplier_admin', async () => {
    const request = await declined();
    const before = await dumpGraph(t.db.driver);
    const foreign = await redact('other-buyer', request.id);
    const missing = await redact('other-buyer', 'ar-missing');
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(foreign.errors![0]!.message).toBe(missing.errors![0]!.message.replace('ar-missing', request.id));
    const analyst = await redact('buyer', request.id, ['analyst']);
    expect(codes(analyst)).toEqual(['FORBIDDEN']);
    expect(analyst.errors![0]!.message).toBe(
      "Erasing an access request's texts requires the supplier_admin role of the organization that wrote them.",
    );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('leaves the idempotency keys of the calls that wrote the texts no fingerprint of them; retries still answer', async () => {
    const sent = await t.api.query('buyer', ASK_KEYED, { key: 'k-ask' });
    const id = (sent.data!['requestAccess'] as { id: string }).id;
    await t.api.query('reseller', DECLINE_KEYED, { id, key: 'k-decline' }, ADMIN);
    const keys = () =>
      rowsOf(
        t.db,
        `MATCH (k:IdempotencyKey) RETURN k.mutation AS mutation, k.fingerprint IS NOT NULL AS fingerprint,
           k.erasedFingerprint IS NOT NULL AS erasedFingerprint ORDER BY mutation`,
      );
    expect(await keys()).toEqual([
      { mutation: 'answerAccessRequest', fingerprint: true, erasedFingerprint: true },
      { mutation: 'requestAccess', fingerprint: true, erasedFingerprint: true },
    ]);
    requestIn(await redact('buyer', id), 'redactAccessRequest');
    expect(await keys()).toEqual([
      { mutation: 'answerAccessRequest', fingerprint: true, erasedFingerprint: true },
      { mutation: 'requestAccess', fingerprint: false, erasedFingerprint: true },
    ]);
    requestIn(await redact('reseller', id), 'redactAccessRequest');
    expect((await keys()).map((k) => k.fingerprint)).toEqual([false, false]);

    expect((await t.api.query('buyer', ASK_KEYED, { key: 'k-ask' })).data).toEqual({
      requestAccess: { id, status: 'DECLINED', message: null },
    });
    expect((await t.api.query('reseller', DECLINE_KEYED, { id, key: 'k-decline' }, ADMIN)).data).toEqual({
      answerAccessRequest: { id, status: 'DECLINED', reason: null },
    });
  });
});

describe("an access request's erasure in backups and imports", () => {
  it('survives a backup and restore', async () => {
    const request = await declined();
    requestIn(await redact('buyer', request.id), 'redactAccessRequest');
    const before = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(await backupAndRestore(t.db)).toEqual([]);
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest')).toEqual(before);
  });

  it('is kept when a file written before it is imported, with or without the trail', async () => {
    const request = await declined();
    const older = await exportFile(t.db);
    requestIn(await redact('reseller', request.id), 'redactAccessRequest');
    const erased = requestIn(await client().one('buyer', request.id), 'accessRequest');
    await importFileOk(t.db, older);
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest')).toEqual(erased);

    const withoutTrail = (older.accessRequests ?? []).map(({ events: _events, ...r }) => r);
    await importFileOk(t.db, { ...older, accessRequests: withoutTrail });
    const reimported = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(reimported).toMatchObject({ message: MESSAGE, reason: null });
    expect(notes(reimported)).toEqual([
      ['SENT', 'buyer', MESSAGE],
      ['DECLINED', 'reseller', null],
      ['REDACTED', 'reseller', null],
    ]);
  });

  it("an import that brings an erasure (the operator's) erases and forgets the key's fingerprint", async () => {
    const sent = await t.api.query('buyer', ASK_KEYED, { key: 'k-ask' });
    const id = (sent.data!['requestAccess'] as { id: string }).id;
    requestIn(await client().withdraw('buyer', id), 'withdrawAccessRequest');
    const file = await exportFile(t.db);
    const records = (file.accessRequests ?? []).map((r) =>
      r.id !== id
        ? r
        : {
            ...r,
            message: null,
            events: [
              ...(r.events ?? []).map((e) => ({ ...e, note: null })),
              {
                action: 'REDACTED' as const,
                at: new Date().toISOString(),
                actorUserId: 'operator',
                actorOrganizationId: 'buyer',
              },
            ],
          },
    );
    await importFileOk(t.db, { ...file, accessRequests: records });
    expect(requestIn(await client().one('buyer', id), 'accessRequest').message).toBeNull();
    expect(
      await rowsOf(
        t.db,
        `MATCH (k:IdempotencyKey {mutation: 'requestAccess'}) RETURN k.fingerprint IS NULL AS forgotten`,
      ),
    ).toEqual([{ forgotten: true }]);
    expect((await t.api.query('buyer', ASK_KEYED, { key: 'k-ask' })).data).toEqual({
      requestAccess: { id, status: 'WITHDRAWN', message: null },
    });
  });
});
