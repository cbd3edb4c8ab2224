// Idempotency keys of the creating mutations (docs/specification.md, "Idempotency keys"): a client
// that retries after a lost answer, or sends one action twice at once, creates one record. Each
// mutation is put through the same rules: a retry answers the same id and writes nothing, other
// arguments with the key are refused naming it, ten calls at once make one record, a refused call
// keeps no key, another organization's same key is its own, an expired key creates anew, and a bad
// key is refused naming it.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { resellerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
/** The mutations whose free texts a redaction may erase later (redactDisclosureVersion, redactAccessRequest). */
const ERASABLE = ['publishDisclosure', 'requestAccess', 'answerAccessRequest'];
const ROLES = ['supplier_admin', 'analyst'] as const;

const rows = (cypher: string, params: Record<string, unknown> = {}) => rowsOf(t.db, cypher, params);
const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  Number((await rows(cypher, params))[0]!['n']);

beforeEach(async () => {
  await loadGraph(t.db, resellerChain().build());
});

const SELF = { title: 'Self-assessment 2026', issuedAt: '2026-01-15' };
const DECLARE = `mutation($s: ID!) { declareSupplyLink(supplierId: $s, products: ["laptops"]) { id } }`;

/** One party's call of a mutation: who, and the variables besides $key. */
interface Call {
  as: string;
  vars: Record<string, unknown>;
}

interface Case {
  mutation: string;
  /** The operation; takes $key as its idempotencyKey. */
  query: string;
  /** Set-up of a round (amendSupplyLink: the links to amend); returns what the calls are made of. */
  calls(): Promise<{ first: Call; other: Call; refused: Call; elsewhere: Call }>;
  /** How many records of this mutation's kind `org` has made. */
  made(org: string): Promise<number>;
  /** The answer is the record the call names (an answered request), not one it created. */
  answersWhatItNames?: true;
  /** Lets the same call succeed again once its key has expired (requestAccess: one open request). */
  release?(org: string): Promise<void>;
}

const declared = async (org: string, supplier: string) =>
  ok<{ id: string }>(await t.api.query(org, DECLARE, { s: supplier }, [...ROLES]), 'declareSupplyLink').id;

const requested = async (org: string, target: string) =>
  ok<{ id: string }>(
    await t.api.query(
      org,
      `mutation($o: ID!) { requestAccess(organizationId: $o, scope: SOURCING) { id } }`,
      { o: target },
      [...ROLES],
    ),
    'requestAccess',
  ).id;

const shares = (scope: string) => (org: string) =>
  count(`MATCH (:Organization {id: $org})-[:GRANTED]->(s:Share {scope: $scope}) RETURN count(s) AS n`, {
    org,
    scope,
  });

/** A share identical to an active one is refused: the first is revoked before the key expires. */
const revokeShares = async (org: string) => {
  await t.db.driver.executeQuery(
    'MATCH (:Organization {id: $org})-[:GRANTED]->(s:Share) SET s.revokedAt = datetime()',
    { org },
  );
};

const CASES: Case[] = [
  {
    mutation: 'shareSourcing',
    query: `mutation($r: ID!, $expiresAt: DateTime, $key: String) {
      shareSourcing(recipientId: $r, expiresAt: $expiresAt, idempotencyKey: $key) { id } }`,
    calls: async () => ({
      first: { as: 'reseller', vars: { r: 'buyer' } },
      other: { as: 'reseller', vars: { r: 'buyer', expiresAt: '2099-01-01T00:00:00Z' } },
      refused: { as: 'reseller', vars: { r: 'nowhere' } },
      elsewhere: { as: 'brand', vars: { r: 'reseller' } },
    }),
    made: shares('SOURCING'),
    release: revokeShares,
  },
  {
    mutation: 'shareDisclosures',
    query: `mutation($r: ID!, $expiresAt: DateTime, $key: String) {
      shareDisclosures(recipientId: $r, expiresAt: $expiresAt, idempotencyKey: $key) { id } }`,
    calls: async () => ({
      first: { as: 'reseller', vars: { r: 'buyer' } },
      other: { as: 'reseller', vars: { r: 'brand' } },
      refused: { as: 'reseller', vars: { r: 'nowhere' } },
      elsewhere: { as: 'brand', vars: { r: 'reseller' } },
    }),
    made: shares('DISCLOSURES'),
    release: revokeShares,
  },
  {
    mutation: 'publishDisclosure',
    query: `mutation($input: DisclosureInput!, $key: String) {
      publishDisclosure(input: $input, idempotencyKey: $key) { id } }`,
    calls: async () => ({
      first: {
        as: 'reseller',
        vars: { input: { subjectId: 'brand', kind: 'SELF_ASSESSMENT', content: SELF } },
      },
      other: {
        as: 'reseller',
        vars: {
          input: { subjectId: 'brand', kind: 'SELF_ASSESSMENT', content: { ...SELF, title: 'Other' } },
        },
      },
      refused: {
        as: 'reseller',
        vars: { input: { subjectId: 'buyer', kind: 'SELF_ASSESSMENT', content: SELF } },
      },
      elsewhere: {
        as: 'brand',
        vars: { input: { subjectId: 'brand', kind: 'SELF_ASSESSMENT', content: SELF } },
      },
    }),
    made: (org) =>
      count(`MATCH (:Organization {id: $org})-[:PUBLISHED]->(d:Disclosure) RETURN count(d) AS n`, { org }),
  },
  {
    mutation: 'declareSupplyLink',
    query: `mutation($s: ID!, $products: [String!], $key: String) {
      declareSupplyLink(supplierId: $s, products: $products, idempotencyKey: $key) { id } }`,
    calls: async () => ({
      first: { as: 'buyer', vars: { s: 'reseller', products: ['laptops'] } },
      other: { as: 'buyer', vars: { s: 'reseller', products: ['docks'] } },
      refused: { as: 'buyer', vars: { s: 'nowhere', products: ['laptops'] } },
      elsewhere: { as: 'reseller', vars: { s: 'brand', products: ['laptops'] } },
    }),
    made: (org) =>
      count(
        `MATCH ()-[l:SUPPLIES]->(:Organization {id: $org}) WHERE l.provenance = 'REPORTED' RETURN count(l) AS n`,
        { org },
      ),
  },
  {
    mutation: 'amendSupplyLink',
    query: `mutation($id: ID!, $products: [String!], $key: String) {
      amendSupplyLink(id: $id, products: $products, idempotencyKey: $key) { id } }`,
    calls: async () => {
      const own = await declared('buyer', 'reseller');
      const theirs = await declared('reseller', 'brand');
      return {
        first: { as: 'buyer', vars: { id: own, products: ['monitors'] } },
        other: { as: 'buyer', vars: { id: own, products: ['docks'] } },
        refused: { as: 'buyer', vars: { id: 'link-nowhere', products: ['monitors'] } },
        elsewhere: { as: 'reseller', vars: { id: theirs, products: ['monitors'] } },
      };
    },
    // Successors only: the declared link of the set-up is not counted.
    made: (org) =>
      count(
        `MATCH (:Organization {id: $org})-[:SOURCING_EVENT]->(e:SupplyLinkEvent {action: 'AMENDED'}) RETURN count(e) AS n`,
        { org },
      ),
    // The amended link has ended, and an amendment of it is refused once no key answers for it: the
    // link is made to hold again in the store, so that the expired key's call can amend it anew.
    release: async (org) => {
      await t.db.driver.executeQuery(
        `MATCH ()-[l:SUPPLIES]->(:Organization {id: $org}) WHERE l.supersededBy IS NOT NULL
         SET l.validTo = null REMOVE l.supersededBy`,
        { org },
      );
    },
  },
  {
    mutation: 'requestAccess',
    query: `mutation($o: ID!, $scope: AccessScope!, $key: String) {
      requestAccess(organizationId: $o, scope: $scope, idempotencyKey: $key) { id } }`,
    calls: async () => ({
      first: { as: 'buyer', vars: { o: 'reseller', scope: 'SOURCING' } },
      other: { as: 'buyer', vars: { o: 'reseller', scope: 'DISCLOSURES' } },
      refused: { as: 'buyer', vars: { o: 'nowhere', scope: 'SOURCING' } },
      elsewhere: { as: 'reseller', vars: { o: 'brand', scope: 'SOURCING' } },
    }),
    made: (org) =>
      count(`MATCH (:Organization {id: $org})-[:REQUESTED]->(r:AccessRequest) RETURN count(r) AS n`, { org }),
    // At most one open request per target and scope: the first is withdrawn before the key expires.
    release: async (org) => {
      await t.db.driver.executeQuery(
        `MATCH (:Organization {id: $org})-[:REQUESTED]->(r:AccessRequest) SET r.status = 'WITHDRAWN'`,
        { org },
      );
    },
  },
  {
    mutation: 'answerAccessRequest',
    query: `mutation($id: ID!, $decision: AccessDecision!, $reason: String, $key: String) {
      answerAccessRequest(id: $id, decision: $decision, reason: $reason, idempotencyKey: $key) { id } }`,
    calls: async () => {
      const toReseller = await requested('buyer', 'reseller');
      const toBrand = await requested('reseller', 'brand');
      return {
        first: { as: 'reseller', vars: { id: toReseller, decision: 'GRANT' } },
        other: { as: 'reseller', vars: { id: toReseller, decision: 'DECLINE', reason: 'Not now' } },
        refused: { as: 'reseller', vars: { id: 'ar-nowhere', decision: 'GRANT' } },
        elsewhere: { as: 'brand', vars: { id: toBrand, decision: 'GRANT' } },
      };
    },
    answersWhatItNames: true,
    // The shares its grants created: the request's id is the same whatever happens.
    made: (org) =>
      count(`MATCH (:Organization {id: $org})-[:GRANTED]->(s:Share) RETURN count(s) AS n`, { org }),
    // A granted request is answered once; reopened in the store, the expired key's call grants it anew,
    // creating a share once the first is revoked (an active one that gives the same would be linked).
    release: async (org) => {
      await t.db.driver.executeQuery(
        `MATCH (r:AccessRequest)-[:OF]->(o:Organization {id: $org}) SET r.status = 'OPEN', r.closedAt = null
         WITH DISTINCT o MATCH (o)-[:GRANTED]->(s:Share) SET s.revokedAt = datetime()`,
        { org },
      );
    },
  },
];

describe.each(CASES)('$mutation with an idempotency key', (c) => {
  const call = (made: Call, key: string | null): Promise<GraphQLResponse> =>
    t.api.query(made.as, c.query, { ...made.vars, key }, [...ROLES]);
  const idOf = (response: GraphQLResponse) => ok<{ id: string }>(response, c.mutation).id;

  it('answers a retry with the same record, written once', async () => {
    const { first } = await c.calls();
    const before = await c.made(first.as);
    const id = idOf(await call(first, 'retry-1'));
    expect(idOf(await call(first, 'retry-1'))).toBe(id);
    expect(idOf(await call(first, 'retry-1'))).toBe(id);
    expect(await c.made(first.as)).toBe(before + 1);
    // The key record keeps what was created and a fingerprint, never the arguments.
    const [stored] = await rows(
      `MATCH (k:IdempotencyKey {organizationId: $org, mutation: $mutation, key: 'retry-1'}) RETURN properties(k) AS k`,
      { org: first.as, mutation: c.mutation },
    );
    expect(stored!['k']).toMatchObject({
      resultIds: [id],
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Of a call whose texts a redaction may erase, also the fingerprint without them, what it leaves.
    expect(Object.keys(stored!['k'] as object).sort()).toEqual([
      'createdAt',
      ...(ERASABLE.includes(c.mutation) ? ['erasedFingerprint'] : []),
      'expiresAt',
      'fingerprint',
      'key',
      'mutation',
      'organizationId',
      'resultIds',
    ]);
  });

  it('refuses the key with other arguments, naming it, and writes nothing', async () => {
    const { first, other } = await c.calls();
    idOf(await call(first, 'k-other'));
    const after = await c.made(first.as);
    const refused = await call(other, 'k-other');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain('"k-other"');
    expect(refused.errors![0]!.message).toContain('different');
    expect(await c.made(first.as)).toBe(after);
  });

  it('makes one record of ten calls at once with one key, and all ten answer it', async () => {
    const { first } = await c.calls();
    const before = await c.made(first.as);
    const answers = await Promise.all(Array.from({ length: 10 }, () => call(first, 'k-ten')));
    const ids = answers.map(idOf);
    expect(new Set(ids).size).toBe(1);
    expect(await c.made(first.as)).toBe(before + 1);
  });

  it('keeps no key for a refused call: fixed, it is retried with the same key', async () => {
    const { first, refused } = await c.calls();
    const failed = await call(refused, 'k-fix');
    expect(failed.errors).toBeDefined();
    expect(await count(`MATCH (k:IdempotencyKey {key: 'k-fix'}) RETURN count(k) AS n`)).toBe(0);
    const before = await c.made(first.as);
    const id = idOf(await call(first, 'k-fix'));
    expect(idOf(await call(first, 'k-fix'))).toBe(id);
    expect(await c.made(first.as)).toBe(before + 1);
  });

  it("leaves another organization's same key its own", async () => {
    const { first, elsewhere } = await c.calls();
    const mine = idOf(await call(first, 'k-shared'));
    const before = await c.made(elsewhere.as);
    const theirs = idOf(await call(elsewhere, 'k-shared'));
    expect(theirs).not.toBe(mine);
    expect(await c.made(elsewhere.as)).toBe(before + 1);
    // And the first organization's retry still answers its own record.
    expect(idOf(await call(first, 'k-shared'))).toBe(mine);
  });

  it('creates anew once the key has expired (24 hours)', async () => {
    const { first } = await c.calls();
    const before = await c.made(first.as);
    const id = idOf(await call(first, 'k-old'));
    await t.db.driver.executeQuery(
      `MATCH (k:IdempotencyKey {key: 'k-old'})
       SET k.createdAt = k.createdAt - duration('PT25H'), k.expiresAt = k.expiresAt - duration('PT25H')`,
    );
    await c.release?.(first.as);
    const again = idOf(await call(first, 'k-old'));
    if (!c.answersWhatItNames) expect(again).not.toBe(id);
    expect(await c.made(first.as)).toBe(before + 2);
    expect(await count(`MATCH (k:IdempotencyKey {key: 'k-old'}) RETURN count(k) AS n`)).toBe(1);
  });

  it('refuses a bad key, naming it', async () => {
    const { first } = await c.calls();
    const before = await c.made(first.as);
    for (const [key, shown] of [
      ['', '""'],
      ['x'.repeat(256), `"${'x'.repeat(76)}...`],
      ['a\u0007b', '"a\\u0007b"'],
      ['\ud800', '"\\ud800"'],
      [' padded', '" padded"'],
    ] as const) {
      const refused = await call(first, key);
      expect(codes(refused), key).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.message).toContain(`idempotencyKey`);
      expect(refused.errors![0]!.message).toContain(shown);
    }
    expect(await c.made(first.as)).toBe(before);
  });
});

describe('expired keys', () => {
  it('are deleted by the next key of their organization, also when ten calls at once find them', async () => {
    await t.db.driver.executeQuery(
      `UNWIND range(1, 30) AS i
       CREATE (:IdempotencyKey {organizationId: 'reseller', mutation: 'shareSourcing', key: 'stale-' + i,
               fingerprint: 'f', resultIds: ['s-gone'], createdAt: datetime() - duration('P2D'),
               expiresAt: datetime() - duration('P1D')})`,
    );
    // Each until a day of its own: a share identical to an active one is refused.
    const query = `mutation($key: String, $until: DateTime) {
      shareSourcing(recipientId: "buyer", expiresAt: $until, idempotencyKey: $key) { id } }`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api.query('reseller', query, { key: `fresh-${i}`, until: `2099-01-${10 + i}` }, [...ROLES]),
      ),
    );
    expect(answers.map((a) => a.errors)).toEqual(Array.from({ length: 10 }, () => undefined));
    expect(
      await count(`MATCH (k:IdempotencyKey) WHERE k.key STARTS WITH 'stale-' RETURN count(k) AS n`),
    ).toBe(0);
    expect(
      await count(`MATCH (k:IdempotencyKey) WHERE k.key STARTS WITH 'fresh-' RETURN count(k) AS n`),
    ).toBe(10);
  });
});

describe('a retry answers the record as it is now', () => {
  it('a share revoked since answers revoked, with its id, and nothing is granted again', async () => {
    const share = `mutation($key: String) { shareSourcing(recipientId: "buyer", idempotencyKey: $key) { id active } }`;
    const first = ok<{ id: string; active: boolean }>(
      await t.api.query('reseller', share, { key: 'k-now' }, [...ROLES]),
      'shareSourcing',
    );
    ok(
      await t.api.query('reseller', `mutation($id: ID!) { revokeShare(id: $id) { id } }`, { id: first.id }, [
        ...ROLES,
      ]),
      'revokeShare',
    );
    const retried = ok<{ id: string; active: boolean }>(
      await t.api.query('reseller', share, { key: 'k-now' }, [...ROLES]),
      'shareSourcing',
    );
    expect(retried).toEqual({ id: first.id, active: false });
    expect(await shares('SOURCING')('reseller')).toBe(1);
  });
});
