// Reminders of overdue access requests (specification, section 8, "Reminding"): the requester reminds
// the target once a request is overdue, at most once a day; both parties see the REMINDED event and
// the counts; anybody else's id answers as a missing one; a refusal writes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequestRecord } from '../../src/domain/access-requests.ts';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { backupAndRestore } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import {
  REQUEST_FIELDS,
  accessRequestClient,
  countRequestWrites,
  eventNotes,
  requestIn,
  requestsIn,
  type RequestAnswer,
} from '../support/access-requests.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const FIELDS = `${REQUEST_FIELDS} reminderCount lastRemindedAt nextReminderAt`;
const REMIND = `mutation Remind($id: ID!, $message: String, $idempotencyKey: String) {
  remindAccessRequest(id: $id, message: $message, idempotencyKey: $idempotencyKey) { ${FIELDS} }
}`;
const ONE = `query One($id: ID!, $asOf: DateTime) { accessRequest(id: $id, asOf: $asOf) { ${FIELDS} } }`;
const RECEIVED = `{ accessRequestsReceived { ${FIELDS} } }`;

type Reminded = RequestAnswer & {
  reminderCount: number;
  lastRemindedAt: string | null;
  nextReminderAt: string | null;
};

const remind = (as: string, id: string, extra: Record<string, unknown> = {}) =>
  t.api.query(as, REMIND, { id, ...extra });
const reminded = (response: GraphQLResponse) => requestIn(response, 'remindAccessRequest') as Reminded;
const one = async (as: string, id: string, asOf?: string) =>
  requestIn(await t.api.query(as, ONE, { id, asOf }), 'accessRequest') as Reminded | null;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A request of buyer's to reseller sent 30 days ago, so 9 days overdue; `events` its trail. */
const overdue = (id: string, extra: Partial<AccessRequestRecord> = {}): AccessRequestRecord => ({
  id,
  requester: 'buyer',
  target: 'reseller',
  scope: 'SOURCING',
  products: [],
  message: 'Who makes the laptops?',
  sentAt: ago(30 * DAY),
  ...extra,
});

beforeEach(async () => {
  const sentAt = ago(30 * DAY);
  await loadGraph(t.db, {
    ...graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller')
      .build(),
    accessRequests: [
      overdue('ar-overdue'),
      overdue('ar-disclosures', { scope: 'DISCLOSURES' }),
      // Reminded an hour ago: the next is a day after that.
      overdue('ar-reminded-lately', {
        target: 'brand',
        events: [
          { action: 'SENT', at: sentAt, actorUserId: 'u@buyer', actorOrganizationId: 'buyer' },
          {
            action: 'REMINDED',
            at: ago(HOUR),
            actorUserId: 'u@buyer',
            actorOrganizationId: 'buyer',
            note: 'Still waiting',
          },
        ],
      }),
      // Reminded two days ago: another may follow.
      overdue('ar-reminded-before', {
        requester: 'other-buyer',
        events: [
          { action: 'SENT', at: sentAt, actorUserId: 'u@other', actorOrganizationId: 'other-buyer' },
          {
            action: 'REMINDED',
            at: ago(2 * DAY),
            actorUserId: 'u@other',
            actorOrganizationId: 'other-buyer',
          },
        ],
      }),
    ],
  });
});

describe('remindAccessRequest', () => {
  it('records a REMINDED event that the requester and the target both see, with the counts', async () => {
    const before = Date.now();
    const request = reminded(
      await remind('buyer', 'ar-overdue', { message: '  Please answer\nby Friday. ' }),
    );
    const at = request.lastRemindedAt!;
    expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000);
    expect(request).toMatchObject({ status: 'OPEN', overdue: true, reminderCount: 1 });
    expect(request.nextReminderAt).toBe(new Date(Date.parse(at) + DAY).toISOString());
    expect(request.events.at(-1)).toEqual({
      action: 'REMINDED',
      at,
      actorUserId: 'user@buyer',
      actorOrganization: { id: 'buyer' },
      note: 'Please answer\nby Friday.',
    });

    // The target sees the reminder where it sees its incoming requests, its user as the requester's business.
    const received = requestsIn(await t.api.query('reseller', RECEIVED), 'accessRequestsReceived');
    const seen = received.find((r) => r.id === 'ar-overdue') as Reminded;
    expect(seen).toMatchObject({ reminderCount: 1, lastRemindedAt: at });
    expect(eventNotes(seen)).toEqual([
      ['SENT', 'buyer', 'Who makes the laptops?'],
      ['REMINDED', 'buyer', 'Please answer\nby Friday.'],
    ]);
    expect(seen.events.at(-1)!.actorUserId).toBeNull();
    expect(await one('buyer', 'ar-overdue')).toEqual(request);

    // Shown as it stood before, the request had no reminder.
    expect(await one('reseller', 'ar-overdue', ago(DAY))).toMatchObject({
      reminderCount: 0,
      lastRemindedAt: null,
      nextReminderAt: (await one('buyer', 'ar-overdue'))!.dueAt,
    });
  });

  it('may be sent by any role of the requester, and without a message', async () => {
    const request = reminded(await remind('buyer', 'ar-disclosures'));
    expect(eventNotes(request).at(-1)).toEqual(['REMINDED', 'buyer', null]);
    const blank = reminded(await remind('other-buyer', 'ar-reminded-before', { message: ' \n ' }));
    expect(blank).toMatchObject({ reminderCount: 2 });
    expect(eventNotes(blank).at(-1)).toEqual(['REMINDED', 'other-buyer', null]);
  });

  it('once a day: a second reminder is refused, saying from when the next is possible', async () => {
    const first = reminded(await remind('buyer', 'ar-overdue'));
    const writes = await countRequestWrites(t.db);
    const again = await remind('buyer', 'ar-overdue', { message: 'again' });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toBe(
      `access request "ar-overdue" was reminded at ${first.lastRemindedAt}: one reminder a day, ` +
        `the next may be sent from ${first.nextReminderAt}`,
    );
    expect(await countRequestWrites(t.db)).toEqual(writes);

    // An imported trail's reminder an hour ago counts as well; one two days ago does not.
    const lately = (await one('buyer', 'ar-reminded-lately'))!;
    const refused = await remind('buyer', 'ar-reminded-lately');
    expect(refused.errors![0]!.message).toBe(
      `access request "ar-reminded-lately" was reminded at ${lately.lastRemindedAt}: one reminder a day, ` +
        `the next may be sent from ${lately.nextReminderAt}`,
    );
    expect(Date.parse(lately.nextReminderAt!) - Date.parse(lately.lastRemindedAt!)).toBe(DAY);
    expect(reminded(await remind('other-buyer', 'ar-reminded-before'))).toMatchObject({ reminderCount: 2 });
  });

  it('only once the request is overdue: before its due date it says when', async () => {
    const fresh = requestIn(await client().ask('other-buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
    const writes = await countRequestWrites(t.db);
    const early = await remind('other-buyer', fresh.id);
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0]!.message).toBe(
      `access request "${fresh.id}" is due at ${fresh.dueAt}: a reminder may be sent once it is overdue, after that instant`,
    );
    expect(await countRequestWrites(t.db)).toEqual(writes);
    expect(await one('other-buyer', fresh.id)).toMatchObject({
      reminderCount: 0,
      nextReminderAt: fresh.dueAt,
    });
  });

  it('only an open request: a withdrawn or granted one is refused and has no next reminder', async () => {
    requestIn(await client().withdraw('buyer', 'ar-overdue'), 'withdrawAccessRequest');
    requestIn(await client().answer('reseller', 'ar-disclosures', 'GRANT'), 'answerAccessRequest');
    const writes = await countRequestWrites(t.db);
    for (const [id, status] of [
      ['ar-overdue', 'WITHDRAWN'],
      ['ar-disclosures', 'GRANTED'],
    ]) {
      const refused = await remind('buyer', id!);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.message).toBe(
        `access request "${id}" is ${status}: only an OPEN request may be reminded`,
      );
      expect(await one('buyer', id!)).toMatchObject({ nextReminderAt: null, reminderCount: 0 });
    }
    expect(await countRequestWrites(t.db)).toEqual(writes);
  });

  it('answers NOT_FOUND to the target and to any third party exactly as for a missing id', async () => {
    const writes = await countRequestWrites(t.db);
    const missing = await remind('buyer', 'ar-missing');
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0]!.message).toBe('Access request "ar-missing" not found');
    const asMissing = (id: string) => ({
      ...missing,
      errors: missing.errors!.map((e) => ({ ...e, message: e.message.replace('ar-missing', id) })),
    });
    // The target sees the request but does not send reminders of it; brand and other-buyer see nothing.
    for (const [as, id] of [
      ['reseller', 'ar-overdue'],
      ['other-buyer', 'ar-overdue'],
      ['brand', 'ar-overdue'],
      ['buyer', 'ar-reminded-before'],
    ]) {
      expect(await remind(as!, id!, { message: 'hello' }), `${as} ${id}`).toEqual(asMissing(id!));
    }
    expect(await countRequestWrites(t.db)).toEqual(writes);
  });

  it('two reminders at once: one is recorded, the other refused as too soon', async () => {
    const answers = await Promise.all([remind('buyer', 'ar-overdue'), remind('buyer', 'ar-overdue')]);
    expect(answers.map((a) => codes(a)[0] ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect((await one('buyer', 'ar-overdue'))!.reminderCount).toBe(1);
  });

  it('with an idempotency key, a retry answers the request instead of being refused as too soon', async () => {
    const first = reminded(await remind('buyer', 'ar-overdue', { message: 'hi', idempotencyKey: 'k-1' }));
    const retry = reminded(await remind('buyer', 'ar-overdue', { message: 'hi', idempotencyKey: 'k-1' }));
    expect(retry).toEqual(first);
    expect(retry.reminderCount).toBe(1);
    const other = await remind('buyer', 'ar-overdue', { message: 'other', idempotencyKey: 'k-1' });
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors![0]!.message).toMatch(
      /^idempotencyKey "k-1" was used for a different remindAccessRequest request in the last 24 hours/,
    );
    // A refused call keeps no key: fixed, it may be sent again with it.
    const early = await remind('buyer', 'ar-reminded-lately', { idempotencyKey: 'k-2' });
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await remind('buyer', 'ar-disclosures', { idempotencyKey: 'k-2' }))).toEqual([]);
  });

  it("the requester's erasure takes its reminders' notes too, and a keyed retry still answers", async () => {
    reminded(await remind('buyer', 'ar-overdue', { message: 'Ask Ms Example', idempotencyKey: 'k-r' }));
    requestIn(await client().withdraw('buyer', 'ar-overdue'), 'withdrawAccessRequest');
    const erased = requestIn(await client().redact('buyer', 'ar-overdue'), 'redactAccessRequest');
    expect(eventNotes(erased)).toEqual([
      ['SENT', 'buyer', null],
      ['REMINDED', 'buyer', null],
      ['WITHDRAWN', 'buyer', null],
      ['REDACTED', 'buyer', null],
    ]);
    // The key forgot the fingerprint of the erased note: the retry answers the request, whatever note.
    const retry = await remind('buyer', 'ar-overdue', { message: 'a guess', idempotencyKey: 'k-r' });
    expect(reminded(retry).id).toBe('ar-overdue');
  });

  it('a backup keeps the reminders, and the day counts from them after a restore', async () => {
    const request = reminded(await remind('buyer', 'ar-overdue', { message: 'Any news?' }));
    expect(await backupAndRestore(t.db)).toEqual([]);
    expect(await one('buyer', 'ar-overdue')).toEqual(request);
    const again = await remind('buyer', 'ar-overdue');
    expect(again.errors![0]!.message).toContain(`the next may be sent from ${request.nextReminderAt}`);
  });
});

describe('during a rolling upgrade', () => {
  it('a kind of event this version does not know (a newer pod’s) is left out of the history, not an error', async () => {
    const parties = ['buyer', 'brand'] as const;
    const before = await Promise.all(parties.map((as) => one(as, 'ar-reminded-lately')));
    // What a newer version might record beside the known events.
    await t.db.driver.executeQuery(
      `MATCH (r:AccessRequest {id: 'ar-reminded-lately'})
       CREATE (:AccessRequestEvent {action: 'ESCALATED', at: datetime(), actorUserId: 'u@buyer',
               actorOrganizationId: 'buyer'})-[:OF]->(r)`,
    );
    const after = await Promise.all(parties.map((as) => one(as, 'ar-reminded-lately')));
    expect(after).toEqual(before);
    expect(after.map((r) => [r?.events.length, r?.reminderCount])).toEqual([
      [2, 1],
      [2, 1],
    ]);
  });
});
