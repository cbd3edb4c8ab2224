// Review of redactAccessRequest (arreview): an import of a file written before a party's erasure keeps
// the erasure and leaves a store whose export the next import accepts.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
import {
  accessRequestClient,
  eventNotes as notes,
  requestIn,
  type RequestAnswer,
} from '../support/access-requests.ts';
import { backupAndRestore, exportFile, importFile, importFileOk } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);

const MESSAGE = 'Please reply to Anna Svensson, +46 70 123 45 67';
const DECLINE = 'Li Wei says no';
const redact = (as: string, id: string) => client().redact(as, id);

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

async function sent(): Promise<RequestAnswer> {
  return requestIn(
    await client().ask('buyer', 'reseller', 'SOURCING', { message: MESSAGE }),
    'requestAccess',
  );
}

/** The target declines `request` with its naming reason. */
const decline = async (request: RequestAnswer) =>
  requestIn(
    await client().answer('reseller', request.id, 'DECLINE', { reason: DECLINE }),
    'answerAccessRequest',
  );

async function problemsOf(file: TiersightFile): Promise<string[]> {
  const outcome = await importFile(t.db, file);
  return outcome.ok ? [] : outcome.validation.problems.map(formatProblem);
}

describe('an older file imported over an erased request', () => {
  it('written while the request was open: refused, naming the erasure, and nothing written (export was refused after it)', async () => {
    const request = await sent();
    const older = await exportFile(t.db);
    await decline(request);
    requestIn(await redact('buyer', request.id), 'redactAccessRequest');
    const before = await dumpGraph(t.db.driver);
    const problems = await problemsOf(older);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(request.id);
    expect(problems[0]).toContain(
      `status OPEN: the database holds "buyer"'s erasure of its texts as the requester (a REDACTED event at `,
    );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
    // What the store holds still exports and imports, with and without --reset.
    expect(await problemsOf(await exportFile(t.db))).toEqual([]);
    expect(await backupAndRestore(t.db)).toEqual([]);
  });

  it('closed after the erasure: refused, naming closedAt', async () => {
    const request = await sent();
    await decline(request);
    const older = await exportFile(t.db);
    requestIn(await redact('reseller', request.id), 'redactAccessRequest');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closedAt = new Date().toISOString();
    const later = {
      ...older,
      accessRequests: (older.accessRequests ?? []).map((r) =>
        r.id === request.id
          ? {
              ...r,
              closedAt: closedAt,
              events: (r.events ?? []).map((e) => (e.action === 'DECLINED' ? { ...e, at: closedAt } : e)),
            }
          : r,
      ),
    };
    const problems = await problemsOf(later);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`closedAt ${closedAt}: the database holds`);
    expect(problems[0]).toContain(`"reseller"'s erasure of its texts as the target`);
  });

  it('moving the request to another requester: refused rather than keeping the old SENT note or an erasure by a non-party', async () => {
    const request = await sent();
    await decline(request);
    const older = await exportFile(t.db);
    requestIn(await redact('buyer', request.id), 'redactAccessRequest');
    const moved = {
      ...older,
      accessRequests: (older.accessRequests ?? []).map((r) =>
        r.id === request.id ? { ...r, requester: 'other-buyer' } : r,
      ),
    };
    const before = await dumpGraph(t.db.driver);
    const problems = await problemsOf(moved);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`requester "other-buyer": the database holds "buyer"'s erasure`);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
    const now = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(notes(now).map(([, , note]) => note)).not.toContain(MESSAGE);
  });

  it('an older file that restates the request as it closed is still imported, the erasure kept', async () => {
    const request = await sent();
    await decline(request);
    const older = await exportFile(t.db);
    requestIn(await redact('buyer', request.id), 'redactAccessRequest');
    await importFileOk(t.db, older);
    const now = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(now.message).toBeNull();
    expect(await problemsOf(await exportFile(t.db))).toEqual([]);
  });
});

describe('a record without its trail of a request the database holds erased', () => {
  it("is not asked for the declined request's reason that the target erased", async () => {
    const request = await sent();
    await decline(request);
    requestIn(await redact('reseller', request.id), 'redactAccessRequest');
    const current = await exportFile(t.db);
    const withoutTrail = {
      ...current,
      accessRequests: (current.accessRequests ?? []).map(({ events: _events, ...r }) => r),
    };
    expect(await problemsOf(withoutTrail)).toEqual([]);
    const now = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(now).toMatchObject({ status: 'DECLINED', reason: null, message: MESSAGE });
    expect(notes(now)).toEqual([
      ['SENT', 'buyer', MESSAGE],
      ['DECLINED', 'reseller', null],
      ['REDACTED', 'reseller', null],
    ]);
  });

  it('is asked for the reason, or the erasure, when the database holds none', async () => {
    const request = await sent();
    await decline(request);
    const current = await exportFile(t.db);
    const withoutReason = {
      ...current,
      accessRequests: (current.accessRequests ?? []).map(({ events: _events, ...r }) => ({
        ...r,
        reason: null,
      })),
    };
    const problems = await problemsOf(withoutReason);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('reason is required when the status is DECLINED');
  });
});
