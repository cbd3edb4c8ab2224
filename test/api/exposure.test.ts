// Contract section 7 on the demo scenario: exposure with sources, blind spots, paths, asOf, product,
// tier summaries and risk indicators.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { withAskedId } from '../support/asked-id.ts';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';

const t = useApi();

const EXPOSURE = `query Exposure($rootId: ID, $maxDepth: Int, $asOf: DateTime, $product: String) {
  exposure(rootId: $rootId, maxDepth: $maxDepth, asOf: $asOf, product: $product) {
    root { id }
    closestTier
    findings { organization { id } tier path { id } severity indicators { kind source severity observedAt } }
    blindSpots { id }
    blindSpotDetails { organization { id } tier recommendation }
  }
}`;

type Finding = {
  organization: { id: string };
  tier: number;
  path: { id: string }[];
  severity: string;
  indicators: { kind: string; source: string; severity: string }[];
};
type ExposureResult = {
  root: { id: string };
  closestTier: number | null;
  findings: Finding[];
  blindSpots: { id: string }[];
  blindSpotDetails: { organization: { id: string }; tier: number; recommendation: string }[];
};

const exposure = async (viewer: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query(viewer, EXPOSURE, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!['exposure'] as ExposureResult;
};

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

describe('exposure', () => {
  it('Region Stockholm: the DanWatch factories at tier 3, with paths through Atea and Dell and their sources', async () => {
    const result = await exposure('se-region-stockholm');
    // Tier 2 is Dell, flagged only by what it disclosed to the region (the demo's overdue plan actions,
    // test/api/exposure-disclosures.test.ts); public sources flag the factories at tier 3.
    expect(result.closestTier).toBe(2);
    const dell = result.findings.find((f) => f.organization.id === 'us-dell')!;
    expect(dell).toMatchObject({ tier: 2, indicators: [] });
    const publicFindings = result.findings.filter((f) => f.indicators.length > 0);
    const flagged = publicFindings.map((f) => f.organization.id).sort();
    expect(flagged).toEqual([
      'cn-hipro-dongguan',
      'cn-mingshuo-jiangsu',
      'cn-msi-shenzhen',
      'cn-taida-dongguan',
      'cn-wistron-zhongshan',
    ]);
    for (const finding of publicFindings) {
      expect(finding.tier).toBe(3);
      expect(finding.path.map((o) => o.id)).toEqual([
        'se-region-stockholm',
        'se-atea',
        'us-dell',
        finding.organization.id,
      ]);
      expect(finding.indicators.length).toBeGreaterThan(0);
      expect(finding.severity).toBe(finding.indicators[0]!.severity);
    }
    const mingshuo = result.findings.find((f) => f.organization.id === 'cn-mingshuo-jiangsu')!;
    expect(mingshuo.indicators[0]).toMatchObject({ kind: 'REPORT', severity: 'HIGH' });
    expect(mingshuo.indicators[0]!.source).toMatch(/DanWatch/i);
  });

  it('Oslo kommune: nothing flagged, and Atea AS is a blind spot with advice (its open request)', async () => {
    const result = await exposure('no-oslo-kommune');
    expect(result.findings).toEqual([]);
    expect(result.closestTier).toBeNull();
    expect(result.blindSpots).toEqual([{ id: 'no-atea' }]);
    expect(result.blindSpotDetails[0]).toMatchObject({ organization: { id: 'no-atea' }, tier: 1 });
    // The demo's Oslo kommune has already asked Atea AS (ar-oslo-atea-no): the advice says so.
    expect(result.blindSpotDetails[0]!.recommendation).toMatch(/ar-oslo-atea-no/);
  });

  it('blind spots are those that shared nothing, up to tier maxDepth-1', async () => {
    const result = await exposure('se-region-stockholm', { maxDepth: 3 });
    expect(result.blindSpots.map((o) => o.id)).toEqual([]); // Atea and Dell both share with Region Stockholm
    const deeper = await exposure('se-region-stockholm', { maxDepth: 4 });
    expect(deeper.blindSpots.length).toBeGreaterThan(0); // the tier-3 factories share nothing
  });

  it('asOf 2013: Dell at tier 1 directly, the factories at tier 2 only as far as Dell shared then (it had not)', async () => {
    const result = await exposure('se-region-stockholm', { asOf: '2013-06-01' });
    expect(result.findings).toEqual([]);
    expect(result.blindSpots).toEqual([{ id: 'us-dell' }]);
  });

  it('a hidden root is NOT_FOUND, exactly like a missing one', async () => {
    const hidden = await t.api.query('no-oslo-kommune', EXPOSURE, { rootId: 'us-dell' });
    const missing = await t.api.query('no-oslo-kommune', EXPOSURE, { rootId: 'nope' });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(withAskedId(hidden, 'us-dell')).toEqual(withAskedId(missing, 'nope'));
  });
});

describe('supplyChain with asOf and product, and tier summaries', () => {
  const CHAIN = `query($asOf: DateTime, $product: String) { supplyChain(asOf: $asOf, product: $product) {
    tiers { tier organizations { id risks { kind } } } summary { tier organizations byType { type count } byCountry { country count } } } }`;
  type Chain = {
    tiers: { tier: number; organizations: { id: string; risks: { kind: string }[] }[] }[];
    summary: {
      tier: number;
      organizations: number;
      byType: { type: string; count: number }[];
      byCountry: { country: string; count: number }[];
    }[];
  };
  const chain = async (variables: Record<string, unknown>) => {
    const response = await t.api.query('se-region-stockholm', CHAIN, variables);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!['supplyChain'] as Chain;
  };

  it('2013: Dell at tier 1; after September 2014: Atea then Dell', async () => {
    expect((await chain({ asOf: '2013-06-01' })).tiers.map((t) => t.organizations.map((o) => o.id))).toEqual([
      ['us-dell'],
    ]);
    expect((await chain({ asOf: '2016-06-01' })).tiers[0]!.organizations.map((o) => o.id)).toEqual([
      'se-atea',
    ]);
  });

  it('product keeps only links that carry it, at every hop', async () => {
    // Region Stockholm buys PCs through Atea and Dell; the factories' links carry components.
    const pcs = await chain({ product: 'laptop computers' });
    expect(pcs.tiers.map((t) => t.organizations.map((o) => o.id))).toEqual([['se-atea'], ['us-dell']]);
    expect((await chain({ product: 'servers' })).tiers).toEqual([]);
    const fromDell = await t.api.query(
      'se-region-stockholm',
      '{ supplyChain(rootId: "us-dell", product: "servers") { tiers { organizations { id } } } }',
    );
    expect(fromDell.data).toEqual({
      supplyChain: { tiers: [{ organizations: [{ id: 'tw-wistron' }, { id: 'cn-wistron-zhongshan' }] }] },
    });
  });

  it('summaries count each tier by type and country; risks ride along', async () => {
    const now = await chain({});
    const tier3 = now.summary.find((s) => s.tier === 3)!;
    expect(tier3.organizations).toBe(now.tiers[2]!.organizations.length);
    expect(tier3.byCountry.reduce((n, c) => n + c.count, 0)).toBe(tier3.organizations);
    expect(tier3.byType.find((t) => t.type === 'FACTORY')?.count).toBe(5);
    const mingshuo = now.tiers[2]!.organizations.find((o) => o.id === 'cn-mingshuo-jiangsu')!;
    expect(mingshuo.risks).toEqual([{ kind: 'REPORT' }]);
  });

  it('bad asOf and product are BAD_USER_INPUT naming the value', async () => {
    const badDate = await t.api.query('se-region-stockholm', CHAIN, { asOf: 'last year' });
    expect(codes(badDate)).toEqual(['BAD_USER_INPUT']);
    expect(badDate.errors![0]!.message).toContain('last year');
    const badProduct = await t.api.query('se-region-stockholm', CHAIN, { product: '  ' });
    expect(codes(badProduct)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('paths', () => {
  const PATHS = `query($toId: ID!, $rootId: ID, $limit: Int, $maxDepth: Int) {
    paths(toId: $toId, rootId: $rootId, limit: $limit, maxDepth: $maxDepth) { organizations { id } links { id supplier { id } customer { id } } } }`;

  it('shortest visible paths, root first, with their links', async () => {
    const response = await t.api.query('se-region-stockholm', PATHS, { toId: 'cn-msi-shenzhen' });
    expect(response.errors).toBeUndefined();
    const paths = response.data!['paths'] as {
      organizations: { id: string }[];
      links: { supplier: { id: string }; customer: { id: string } }[];
    }[];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]!.organizations.map((o) => o.id)).toEqual([
      'se-region-stockholm',
      'se-atea',
      'us-dell',
      'cn-msi-shenzhen',
    ]);
    for (const path of paths) {
      expect(path.links).toHaveLength(path.organizations.length - 1);
      path.links.forEach((link, i) => {
        expect(link.customer.id).toBe(path.organizations[i]!.id);
        expect(link.supplier.id).toBe(path.organizations[i + 1]!.id);
      });
    }
    const lengths = paths.map((p) => p.organizations.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('an unreachable or hidden target gives no paths; a hidden root is NOT_FOUND', async () => {
    const hiddenTarget = await t.api.query('no-oslo-kommune', PATHS, { toId: 'us-dell' });
    const missingTarget = await t.api.query('no-oslo-kommune', PATHS, { toId: 'nope' });
    expect(hiddenTarget.data).toEqual({ paths: [] });
    expect(hiddenTarget).toEqual(missingTarget);
    expect(
      codes(await t.api.query('no-oslo-kommune', PATHS, { toId: 'no-atea', rootId: 'us-dell' })),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await t.api.query('no-oslo-kommune', PATHS, { toId: 'no-atea', limit: 0 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('with asOf and product, the ways to a supplier as an exposure at that instant sees them', async () => {
    const AT = `query($toId: ID!, $asOf: DateTime, $product: String) {
      paths(toId: $toId, asOf: $asOf, product: $product) { organizations { id } } }`;
    const ways = async (variables: Record<string, unknown>) => {
      const response = await t.api.query('se-region-stockholm', AT, variables);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return (response.data!['paths'] as { organizations: { id: string }[] }[]).map((p) =>
        p.organizations.map((o) => o.id),
      );
    };
    // In 2013 Region Stockholm bought from Dell directly (supplyChain asOf agrees, above).
    expect((await ways({ toId: 'us-dell', asOf: '2013-06-01' }))[0]).toEqual([
      'se-region-stockholm',
      'us-dell',
    ]);
    expect((await ways({ toId: 'us-dell' }))[0]).toEqual(['se-region-stockholm', 'se-atea', 'us-dell']);
    // No link into the chain carries servers: no way to Dell for them.
    expect(await ways({ toId: 'us-dell', product: 'servers' })).toEqual([]);
    expect((await ways({ toId: 'us-dell', product: 'laptop computers' })).length).toBeGreaterThan(0);
    const bad = await t.api.query('se-region-stockholm', AT, { toId: 'us-dell', asOf: 'last year' });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});
