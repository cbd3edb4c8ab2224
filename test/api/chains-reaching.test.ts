// chainsReaching on the demo: which of a viewer's roots hold a factory, at the tier each root's own
// supplyChain gives it (docs/analyst-guide.md, for researchers and monitors).
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const { regionStockholm, osloKommune, electronicsWatch, dell, hiproDongguan } = DEMO_IDS;

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

const REACHING = `query($id: ID!, $d: Int, $asOf: DateTime) {
  chainsReaching(organizationId: $id, maxDepth: $d, asOf: $asOf) { root { id name } tier } }`;
const TIERS = `query($root: ID) { supplyChain(rootId: $root) { tiers { tier organizations { id } } } }`;

type Reach = { root: { id: string; name: string }; tier: number }[];
const reaching = async (viewer: string, id: string, variables: Record<string, unknown> = {}) =>
  ok<Reach>(await t.api.query(viewer, REACHING, { id, ...variables }), 'chainsReaching');

describe('chainsReaching', () => {
  it('gives Electronics Watch the chain of Dell, the root that shares its factories with it', async () => {
    expect(await reaching(electronicsWatch, hiproDongguan)).toEqual([
      { root: { id: dell, name: expect.any(String) }, tier: 1 },
    ]);
  });

  it("gives each root the factory's tier in that root's supplyChain, nearest first", async () => {
    const found = await reaching(regionStockholm, hiproDongguan);
    expect(found.map((r) => r.root.id)).toContain(regionStockholm);
    expect(found.map((r) => r.tier)).toEqual([...found.map((r) => r.tier)].sort((a, b) => a - b));
    for (const { root, tier } of found) {
      const chain = ok<{ tiers: { tier: number; organizations: { id: string }[] }[] }>(
        await t.api.query(regionStockholm, TIERS, { root: root.id }),
        'supplyChain',
      );
      const at = chain.tiers.find((k) => k.organizations.some((o) => o.id === hiproDongguan));
      expect(at?.tier, root.id).toBe(tier);
    }
  });

  it('stops at maxDepth, and goes back in time with asOf', async () => {
    expect((await reaching(regionStockholm, hiproDongguan, { d: 1 })).map((r) => r.root.id)).toEqual([dell]);
    // In mid-2013 Region Stockholm bought from Dell directly, and nobody shared a factory link with it yet.
    expect(await reaching(regionStockholm, hiproDongguan, { asOf: '2013-06-01T00:00:00Z' })).toEqual([]);
    // Under the 2014 framework: Atea Sverige at tier 1, Dell at 2, the factories at 3.
    const then = await reaching(regionStockholm, hiproDongguan, { asOf: '2016-06-01T00:00:00Z' });
    expect(then.find((r) => r.root.id === regionStockholm)?.tier).toBe(3);
  });

  it('answers an organization the viewer may not look up as one that does not exist: nothing', async () => {
    expect(await reaching(osloKommune, hiproDongguan)).toEqual([]);
    expect(await reaching(osloKommune, 'cn-no-such-factory')).toEqual([]);
  });

  it('refuses a maxDepth out of range, naming it', async () => {
    const answer = await t.api.query(regionStockholm, REACHING, { id: hiproDongguan, d: 0 });
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('maxDepth');
  });
});
