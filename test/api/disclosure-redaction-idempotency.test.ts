// A publication's idempotency key after its version 1 is redacted (specification, "Redacting a
// version"): the key keeps a SHA-256 of the request, texts included, for 24 hours. While it does, a
// retry with the same key tells a matching guess of the erased texts (the disclosure answered) from a
// wrong one (key reused), and whoever reads the store can test guesses against the hash. Redacting
// version 1 keeps only the fingerprint of what the redaction left: a retry that differs from the first
// request in its texts alone answers the disclosure, whatever texts it sends.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_CONTENT } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const FIRST = NAMING_CONTENT;
const SECOND = { ...FIRST, title: 'Audit of line 4', summary: 'Forced overtime reported.' };
const GUESS = { ...FIRST, title: 'Audit of line 4: Worker Wang Fang (line 4) said overtime was forced' };
const PUBLISH = `mutation($input: DisclosureInput!, $key: String) {
  publishDisclosure(input: $input, idempotencyKey: $key) { id version title } }`;
const KEY = 'publish-line-4';

const publish = (content: object, key = KEY) =>
  t.api.query('brand', PUBLISH, { input: { kind: 'AUDIT_REPORT', subjectId: 'factory', content }, key }, [
    ...ADMIN,
  ]);

let id = '';
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('brand', 'BRAND').org('factory', 'MANUFACTURER').link('factory', 'brand').build(),
  );
  id = ok<{ id: string }>(await publish(FIRST), 'publishDisclosure').id;
  ok(
    await t.api.query(
      'brand',
      `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { version } }`,
      { id, input: SECOND },
      [...ADMIN],
    ),
    'updateDisclosure',
  );
});

const redact = async () =>
  ok(
    await t.api.query(
      'brand',
      `mutation($id: ID!) { redactDisclosureVersion(id: $id, version: 1) { id } }`,
      { id },
      [...ADMIN],
    ),
    'redactDisclosureVersion',
  );

describe("a publication's idempotency key once its version 1 is redacted", () => {
  it('tells no guess of the erased texts from another: both retries answer the disclosure', async () => {
    // Before the redaction the key tells them apart, as it must (another request under one key).
    expect(codes(await publish(GUESS))).toEqual(['BAD_USER_INPUT']);
    await redact();
    const right = ok<{ id: string; title: string }>(await publish(FIRST), 'publishDisclosure');
    const wrong = ok<{ id: string; title: string }>(await publish(GUESS), 'publishDisclosure');
    expect(right).toEqual({ id, version: 2, title: SECOND.title });
    expect(wrong).toEqual(right);
    expect(Number((await rowsOf(t.db, 'MATCH (d:Disclosure) RETURN count(d) AS n', {}))[0]!['n'])).toBe(1);
  });

  it('keeps no hash of the erased texts in the store', async () => {
    const stored = async () =>
      (await rowsOf(t.db, 'MATCH (k:IdempotencyKey) RETURN properties(k) AS k', {}))[0]!['k'] as Record<
        string,
        unknown
      >;
    const { fingerprint } = await stored();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await redact();
    const after = JSON.stringify(await stored());
    expect(after).not.toContain(String(fingerprint));
    expect(after).not.toMatch(/Li Wei/);
  });

  it('still refuses a request that differs in what the redaction kept (another subject or date)', async () => {
    await redact();
    expect(codes(await publish({ ...FIRST, issuedAt: '2024-03-02T00:00:00.000Z' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
