// Issue 13, "done when": the demo's chain of Region Stockholm can be rebuilt by its parties through the
// API instead of a bulk import. A purchaser (Region Stockholm), a reseller (Atea) and a brand (Dell)
// each list themselves, find their suppliers in the directory or describe new ones, declare their own
// sourcing and share it; Region Stockholm then sees what it sees in the imported demo.
import { describe, expect, it } from 'vitest';
import type { LinkRecord, OrganizationRecord } from '../../src/domain/format.ts';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const CHAIN = `{ supplyChain { root { id } depth
  tiers { tier organizations { id name type country city } }
  links { supplier { id } customer { id } products validFrom validTo } } }`;
const DIRECTORY = `query($search: String!) { directory(search: $search) { edges { node { id name } } } }`;
const LIST = `mutation { setListing(listed: true) { listed } }`;
const DECLARE = `mutation($supplierId: ID, $newSupplier: NewSupplierInput, $products: [String!], $validFrom: DateTime, $validTo: DateTime) {
  declareSupplyLink(supplierId: $supplierId, newSupplier: $newSupplier, products: $products, validFrom: $validFrom, validTo: $validTo) { id supplier { id } } }`;
const SHARE = `mutation($recipientId: ID!, $linkIds: [ID!]) { shareSourcing(recipientId: $recipientId, linkIds: $linkIds) { id } }`;

interface Chain {
  depth: number;
  tiers: {
    tier: number;
    organizations: { id: string; name: string; type: string; country: string; city: string | null }[];
  }[];
  links: {
    supplier: { id: string };
    customer: { id: string };
    products: string[];
    validFrom: string | null;
    validTo: string | null;
  }[];
}

const ok = (response: GraphQLResponse) => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const admin = (org: string, query: string, variables: Record<string, unknown> = {}) =>
  t.api.query(org, query, variables, [...ADMIN]).then(ok);

/** A chain without ids (a rebuilt chain has new ones): organizations per tier and links by names. */
function canonical(chain: Chain) {
  const names = new Map(chain.tiers.flatMap((tier) => tier.organizations.map((o) => [o.id, o.name])));
  names.set(DEMO_IDS.regionStockholm, 'Region Stockholm (root)');
  return {
    depth: chain.depth,
    tiers: chain.tiers.map((tier) => ({
      tier: tier.tier,
      organizations: tier.organizations
        .map(({ name, type, country, city }) => ({ name, type, country, city }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    })),
    links: chain.links
      .map((l) => ({
        supplier: names.get(l.supplier.id),
        customer: names.get(l.customer.id),
        products: [...l.products].sort(),
        validFrom: l.validFrom,
        validTo: l.validTo,
      }))
      .sort((a, b) => `${a.supplier} ${a.customer}`.localeCompare(`${b.supplier} ${b.customer}`)),
  };
}

const regionChain = async () =>
  canonical(ok(await t.api.query(DEMO_IDS.regionStockholm, CHAIN))['supplyChain'] as Chain);

const organization = (id: string): OrganizationRecord =>
  DEMO_SCENARIO.organizations.find((o) => o.id === id)!;
const holdsNow = (l: LinkRecord) =>
  (l.validFrom ?? '') <= new Date().toISOString() &&
  (l.validTo === null || l.validTo === undefined || new Date(l.validTo) > new Date());
/** The demo's link from `supplier` to `customer` that holds now. */
const currentLink = (supplier: string, customer: string) =>
  DEMO_SCENARIO.links.find((l) => l.supplier === supplier && l.customer === customer && holdsNow(l))!;

/** Finds `search` in the directory as `viewer` and returns the one id with `name`. */
async function findInDirectory(viewer: string, search: string, name: string) {
  const data = await t.api.query(viewer, DIRECTORY, { search }).then(ok);
  const edges = (data['directory'] as { edges: { node: { id: string; name: string } }[] }).edges;
  return edges.find((e) => e.node.name === name)!.node.id;
}

async function declare(customer: string, link: LinkRecord, supplier: Record<string, unknown>) {
  const data = await admin(customer, DECLARE, {
    ...supplier,
    products: link.products,
    validFrom: link.validFrom ?? null,
  });
  return (data['declareSupplyLink'] as { id: string }).id;
}

describe('the demo chain of Region Stockholm, rebuilt through the API', () => {
  it('equals the imported one', { timeout: 300_000 }, async () => {
    await loadGraph(t.db, DEMO_SCENARIO);
    const imported = await regionChain();
    expect(imported.depth).toBe(3);

    // Only the three parties exist to begin with; they keep their own records from here on.
    await loadGraph(t.db, {
      format: 'tiersight/v1',
      organizations: [DEMO_IDS.regionStockholm, DEMO_IDS.atea, DEMO_IDS.dell].map(organization),
      links: [],
      shares: [],
    });
    for (const org of [DEMO_IDS.regionStockholm, DEMO_IDS.atea, DEMO_IDS.dell]) await admin(org, LIST);

    // The purchaser finds its reseller in the directory and declares that it buys from it.
    const atea = await findInDirectory(DEMO_IDS.regionStockholm, 'atea sverige', 'Atea Sverige AB');
    await declare(DEMO_IDS.regionStockholm, currentLink(DEMO_IDS.atea, DEMO_IDS.regionStockholm), {
      supplierId: atea,
    });

    // The reseller finds the brand, declares it, and shares that link with the purchaser.
    const dell = await findInDirectory(DEMO_IDS.atea, 'Dell Technologies Inc.', 'Dell Technologies');
    const ateaLink = await declare(DEMO_IDS.atea, currentLink(DEMO_IDS.dell, DEMO_IDS.atea), {
      supplierId: dell,
    });
    await admin(DEMO_IDS.atea, SHARE, { recipientId: DEMO_IDS.regionStockholm, linkIds: [ateaLink] });

    // The brand describes its suppliers, which Tiersight does not know yet, and shares all its sourcing
    // with the purchaser, which it may name because the purchaser is listed.
    const dellSuppliers = DEMO_SCENARIO.links.filter((l) => l.customer === DEMO_IDS.dell && holdsNow(l));
    expect(dellSuppliers.length).toBe(9);
    for (const link of dellSuppliers) {
      const { name, type, country, city } = organization(link.supplier);
      await declare(DEMO_IDS.dell, link, { newSupplier: { name, type, country, city: city ?? null } });
    }
    await admin(DEMO_IDS.dell, SHARE, { recipientId: DEMO_IDS.regionStockholm, linkIds: null });

    expect(await regionChain()).toEqual(imported);
  });

  it('a brand cannot name an unlisted purchaser beyond its customers', async () => {
    await loadGraph(t.db, {
      format: 'tiersight/v1',
      organizations: [DEMO_IDS.regionStockholm, DEMO_IDS.dell].map(organization),
      links: [],
      shares: [],
    });
    const response = await t.api.query(DEMO_IDS.dell, SHARE, { recipientId: DEMO_IDS.regionStockholm }, [
      ...ADMIN,
    ]);
    expect(codes(response)).toEqual(['NOT_FOUND']);
  });
});
