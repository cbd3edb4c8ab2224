// One instant per request (specification, section 2): the organizations of a dated supplyChain show
// the risk indicators of that instant without an asOf of their own, as exposure at that instant does.
import { beforeEach, describe, expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .link('reseller', 'buyer', { recordedAt: '2020-01-01T00:00:00Z' })
      // Recorded by this import, i.e. now: nobody could see it in 2024.
      .risk('reseller', { id: 'risk-now', severity: 'CRITICAL' })
      .build(),
  );
});

describe('a dated query', () => {
  it('shows the risk indicators of its instant on its organizations, as exposure at that instant does', async () => {
    const response = await t.api.query(
      'buyer',
      `{ exposure(asOf: "2024-01-01") { findings { organization { id } } }
         supplyChain(asOf: "2024-01-01") { tiers { organizations { id risks { id } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const exposure = response.data!['exposure'] as { findings: unknown[] };
    const chain = response.data!['supplyChain'] as {
      tiers: { organizations: { id: string; risks: { id: string }[] }[] }[];
    };
    // exposure(asOf) says nothing was flagged then ...
    expect(exposure.findings).toEqual([]);
    // ... and the same request's dated chain should not show an indicator recorded years later.
    expect(chain.tiers[0]!.organizations).toEqual([{ id: 'reseller', risks: [] }]);
  });
});
