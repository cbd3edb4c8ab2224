// Hostile and careless input to the disclosure mutations: bad subjects, bad dates, bad hashes and URLs,
// oversize strings, foreign and hidden disclosures. Each answers the contract's error naming the bad
// field and value, and writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`;
const GOOD = { title: 'Audit', issuedAt: '2024-01-01' };
const ACTION = { id: 'a', finding: 'f', severity: 'HIGH', action: 'x', dueAt: '2024-06-01' };

const counts = async () => {
  const { records } = await t.db.driver.executeQuery(
    `CALL () { MATCH (d:Disclosure) RETURN count(d) AS d } CALL () { MATCH (v:DisclosureVersion) RETURN count(v) AS v }
     CALL () { MATCH (a:CorrectiveAction) RETURN count(a) AS a } RETURN d, v, a`,
  );
  return records[0]!.toObject();
};
const publish = (content: object, kind = 'AUDIT_REPORT', subjectId = 'brand') =>
  t.api.query('brand', PUBLISH, { input: { subjectId, kind, content } }, [...ADMIN]);

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('hidden', 'FACTORY')
      .org('other', 'BRAND')
      .link('factory', 'brand')
      .link('hidden', 'other')
      .disclosure('other', 'hidden', { id: 'foreign' })
      .build(),
  );
});

describe('publishDisclosure refuses, naming the field and the value, and writes nothing', () => {
  it.each<[string, object, string]>([
    ['a blank title', { ...GOOD, title: '   ' }, 'title must be 1..200 characters and not blank, got "   "'],
    ['an oversize title', { ...GOOD, title: 'x'.repeat(201) }, 'title must be 1..200 characters'],
    [
      'an oversize summary',
      { ...GOOD, summary: 'x'.repeat(4001) },
      'summary must be at most 4000 characters, got 4001',
    ],
    [
      'an oversize issuer',
      { ...GOOD, issuer: 'x'.repeat(10_000) },
      'issuer must be at most 200 characters, got 10000',
    ],
    [
      'an issue date in the future',
      { ...GOOD, issuedAt: '2999-01-01' },
      'issuedAt must not be in the future',
    ],
    ['validity before issue', { ...GOOD, validUntil: '2023-01-01' }, 'validUntil must be after issuedAt'],
    [
      'a javascript: URL',
      { ...GOOD, documentUrl: 'javascript:alert(1)' },
      'documentUrl must be an http(s) URL',
    ],
    [
      'a short hash',
      { ...GOOD, documentSha256: 'abc' },
      'documentSha256 must be 64 hexadecimal digits, got "abc"',
    ],
    [
      'a non-hex hash',
      { ...GOOD, documentSha256: 'g'.repeat(64) },
      'documentSha256 must be 64 hexadecimal digits',
    ],
    ['duplicate action ids', { ...GOOD, actions: [ACTION, ACTION] }, 'actions[1].id "a" is listed twice'],
    [
      'an oversize action id',
      { ...GOOD, actions: [{ ...ACTION, id: 'x'.repeat(65) }] },
      'actions[0].id must be a non-empty string of at most 64 characters without surrounding spaces, control characters or unpaired surrogates',
    ],
    [
      'closedAt on an open action',
      { ...GOOD, actions: [{ ...ACTION, closedAt: '2024-02-01' }] },
      'actions[0].closedAt must be absent while status is OPEN',
    ],
    [
      'a closing date in the future',
      { ...GOOD, actions: [{ ...ACTION, status: 'CLOSED', closedAt: '2999-01-01' }] },
      'actions[0].closedAt must not be in the future',
    ],
  ])('%s', async (_case, content, message) => {
    const before = await counts();
    const response = await publish(content);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('a malformed date is refused by the DateTime scalar before anything runs', async () => {
    const response = await publish({ ...GOOD, issuedAt: '2024-02-30' });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('"2024-02-30"');
  });

  it('actions on a kind that has none', async () => {
    const response = await publish({ ...GOOD, actions: [ACTION] }, 'CERTIFICATE');
    expect(response.errors![0]!.message).toContain(
      'actions are only for CORRECTIVE_ACTION_PLAN and AUDIT_REPORT disclosures, not CERTIFICATE',
    );
  });

  it('a hidden subject answers as an unknown one', async () => {
    const [hidden, unknown] = await Promise.all([
      publish(GOOD, 'AUDIT_REPORT', 'hidden'),
      publish(GOOD, 'AUDIT_REPORT', 'no-such'),
    ]);
    expect(hidden.errors![0]!.message.replace('hidden', 'X')).toBe(
      unknown.errors![0]!.message.replace('no-such', 'X'),
    );
  });
});

describe('foreign and hidden disclosures', () => {
  it('answer as missing ones everywhere', async () => {
    const query = `query($id: ID!) { disclosure(id: $id) { id } }`;
    expect((await t.api.query('brand', query, { id: 'foreign' })).data).toEqual({ disclosure: null });
    for (const mutation of [
      `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`,
      `mutation($id: ID!) { updateDisclosure(id: $id, input: { title: "x", issuedAt: "2024-01-01" }) { id } }`,
      `mutation($id: ID!) { updateCorrectiveAction(disclosureId: $id, actionId: "a", input: { status: OPEN }) { id } }`,
      `mutation($id: ID!) { shareDisclosures(recipientId: "factory", disclosureIds: [$id]) { id } }`,
    ]) {
      const [foreign, missing] = await Promise.all([
        t.api.query('brand', mutation, { id: 'foreign' }, [...ADMIN]),
        t.api.query('brand', mutation, { id: 'missing' }, [...ADMIN]),
      ]);
      expect(codes(foreign)).toEqual(codes(missing));
      expect(foreign.errors![0]!.message.replace('foreign', 'X')).toBe(
        missing.errors![0]!.message.replace('missing', 'X'),
      );
    }
  });
});
