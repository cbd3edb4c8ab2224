// chainsReaching checked against supplyChain(rootId: r) for each root r of the viewer,
// with the same maxDepth, asOf and product, on a graph with every kind of root (whole, partial and
// disclosure shares, a revoked one, the viewer itself), a product that splits the chains, and merged
// ids (a merged-away id answers as the kept organization where rule 5 lets the viewer see it, and as a
// missing one otherwise).
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const THEN = '2010-01-01T00:00:00Z';
const at = { recordedAt: THEN };

beforeAll(async () => {
  // m (a reseller) is shared with by a (all its sourcing), b (only x>b), d (its disclosures only) and, until
  // 2020, r (all its sourcing), and x (all its sourcing: f). m supplies d, so d's chain holds m and m's supplier s.
  const file = graph()
    .org('m', 'RESELLER')
    .org('a', 'BRAND')
    .org('b', 'BRAND')
    .org('d', 'BRAND')
    .org('r', 'BRAND')
    .org('s', 'FACTORY')
    .org('x', 'MANUFACTURER')
    .org('z', 'MANUFACTURER')
    .org('f', 'FACTORY')
    .org('f-dup', 'FACTORY')
    .org('h', 'FACTORY')
    .org('h-dup', 'FACTORY')
    .org('q', 'MANUFACTURER')
    .org('operator', 'MONITOR')
    .link('x', 'a', { ...at, products: ['laptops'] })
    .link('z', 'a', { ...at, products: ['phones'] })
    .link('b', 'a', { ...at, products: ['laptops', 'phones'] })
    .link('x', 'b', { ...at, products: ['phones'] })
    .link('z', 'b', { ...at, products: ['phones'] })
    .link('f', 'x', { ...at, products: ['laptops', 'phones'] })
    .link('f', 'z', { ...at, products: ['phones'] })
    .link('z', 'r', { ...at, products: ['laptops'] })
    .link('s', 'm', at)
    .link('m', 'd', at)
    .link('h', 'q', at)
    .link('q', 'b', at)
    .share('a', 'm', { createdAt: THEN })
    .share('b', 'm', { createdAt: THEN, linkIds: ['x>b'] })
    .share('x', 'm', { createdAt: THEN })
    .share('d', 'm', { createdAt: THEN, scope: 'DISCLOSURES', linkIds: null })
    .share('r', 'm', { createdAt: THEN, revokedAt: '2020-01-01T00:00:00Z' })
    .build();
  await loadGraph(t.db, file);
});

const REACHING = `query($id: ID!, $d: Int, $asOf: DateTime, $product: String) {
  chainsReaching(organizationId: $id, maxDepth: $d, asOf: $asOf, product: $product) { root { id } tier } }`;
const CHAIN = `query($root: ID, $d: Int, $asOf: DateTime, $product: String) {
  supplyChain(rootId: $root, maxDepth: $d, asOf: $asOf, product: $product) { tiers { tier organizations { id } } } }`;
const ROOTS = ['m', 'a', 'b', 'd', 'r', 'x'];
const TARGETS = ['m', 'a', 'b', 'd', 'r', 's', 'x', 'z', 'f', 'h', 'q', 'nope'];

type Reach = { root: { id: string }; tier: number }[];
type Chain = { tiers: { tier: number; organizations: { id: string }[] }[] };
type Args = { d: number; asOf: string | null; product: string | null };

const reaching = async (id: string, args: Args) =>
  ok<Reach>(await t.api.query('m', REACHING, { id, ...args }), 'chainsReaching').map((r) => ({
    root: r.root.id,
    tier: r.tier,
  }));

/** What supplyChain(rootId) tells m of `target`'s tier in each root's chain it may ask for. */
async function expected(target: string, args: Args) {
  const found: { root: string; tier: number }[] = [];
  for (const root of ROOTS) {
    const answer = await t.api.query('m', CHAIN, { root, ...args });
    if (answer.errors !== undefined) continue; // not a root then
    const chain = answer.data!['supplyChain'] as Chain;
    const tier = chain.tiers.find((k) => k.organizations.some((o) => o.id === target))?.tier;
    if (tier !== undefined) found.push({ root, tier });
  }
  return found.sort((p, q) => p.tier - q.tier || p.root.localeCompare(q.root));
}

const sorted = (list: { root: string; tier: number }[]) =>
  [...list].sort((p, q) => p.tier - q.tier || p.root.localeCompare(q.root));

describe('chainsReaching agrees with supplyChain(rootId) root by root', () => {
  for (const asOf of [null, '2015-06-01T00:00:00Z'])
    for (const product of [null, 'laptops', 'phones'])
      for (const d of [1, 2, 4])
        it(`asOf ${asOf ?? 'now'}, product ${product ?? 'any'}, maxDepth ${d}`, async () => {
          const args = { d, asOf, product };
          let found = 0;
          for (const target of TARGETS) {
            const want = await expected(target, args);
            found += want.length;
            expect(sorted(await reaching(target, args)), target).toEqual(want);
          }
          expect(found).toBeGreaterThan(0);
        });
});

describe('merged ids', () => {
  const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId } }`;
  it('answer as the kept organization when m may look it up, as a missing one otherwise', async () => {
    const before = await reaching('f', { d: 4, asOf: null, product: null });
    expect(before).not.toEqual([]);
    for (const [keepId, mergeId] of [
      ['f', 'f-dup'],
      ['h', 'h-dup'],
    ])
      ok(await t.api.query('operator', MERGE, { keepId, mergeId }, ['platform_admin']), 'mergeOrganizations');
    const args = { d: 4, asOf: null, product: null };
    expect(await reaching('f-dup', args)).toEqual(await reaching('f', args));
    expect(await reaching('f-dup', args)).not.toEqual([]);
    expect(await reaching('h-dup', args)).toEqual([]);
  });
});

describe('bad input', () => {
  it('is refused like supplyChain refuses it, naming the value, before anything is looked up', async () => {
    for (const [variables, named] of [
      [{ id: ' f' }, 'chainsReaching(organizationId)'],
      [{ id: 'f', product: '  ' }, 'product'],
      [{ id: 'f', d: 21 }, 'maxDepth'],
      [{ id: 'f', asOf: '2015-13-01' }, 'asOf'],
    ] as const) {
      const answer = await t.api.query('m', REACHING, variables);
      expect(answer.errors?.[0]?.extensions?.['code'], named).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message, named).toContain(named);
    }
  });
});
