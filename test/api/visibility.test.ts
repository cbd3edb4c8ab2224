// Contract section 2 through the API, on the contract's own example and its corner cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();

const CHAIN = `query Chain($rootId: ID, $maxDepth: Int) {
  supplyChain(rootId: $rootId, maxDepth: $maxDepth) {
    root { id } depth
    tiers { tier organizations { id } }
    links { id supplier { id } customer { id } }
  }
}`;

type Chain = {
  root: { id: string };
  depth: number;
  tiers: { tier: number; organizations: { id: string }[] }[];
  links: { id: string }[];
};

const chain = async (viewer: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query(viewer, CHAIN, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!['supplyChain'] as Chain;
};
const tiersOf = (c: Chain) =>
  Object.fromEntries(c.tiers.map((t) => [t.tier, t.organizations.map((o) => o.id).sort()]));
const linkIds = (c: Chain) => c.links.map((l) => l.id).sort();

/** The contract's example: Region Stockholm, Oslo kommune, Atea, Dell, two factories, Electronics Watch. */
const example = () =>
  graph()
    .org('rs', 'PURCHASER')
    .org('oslo', 'PURCHASER', { country: 'NO' })
    .org('atea', 'RESELLER')
    .org('dell', 'BRAND', { country: 'US' })
    .org('f1', 'FACTORY', { country: 'CN' })
    .org('f2', 'FACTORY', { country: 'CN' })
    .org('ew', 'MONITOR', { country: 'NL' })
    .link('atea', 'rs')
    .link('atea', 'oslo')
    .link('dell', 'atea')
    .link('f1', 'dell')
    .link('f2', 'dell');

describe('the contract example', () => {
  beforeAll(async () => {
    await loadGraph(
      t.db,
      example()
        .share('atea', 'rs', { linkIds: ['dell>atea'] })
        .share('dell', 'rs')
        .share('dell', 'ew')
        .build(),
    );
  });

  it('Region Stockholm reaches the factories at tier 3', async () => {
    const c = await chain('rs');
    expect(c.root.id).toBe('rs');
    expect(c.depth).toBe(3);
    expect(tiersOf(c)).toEqual({ 1: ['atea'], 2: ['dell'], 3: ['f1', 'f2'] });
    expect(linkIds(c)).toEqual(['atea>rs', 'dell>atea', 'f1>dell', 'f2>dell']);
  });

  it('Oslo kommune sees Atea and nothing further', async () => {
    const c = await chain('oslo');
    expect(tiersOf(c)).toEqual({ 1: ['atea'] });
    expect(linkIds(c)).toEqual(['atea>oslo']);
    const lookup = await t.api.query(
      'oslo',
      '{ dell: organization(id: "dell") { id } rs: organization(id: "rs") { id } }',
    );
    expect(lookup.data).toEqual({ dell: null, rs: null });
  });

  it("Electronics Watch sees Dell's factories at tier 1 with root Dell", async () => {
    const c = await chain('ew', { rootId: 'dell' });
    expect(c.root.id).toBe('dell');
    expect(tiersOf(c)).toEqual({ 1: ['f1', 'f2'] });
    const roots = await t.api.query('ew', '{ me { roots { id } } }');
    expect(roots.data).toEqual({ me: { roots: [{ id: 'ew' }, { id: 'dell' }] } });
  });

  it('a supplier lists its direct customers (rule 5), never their customers', async () => {
    const customers = async (viewer: string) =>
      (
        (await t.api.query(viewer, '{ me { customers { id } } }')).data as {
          me: { customers: { id: string }[] };
        }
      ).me.customers.map((c) => c.id);
    expect(await customers('atea')).toEqual(['oslo', 'rs']);
    expect(await customers('dell')).toEqual(['atea']);
    expect(await customers('rs')).toEqual([]);
  });

  it('maxDepth bounds the walk and the links (rule 4)', async () => {
    const c = await chain('rs', { maxDepth: 2 });
    expect(tiersOf(c)).toEqual({ 1: ['atea'], 2: ['dell'] });
    expect(linkIds(c)).toEqual(['atea>rs', 'dell>atea']);
  });

  it("a root may be anything reachable from the viewer's roots", async () => {
    const c = await chain('rs', { rootId: 'atea' });
    expect(tiersOf(c)).toEqual({ 1: ['dell'], 2: ['f1', 'f2'] });
  });

  it('rule 5: direct customers are visible, customers of customers and other customers are not', async () => {
    const asDell = await t.api.query(
      'dell',
      '{ atea: organization(id: "atea") { id } rs: organization(id: "rs") { id } f1: organization(id: "f1") { id } }',
    );
    expect(asDell.data).toEqual({ atea: { id: 'atea' }, rs: null, f1: { id: 'f1' } });
    const asF1 = await t.api.query(
      'f1',
      '{ dell: organization(id: "dell") { id } f2: organization(id: "f2") { id } }',
    );
    expect(asF1.data).toEqual({ dell: { id: 'dell' }, f2: null });
    const asRs = await t.api.query('rs', '{ oslo: organization(id: "oslo") { id } }');
    expect(asRs.data).toEqual({ oslo: null });
  });

  it('rule 6: a hidden root and a missing one answer identically', async () => {
    const hidden = await t.api.query('oslo', CHAIN, { rootId: 'dell' });
    const missing = await t.api.query('oslo', CHAIN, { rootId: 'no-such-org' });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(withAskedId(hidden, 'dell')).toEqual(withAskedId(missing, 'no-such-org'));
  });

  it('rule 7: a share to Region Stockholm gives nothing to Oslo kommune or to Atea', async () => {
    expect(tiersOf(await chain('atea'))).toEqual({ 1: ['dell'] });
    expect(tiersOf(await chain('oslo'))).toEqual({ 1: ['atea'] });
  });

  it('maxDepth outside 1..20 is BAD_USER_INPUT naming the value', async () => {
    for (const maxDepth of [0, 21, -3]) {
      const response = await t.api.query('rs', CHAIN, { maxDepth });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(String(maxDepth));
    }
  });
});

describe('sharing choices', () => {
  it('if Dell shares only with Atea, Region Stockholm stops at Dell', async () => {
    await loadGraph(
      t.db,
      example()
        .share('atea', 'rs', { linkIds: ['dell>atea'] })
        .share('dell', 'atea')
        .build(),
    );
    expect(tiersOf(await chain('rs'))).toEqual({ 1: ['atea'], 2: ['dell'] });
  });

  it('expired and revoked shares and links that do not hold count for nothing', async () => {
    await loadGraph(
      t.db,
      example()
        .link('f2', 'atea', { id: 'old', validTo: '2015-01-01' })
        .link('f1', 'atea', { id: 'future', validFrom: '2999-01-01' })
        .share('atea', 'rs')
        .share('dell', 'rs', { expiresAt: '2020-01-01' })
        .share('dell', 'rs', { revokedAt: '2021-01-01' })
        .build(),
    );
    const c = await chain('rs');
    expect(tiersOf(c)).toEqual({ 1: ['atea'], 2: ['dell'] });
    expect(linkIds(c)).toEqual(['atea>rs', 'dell>atea']);
  });

  it('cycles are walked once, each organization at its smallest tier, never the root as its own supplier', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('v', 'PURCHASER')
        .org('a')
        .org('b')
        .org('c')
        .link('a', 'v')
        .link('b', 'a')
        .link('c', 'b')
        .link('a', 'c')
        .link('v', 'c')
        .share('a', 'v')
        .share('b', 'v')
        .share('c', 'v')
        .build(),
    );
    const c = await chain('v');
    expect(tiersOf(c)).toEqual({ 1: ['a'], 2: ['b'], 3: ['c'] });
    expect(linkIds(c)).toEqual(['a>c', 'a>v', 'b>a', 'c>b', 'v>c']);
  });

  it('an organization with no suppliers has depth 0 and no tiers', async () => {
    await loadGraph(t.db, graph().org('lonely', 'PURCHASER').build());
    expect(await chain('lonely')).toEqual({ root: { id: 'lonely' }, depth: 0, tiers: [], links: [] });
  });
});

describe("a supplier's customers", () => {
  beforeAll(async () => {
    await loadGraph(
      t.db,
      graph()
        .org('s', 'FACTORY')
        .org('now', 'BRAND')
        .org('ended', 'BRAND')
        .org('later', 'BRAND')
        .link('s', 'now', { products: ['a'] })
        .link('s', 'now', { id: 's>now#2', products: ['b'] })
        .link('s', 'ended', { validTo: '2020-01-01' })
        .link('s', 'later', { validFrom: '2999-01-01' })
        .build(),
    );
  });

  it('are those of links that hold now, each once', async () => {
    const answer = await t.api.query('s', '{ me { customers { id } } }');
    expect(answer.data).toEqual({ me: { customers: [{ id: 'now' }] } });
  });
});
