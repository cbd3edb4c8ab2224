// The paged audit trails' arguments: supplyLinkEvents(organizationId) resolves an old id of a merged
// organization, as everywhere a client names one (specification, section 10); `first` out of range is
// refused by name even when the deprecated `limit` counts instead.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('buyer-dup', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .share('reseller', 'buyer', { id: 'share-1' })
      .build(),
  );
});

describe('supplyLinkEvents(organizationId) and merged organizations', () => {
  const TRAIL = `query ($org: ID) { supplyLinkEvents(organizationId: $org) { action linkId customerId } }`;
  const trailOf = async (org: string) =>
    ok<{ action: string; linkId: string; customerId: string }[]>(
      await t.api.query('operator', TRAIL, { org }, ['platform_admin']),
      'supplyLinkEvents',
    );

  it('an old id of a merged customer answers the kept customer’s trail, as its id does', async () => {
    ok(
      await t.api.query(
        'buyer-dup',
        'mutation { declareSupplyLink(newSupplier: {name: "Nordic Assembly", type: FACTORY, country: "SE"}) { id } }',
        {},
        ['supplier_admin'],
      ),
      'declareSupplyLink',
    );
    ok(
      await t.api.query(
        'operator',
        'mutation { mergeOrganizations(keepId: "buyer", mergeId: "buyer-dup") { keptId } }',
        {},
        ['platform_admin'],
      ),
      'mergeOrganizations',
    );
    const kept = await trailOf('buyer');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ action: 'DECLARED', customerId: 'buyer' });
    // Today: [] — the old id is used as it is (sourcing-service.ts events()).
    expect(await trailOf('buyer-dup')).toEqual(kept);
  });
});

describe('first out of range next to the deprecated limit', () => {
  it.each([
    ['shareEvents', '{ shareEvents(first: 0, limit: 5) { action } }', 'analyst'],
    ['supplyLinkEvents', '{ supplyLinkEvents(first: 100000, limit: 5) { action } }', 'supplier_admin'],
  ] as const)('%s refuses it naming first and its value', async (_field, query, role) => {
    const response: GraphQLResponse = await t.api.query('buyer', query, {}, [role]);
    // Today: 200 with a page of `limit` events; the bad `first` is dropped without a word
    // (src/domain/event-pages.ts eventPage()).
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(
      /^first must be a whole number from 1 to 500, got (0|100000)/,
    );
  });
});
