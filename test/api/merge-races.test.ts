// A merge against the access-request and creating-mutation write paths: "one open request per
// (requester, target, scope)" (specification, section 8) holds after a merge, and a write of the merged
// organization sent while it is merged away either lands before the merge (and moves with it) or is
// refused as a client error, writing nothing (specification, section 10).
import { describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { REQUEST_ACCESS } from '../support/access-requests.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const ROUNDS = 15;

const rows = (cypher: string, params: Record<string, unknown> = {}) => rowsOf(t.db, cypher, params);

const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId } }`;
const ASK_KEYED = `mutation($to: ID!, $key: String) {
  requestAccess(organizationId: $to, scope: SOURCING, idempotencyKey: $key) { id status } }`;

const duplicates = () =>
  graph()
    .org('keep', 'MANUFACTURER')
    .org('dup', 'MANUFACTURER')
    .org('buyer', 'PURCHASER')
    .org('operator', 'MONITOR')
    .org('f', 'FACTORY')
    .link('keep', 'buyer')
    .link('dup', 'buyer')
    .link('f', 'keep', { id: 'f>keep' })
    .link('f', 'dup', { id: 'f>dup' })
    .build();

const openRequests = () =>
  rows(
    `MATCH (:Organization {id: 'buyer'})-[:REQUESTED]->(r:AccessRequest {status: 'OPEN', scope: 'SOURCING'})-[:OF]->(o:Organization)
     RETURN o.id AS target, r.id AS id ORDER BY id`,
  );

describe('mergeOrganizations of two organizations a third one has open requests to', () => {
  it('is refused while it would leave two open requests of one requester to one target for one scope', async () => {
    await loadGraph(t.db, duplicates());
    for (const to of ['keep', 'dup'])
      ok(await t.api.query('buyer', REQUEST_ACCESS, { to, scope: 'SOURCING' }, [...ADMIN]), 'requestAccess');
    const merged = await t.api.query('operator', MERGE, { keepId: 'keep', mergeId: 'dup' }, [
      'platform_admin',
    ]);
    // At most one may be open: the merge is refused naming both, and nothing moves.
    expect(merged.errors?.[0]?.message).toMatch(
      /^open access requests '.+' \(with 'keep'\) and '.+' \(with 'dup'\) would become two open requests/,
    );
    const open = await openRequests();
    expect(open.map((r) => r['target']).sort()).toEqual(['dup', 'keep']);
  });
});

describe('requestAccess with an idempotency key by the merged organization, at once with the merge', () => {
  it('lands before the merge (its key moves to the kept organization) or is refused, never a 5xx or a stranded key', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const [merged, asked] = await Promise.all([
        t.api.query('operator', MERGE, { keepId: 'keep', mergeId: 'dup' }, ['platform_admin']),
        t.api.query('dup', ASK_KEYED, { to: 'f', key: `k-${round}` }, [...ADMIN]),
      ]);
      const stranded = await rows(`MATCH (k:IdempotencyKey {organizationId: 'dup'}) RETURN k.key AS key`);
      const requests = await rows(
        `MATCH (o)-[:REQUESTED]->(r:AccessRequest) RETURN o.id AS requester, r.id AS id`,
      );
      const bad = [merged, asked].filter(
        (a) => a.status >= 500 || codes(a).includes('INTERNAL_SERVER_ERROR'),
      );
      const askedOk = asked.errors === undefined;
      if (bad.length > 0 || stranded.length > 0 || requests.length !== (askedOk ? 1 : 0))
        failures.push(
          `round ${round}: merge ${merged.status} ${JSON.stringify(codes(merged))}, requestAccess ${asked.status} ${JSON.stringify(codes(asked))}; ` +
            `keys left to dup ${JSON.stringify(stranded)}, requests ${JSON.stringify(requests)}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});

const WRITES = [
  [
    'shareSourcing by the merged organization',
    'dup',
    `mutation { shareSourcing(recipientId: "buyer") { id } }`,
  ],
  [
    'publishDisclosure by the merged organization',
    'dup',
    `mutation { publishDisclosure(input: { kind: SELF_ASSESSMENT, subjectId: "dup", content: { title: "t", issuedAt: "2024-01-01T00:00:00Z" } }) { id } }`,
  ],
  [
    'declareSupplyLink by the merged organization',
    'dup',
    `mutation { declareSupplyLink(supplierId: "f", products: ["x"]) { id } }`,
  ],
] as const;

describe.each(WRITES)('%s, at once with the merge', (_name, as, mutation) => {
  it('lands before the merge or is refused as a client error, never a 5xx', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const [merged, wrote] = await Promise.all([
        t.api.query('operator', MERGE, { keepId: 'keep', mergeId: 'dup' }, ['platform_admin']),
        t.api.query(as, mutation, {}, [...ADMIN]),
      ]);
      const bad = [merged, wrote].filter(
        (a) => a.status >= 500 || codes(a).includes('INTERNAL_SERVER_ERROR'),
      );
      if (bad.length > 0)
        failures.push(
          `round ${round}: merge ${merged.status} ${JSON.stringify(codes(merged))}, write ${wrote.status} ${JSON.stringify(codes(wrote))}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});
