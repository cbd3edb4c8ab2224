// Abuse of remindAccessRequest: bad ids, oversize and malformed messages, bad idempotency keys. Each is
// refused with BAD_USER_INPUT naming the field, the same for a hidden request as for the requester's
// own (the message is judged before the request is sought), and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const DAY = 86_400_000;
const REMIND = `mutation Remind($id: ID!, $message: String, $idempotencyKey: String) {
  remindAccessRequest(id: $id, message: $message, idempotencyKey: $idempotencyKey) { id reminderCount }
}`;
const remind = (as: string, variables: Record<string, unknown>) => t.api.query(as, REMIND, variables);

beforeAll(async () => {
  const sentAt = new Date(Date.now() - 30 * DAY).toISOString();
  await loadGraph(t.db, {
    ...graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .build(),
    accessRequests: [
      { id: 'ar-own', requester: 'buyer', target: 'reseller', scope: 'SOURCING', products: [], sentAt },
      {
        id: 'ar-hidden',
        requester: 'other-buyer',
        target: 'reseller',
        scope: 'SOURCING',
        products: [],
        sentAt,
      },
    ],
  });
});

describe('remindAccessRequest refuses bad input before it seeks the request', () => {
  it.each([
    [
      'a message over 2000 characters',
      { message: 'x'.repeat(2001) },
      'message must be at most 2000 characters, got 2001',
    ],
    [
      'a control character',
      { message: 'Please\u0007 answer' },
      'message must be text without control characters other than line breaks and tabs, got "Please\\u0007 answer" (U+0007 at character 7)',
    ],
    ['an escape sequence', { message: '\u001b[2J' }, 'message must be text without control characters'],
    ['a C1 control', { message: 'a\u0085b' }, 'message must be text without control characters'],
    ['a bidirectional override', { message: 'pay \u202eevil' }, 'message must be text without'],
    ['a tag character', { message: 'hi\u{E0041}' }, 'message must be text without'],
    [
      'an unpaired surrogate',
      { message: 'Hello \ud800' },
      'remindAccessRequest(message) must be well-formed Unicode text',
    ],
    [
      'an idempotency key with spaces around it',
      { idempotencyKey: ' k ' },
      'idempotencyKey must be a non-empty string',
    ],
    ['an empty idempotency key', { idempotencyKey: '' }, 'idempotencyKey must be a non-empty string'],
  ])('%s: BAD_USER_INPUT naming it, alike for any id, nothing written', async (_case, variables, mention) => {
    const before = await dumpGraph(t.db.driver);
    const own = await remind('buyer', { id: 'ar-own', ...variables });
    expect(codes(own)).toEqual(['BAD_USER_INPUT']);
    expect(own.errors![0]!.message).toContain(mention);
    for (const id of ['ar-hidden', 'ar-missing'])
      expect(await remind('buyer', { id, ...variables }), id).toEqual(own);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it.each([
    ['an empty id', ''],
    ['an id with a surrounding space', ' ar-own'],
    ['an id with a line break', 'ar-own\n'],
    ['an id over 200 characters', 'a'.repeat(201)],
  ])('%s: BAD_USER_INPUT naming remindAccessRequest(id), nothing written', async (_case, id) => {
    const before = await dumpGraph(t.db.driver);
    const response = await remind('buyer', { id });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/^remindAccessRequest\(id\) must be a non-empty string/);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('takes a message of 2000 characters with line breaks and tabs, trimmed', async () => {
    const message = `${'x'.repeat(1996)}\n\ty `;
    const response = await t.api.query(
      'buyer',
      `mutation($m: String) { remindAccessRequest(id: "ar-own", message: $m) {
      events { action note } } }`,
      { m: message },
    );
    expect(response.errors).toBeUndefined();
    const events = (response.data!['remindAccessRequest'] as { events: { action: string; note: string }[] })
      .events;
    expect(events.at(-1)).toEqual({ action: 'REMINDED', note: `${'x'.repeat(1996)}\n\ty` });
  });
});
