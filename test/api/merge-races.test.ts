// A merge against the access-request and creating-mutation write paths: "one open request per
// (requester, target, scope)" (specification, section 8) holds after a merge, a write of the merged
// organization sent while it is merged away either lands before the merge (and moves with it) or is
// refused as a client error, writing nothing, and another organization's write naming the merged id
// during the merge names the merged organization or the kept one, never nothing (specification,
// section 10).
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
const SHARE = `mutation($r: ID!) { shareSourcing(recipientId: $r) { id } }`;
const DECLARE = `mutation($s: ID!) { declareSupplyLink(supplierId: $s) { id supplier { id } } }`;
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
      /^open access requests ".+" \(with "keep"\) and ".+" \(with "dup"\) would become two open requests/,
    );
    const open = await openRequests();
    expect(open.map((r) => r['target']).sort()).toEqual(['dup', 'keep']);
  });

  it.each([
    ['BOTH', 'SOURCING', true],
    ['DISCLOSURES', 'BOTH', true],
    ['SOURCING', 'DISCLOSURES', false],
  ])(
    'counts BOTH as either scope: %s to the kept and %s to the merged one refused: %s',
    async (kept, merged, refused) => {
      await loadGraph(t.db, duplicates());
      ok(
        await t.api.query('buyer', REQUEST_ACCESS, { to: 'keep', scope: kept }, [...ADMIN]),
        'requestAccess',
      );
      ok(
        await t.api.query('buyer', REQUEST_ACCESS, { to: 'dup', scope: merged }, [...ADMIN]),
        'requestAccess',
      );
      const answer = await t.api.query('operator', MERGE, { keepId: 'keep', mergeId: 'dup' }, [
        'platform_admin',
      ]);
      expect(codes(answer)).toEqual(refused ? ['BAD_USER_INPUT'] : []);
    },
  );
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

describe.each(WRITES)('%s, staggered with the merge', (_name, as, mutation) => {
  it('lands before the merge in some rounds and is refused as a client error in others, never a 5xx', async () => {
    const failures: string[] = [];
    const halves = raceHalves();
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const [merged, wrote] = await staggered(() => t.api.query(as, mutation, {}, [...ADMIN]), round);
      halves.saw(wrote);
      if (fault(merged) || fault(wrote) || merged.errors !== undefined)
        failures.push(
          `round ${round}: merge ${merged.status} ${JSON.stringify(codes(merged))}, write ${wrote.status} ${JSON.stringify(codes(wrote))}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
    halves.expectBoth();
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const merge = () => t.api.query('operator', MERGE, { keepId: 'keep', mergeId: 'dup' }, ['platform_admin']);
/**
 * The write first and the merge 2 ms later per round, so that both halves of the race happen: sent at
 * the same instant, the merge won every round, and "lands before the merge" never ran. The first round
 * merges before it writes and the last writes before it merges, so that each half happens whatever the
 * machine's speed.
 */
const staggered = async <T>(write: () => Promise<T>, round: number) => {
  if (round === 0) {
    const merged = await merge();
    return [merged, await write()] as const;
  }
  const wrote = write();
  if (round === ROUNDS - 1) await wrote;
  else await sleep(2 * round);
  return Promise.all([merge(), wrote] as const);
};
/** Which halves of a staggered race happened: the write landed (before the merge), or was refused. */
const raceHalves = () => {
  const seen = new Set<'landed' | 'refused'>();
  return {
    /** Records `answer`'s half; true when it landed. */
    saw: (answer: { errors?: unknown }) => {
      seen.add(answer.errors === undefined ? 'landed' : 'refused');
      return answer.errors === undefined;
    },
    expectBoth: () =>
      expect(
        [...seen].sort(),
        'a write landed before the merge in one round and was refused in another',
      ).toEqual(['landed', 'refused']),
  };
};
const fault = (a: { status: number; errors?: { extensions?: { code?: string } }[] }) =>
  a.status >= 500 || codes(a as never).includes('INTERNAL_SERVER_ERROR');

describe('shareSourcing by the merged organization, staggered with the merge', () => {
  it('lands before the merge in some rounds (and its whole share is frozen) and is refused in others', async () => {
    const failures: string[] = [];
    const halves = raceHalves();
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const [merged, shared] = await staggered(
        () => t.api.query('dup', SHARE, { r: 'buyer' }, [...ADMIN]),
        round,
      );
      halves.saw(shared);
      const whole = await rows(
        `MATCH (o:Organization {id: 'keep'})-[:GRANTED]->(s:Share {scope: 'SOURCING'}) WHERE s.linkIds IS NULL
         RETURN s.id AS id`,
      );
      const dangling = await rows(
        `MATCH (s:Share) WHERE NOT EXISTS { (:Organization)-[:GRANTED]->(s) } RETURN s.id AS id`,
      );
      if (
        fault(merged) ||
        fault(shared) ||
        merged.errors !== undefined ||
        whole.length > 0 ||
        dangling.length > 0
      )
        failures.push(
          `round ${round}: merge ${JSON.stringify(codes(merged))}, share ${shared.status} ${JSON.stringify(codes(shared))}; unfrozen ${JSON.stringify(whole)}, dangling ${JSON.stringify(dangling)}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
    halves.expectBoth();
  });
});

describe('requestAccess with an idempotency key by the merged organization, staggered with the merge', () => {
  it('lands before the merge in some rounds (its key moves to the kept organization), never strands a key', async () => {
    const failures: string[] = [];
    const halves = raceHalves();
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const key = `k-${round}`;
      const [merged, asked] = await staggered(
        () => t.api.query('dup', ASK_KEYED, { to: 'f', key }, [...ADMIN]),
        round,
      );
      const keys = await rows(`MATCH (k:IdempotencyKey) RETURN k.organizationId AS org, k.key AS key`);
      const requests = await rows(`MATCH (o)-[:REQUESTED]->(r:AccessRequest) RETURN o.id AS requester`);
      const askedOk = halves.saw(asked);
      const expectedKeys = askedOk ? [{ org: 'keep', key }] : [];
      const expectedRequests = askedOk ? [{ requester: 'keep' }] : [];
      if (
        fault(merged) ||
        fault(asked) ||
        JSON.stringify(keys) !== JSON.stringify(expectedKeys) ||
        JSON.stringify(requests) !== JSON.stringify(expectedRequests)
      )
        failures.push(
          `round ${round}: merge ${JSON.stringify(codes(merged))}, requestAccess ${asked.status} ${JSON.stringify(codes(asked))}; keys ${JSON.stringify(keys)}, requests ${JSON.stringify(requests)}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
    halves.expectBoth();
  });
});

describe("declareSupplyLink by a third party naming the merged organization's id, at once with the merge", () => {
  it('declares a link from dup (before the merge) or from keep (dup resolves to it after), never refuses dup as unknown', async () => {
    // buyer buys from both; "supplierId of declareSupplyLink — a merged id stands for the organization
    // it was merged into" (specification, section 10). A write that waited for the merge's lock once
    // answered BAD_USER_INPUT "supplierId 'dup' is unknown" (14 of 15 rounds).
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const [merged, declared] = await Promise.all([
        merge(),
        t.api.query('buyer', DECLARE, { s: 'dup' }, [...ADMIN]),
      ]);
      const supplier = (declared.data?.['declareSupplyLink'] as { supplier: { id: string } } | null)?.supplier
        .id;
      if (
        merged.errors !== undefined ||
        declared.errors !== undefined ||
        !['dup', 'keep'].includes(supplier ?? '')
      )
        failures.push(
          `round ${round}: merge ${JSON.stringify(codes(merged))}, declare ${declared.errors?.[0]?.message ?? `supplier ${supplier}`}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});

describe("requestAccess by a third party naming the merged organization's id, at once with the merge", () => {
  it('asks dup (before the merge) or keep (dup resolves to it after), never answers dup as not found', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, duplicates());
      const [merged, asked] = await Promise.all([
        merge(),
        t.api.query('buyer', ASK_KEYED, { to: 'dup', key: null }, [...ADMIN]),
      ]);
      if (merged.errors !== undefined || asked.errors !== undefined)
        failures.push(
          `round ${round}: merge ${JSON.stringify(codes(merged))}, requestAccess ${JSON.stringify(codes(asked))} ${asked.errors?.[0]?.message}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});
