// Review of redactAccessRequest (arreview): a party's erasure takes the notes of the events that are its
// by their action too (specification, section 8: the requester's SENT note; the target's EXTENDED,
// GRANTED and DECLINED notes), also when a file named another organization as the event's actor.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequestRecord } from '../../src/domain/access-requests.ts';
import { accessRequestClient, requestIn, type RequestAnswer } from '../support/access-requests.ts';
import { checkAccessRequest } from '../../src/import/access-request-rules.ts';
import { exportFile, importFileOk } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const MESSAGE = 'Please reply to Anna Svensson';
const DECLINE = 'Li Wei says no';
const redact = (as: string, id: string) => accessRequestClient(t.api).redact(as, id);

/** A declined request whose trail names a third organization as the actor of its SENT and DECLINED events. */
const record = (extra: Partial<AccessRequestRecord> = {}): AccessRequestRecord => ({
  id: 'ar-odd',
  requester: 'buyer',
  target: 'reseller',
  scope: 'SOURCING',
  products: [],
  message: MESSAGE,
  sentAt: '2024-01-10T00:00:00Z',
  status: 'DECLINED',
  closedAt: '2024-01-20T00:00:00Z',
  reason: DECLINE,
  events: [
    {
      action: 'SENT',
      at: '2024-01-10T00:00:00Z',
      actorUserId: 'u1',
      actorOrganizationId: 'third',
      note: MESSAGE,
    },
    {
      action: 'DECLINED',
      at: '2024-01-20T00:00:00Z',
      actorUserId: 'u2',
      actorOrganizationId: 'third',
      note: DECLINE,
    },
  ],
  ...extra,
});

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('third', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .link('reseller', 'buyer')
      .build(),
  );
});

const notes = (request: RequestAnswer) => request.events.map((e) => [e.action, e.note]);

describe("an erasure takes the notes of the party's events by their action", () => {
  it('through the API', async () => {
    const file = await exportFile(t.db);
    await importFileOk(t.db, { ...file, accessRequests: [record()] });
    requestIn(await redact('buyer', 'ar-odd'), 'redactAccessRequest');
    const erased = requestIn(await redact('reseller', 'ar-odd'), 'redactAccessRequest');
    expect(erased).toMatchObject({ message: null, reason: null });
    expect(notes(erased)).toEqual([
      ['SENT', null],
      ['DECLINED', null],
      ['REDACTED', null],
      ['REDACTED', null],
    ]);
  });

  it('through the API also when the note is all the party wrote there (no message, no reason)', async () => {
    const file = await exportFile(t.db);
    await importFileOk(t.db, {
      ...file,
      accessRequests: [record({ message: null, reason: null, status: 'WITHDRAWN' })],
    });
    const erased = requestIn(await redact('buyer', 'ar-odd'), 'redactAccessRequest');
    expect(notes(erased)).toEqual([
      ['SENT', null],
      ['DECLINED', DECLINE],
      ['REDACTED', null],
    ]);
    const byTarget = requestIn(await redact('reseller', 'ar-odd'), 'redactAccessRequest');
    expect(notes(byTarget)).toEqual([
      ['SENT', null],
      ['DECLINED', null],
      ['REDACTED', null],
      ['REDACTED', null],
    ]);
  });

  it('through an import of an older file, the erasure kept', async () => {
    const file = await exportFile(t.db);
    await importFileOk(t.db, { ...file, accessRequests: [record()] });
    requestIn(await redact('buyer', 'ar-odd'), 'redactAccessRequest');
    await importFileOk(t.db, { ...file, accessRequests: [record()] });
    const now = requestIn(await accessRequestClient(t.api).one('buyer', 'ar-odd'), 'accessRequest');
    expect(now.message).toBeNull();
    expect(notes(now)).toEqual([
      ['SENT', null],
      ['DECLINED', DECLINE],
      ['REDACTED', null],
    ]);
  });

  it("a record that states the erasure is refused with the erased party's SENT note, whoever the file says sent it", () => {
    const erasing = record({
      message: null,
      events: [
        ...record().events!,
        { action: 'REDACTED', at: '2024-02-01T00:00:00Z', actorUserId: 'op', actorOrganizationId: 'buyer' },
      ],
    });
    expect(checkAccessRequest(erasing).problems).toEqual([
      `events[0].note must be absent once "buyer" erased its texts (events[2]), got a text of ${[...MESSAGE].length} characters (not repeated here: it was erased)`,
    ]);
  });
});
