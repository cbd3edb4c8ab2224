// A small chain in the shape the API returns: root <- reseller <- brand <- two factories, one flagged.
import type { Exposure, Organization, SupplyChain } from '../../web/src/model.ts';

const org = (id: string, type: Organization['type'], extra: Partial<Organization> = {}): Organization => ({
  id,
  name: `Org ${id}`,
  type,
  country: 'SE',
  provenance: 'DOCUMENTED',
  sources: [],
  risks: [],
  ...extra,
});

export const ROOT = org('root', 'PURCHASER', { name: 'Root Buyer' });
export const RESELLER = org('reseller', 'RESELLER', { name: 'Reseller AB' });
export const BRAND = org('brand', 'BRAND', { name: 'Brand Inc', country: 'US' });
export const FLAGGED = org('factory-b', 'FACTORY', {
  name: 'B Factory',
  country: 'CN',
  risks: [
    { id: 'r1', kind: 'REPORT', source: 'NGO report 2013', severity: 'HIGH', description: 'Overtime' },
    { id: 'r2', kind: 'WATCHLIST', source: 'Entity List 2020', severity: 'CRITICAL' },
  ],
});
export const CLEAN = org('factory-a', 'FACTORY', { name: 'A Factory', country: 'VN' });

const link = (supplier: string, customer: string, extra = {}) => ({
  id: `${supplier}>${customer}`,
  supplier: { id: supplier },
  customer: { id: customer },
  products: ['laptops'],
  provenance: 'ILLUSTRATIVE',
  sources: [],
  ...extra,
});

export const CHAIN: SupplyChain = {
  root: ROOT,
  depth: 3,
  tiers: [
    { tier: 1, organizations: [RESELLER] },
    { tier: 2, organizations: [BRAND] },
    { tier: 3, organizations: [CLEAN, FLAGGED] },
  ],
  links: [
    link('reseller', 'root'),
    link('brand', 'reseller'),
    link('factory-a', 'brand'),
    link('factory-b', 'brand'),
  ],
};

export const EXPOSURE: Exposure = {
  root: ROOT,
  closestTier: 3,
  findings: [
    {
      organization: FLAGGED,
      tier: 3,
      path: [ROOT, RESELLER, BRAND, FLAGGED],
      indicators: FLAGGED.risks!,
      severity: 'CRITICAL',
    },
  ],
  blindSpots: [BRAND, RESELLER],
};

/** A chain with `n` factories at tier 2 under one reseller. */
export function bigChain(n: number): SupplyChain {
  const factories = Array.from({ length: n }, (_, i) =>
    org(`f-${i}`, 'FACTORY', { name: `Factory ${String(i).padStart(5, '0')}`, country: i % 2 ? 'CN' : 'VN' }),
  );
  return {
    root: ROOT,
    depth: 2,
    tiers: [
      { tier: 1, organizations: [RESELLER] },
      { tier: 2, organizations: factories },
    ],
    links: [link('reseller', 'root'), ...factories.map((f) => link(f.id, 'reseller'))],
  };
}
