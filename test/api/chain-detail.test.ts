// A supply chain reads its organizations' and links' detail only when the query names a detail field
// (src/domain/chain-detail.ts). Whatever a query asks, every field it shows must be what a query that
// reads everything shows, through fragments, aliases, disclosures' subjects and other root fields.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const { regionStockholm, osloKommune, electronicsWatch, dell, hiproDongguan } = DEMO_IDS;

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const ORGANIZATION = `id name type country city region latitude longitude osId provenance sources
  risks { id kind }`;

const EVERYTHING = `query($rootId: ID, $asOf: DateTime) {
  supplyChain(rootId: $rootId, maxDepth: 10, asOf: $asOf) {
    root { ${ORGANIZATION} }
    tiers { tier organizations { ${ORGANIZATION} disclosures { id subject { ${ORGANIZATION} } } } }
    links { id products validFrom validTo recordedAt provenance sources
      supplier { ${ORGANIZATION} } customer { ${ORGANIZATION} } }
    summary { tier organizations byType { type count } byCountry { country count } }
  }
  organization(id: "${dell}") { ${ORGANIZATION} }
}`;

interface Lean {
  name: string;
  query: string;
  /** What the chain's statement is to read. */
  reads: { organizationDetail: boolean; linkDetail: 'none' | 'card' | 'full' };
}

const LEAN: Lean[] = [
  {
    name: 'cards without links',
    query: `query($rootId: ID, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) {
      root { id name } tiers { tier organizations { id name type country risks { id } } } } }`,
    reads: { organizationDetail: false, linkDetail: 'none' },
  },
  {
    name: 'cards with the cards of links, through a fragment and an alias',
    query: `query($rootId: ID, $asOf: DateTime) { chain: supplyChain(rootId: $rootId, asOf: $asOf) {
      tiers { organizations { ...Card } } edges: links { id products supplier { ...Card } customer { id } } } }
      fragment Card on Organization { id name country }`,
    reads: { organizationDetail: false, linkDetail: 'card' },
  },
  {
    name: 'a link detail field',
    query: `query($rootId: ID, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) {
      links { id recordedAt } } }`,
    reads: { organizationDetail: false, linkDetail: 'full' },
  },
  {
    name: "an organization's detail in a fragment",
    query: `query($rootId: ID, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) {
      root { ...Where } tiers { organizations { ... on Organization { ...Where } } } } }
      fragment Where on Organization { id city latitude }`,
    reads: { organizationDetail: true, linkDetail: 'none' },
  },
  {
    name: "a disclosure's subject in full (the chain's organizations answer it)",
    query: `query($rootId: ID, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) {
      tiers { organizations { id disclosures { id subject { id sources } } } } } }`,
    reads: { organizationDetail: true, linkDetail: 'none' },
  },
  {
    name: 'the detail asked of another root field only',
    query: `query($rootId: ID, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) {
      tiers { organizations { id } } } organization(id: "${dell}") { id osId region } }`,
    reads: { organizationDetail: true, linkDetail: 'none' },
  },
];

/** `answer` keeps, at every level, only the keys `shape` has. */
function restricted(answer: unknown, shape: unknown): unknown {
  if (Array.isArray(shape) && Array.isArray(answer))
    return answer.map((item, i) => restricted(item, shape[i]));
  if (typeof shape !== 'object' || shape === null || typeof answer !== 'object' || answer === null)
    return answer;
  const whole = answer as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(shape).map(([key, value]) => [key, restricted(whole[key], value)]),
  );
}

/** Renames aliased root fields back (the lean queries alias `supplyChain` as `chain`, `links` as `edges`). */
const unaliased = (data: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify(data).replaceAll('"chain":', '"supplyChain":').replaceAll('"edges":', '"links":'),
  );

const VIEWS = [
  { viewer: regionStockholm, variables: {} },
  { viewer: osloKommune, variables: {} },
  { viewer: electronicsWatch, variables: { rootId: dell } },
  { viewer: regionStockholm, variables: { asOf: '2014-01-01T00:00:00Z' } },
];

describe('supplyChain reads what its query shows', () => {
  it.each(LEAN)('$name: every field shown is what a full read shows', async ({ query, reads }) => {
    for (const { viewer, variables } of VIEWS) {
      const full = await t.api.query(viewer, EVERYTHING, variables);
      expect(full.errors, JSON.stringify(full.errors)).toBeUndefined();
      const read = vi.spyOn(t.db.executor, 'read');
      const lean = await t.api.query(viewer, query, variables);
      expect(lean.errors, JSON.stringify(lean.errors)).toBeUndefined();
      const data = unaliased(lean.data!);
      expect(data, `${viewer} ${JSON.stringify(variables)}`).toEqual(restricted(full.data, data));
      const chainReads = read.mock.calls
        .filter(([statement]) => statement.name.startsWith('visibility.supplyChain.'))
        .map(([, params]) => ({
          organizationDetail: params['organizationDetail'],
          linkDetail: params['linkDetail'],
        }));
      expect(chainReads).toEqual([reads]);
      read.mockRestore();
    }
  });

  it('shows the detail of every organization and link the full query shows', async () => {
    // The comparison above is only as good as the full answer: it must hold real detail to compare.
    const full = await t.api.query(regionStockholm, EVERYTHING);
    const text = JSON.stringify(full.data);
    expect(text).toContain('"sources":["');
    expect(text).toContain('"latitude":');
    expect(text).toMatch(/"recordedAt":"\d{4}-/);
    expect(text).toContain(hiproDongguan);
  });
});
