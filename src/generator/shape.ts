// The shape of a synthetic graph: how many organizations of each type, where each type sits in the
// organization index, and the degree distributions the builder draws from. Every tuning knob of the
// generator is here, so the shape can be read (and changed) in one place.
//
// Supply flows factories -> manufacturers -> brands -> resellers -> purchasers. Manufacturers have a
// sub-tier level: level 0 assembles finished products for brands, level k > 0 makes parts for level
// k - 1, so chains such as purchaser <- reseller <- brand <- manufacturer(0) <- manufacturer(1) <-
// manufacturer(2) <- factory are seven tiers deep.
import type { OrganizationType } from '../domain/format.ts';
import { wholeNumberIn } from '../domain/whole-number.ts';

/** Supply-chain types in index order; MONITORs come last and have no links. */
const SUPPLY_TYPES = ['PURCHASER', 'RESELLER', 'BRAND', 'MANUFACTURER', 'FACTORY'] as const;
export type SupplyType = (typeof SUPPLY_TYPES)[number];

/** Share of the non-monitor organizations per type. */
export const TYPE_SHARES: Record<SupplyType, number> = {
  PURCHASER: 0.02,
  RESELLER: 0.03,
  BRAND: 0.02,
  MANUFACTURER: 0.18,
  FACTORY: 0.75,
};

/** Id prefixes: p-000123, r-…, b-…, m-…, f-…, mon-…; links l-…, shares s-…, risks rk-…. */
export const ID_PREFIX: Record<OrganizationType, string> = {
  PURCHASER: 'p-',
  RESELLER: 'r-',
  BRAND: 'b-',
  MANUFACTURER: 'm-',
  FACTORY: 'f-',
  MONITOR: 'mon-',
};

/** Organizations in index order: all purchasers, then resellers, brands, manufacturers, factories, monitors. */
export const INDEX_ORDER: readonly OrganizationType[] = [...SUPPLY_TYPES, 'MONITOR'];

/** Type codes: positions in INDEX_ORDER. */
export const TYPE_CODE = Object.fromEntries(INDEX_ORDER.map((type, i) => [type, i])) as Record<
  OrganizationType,
  number
>;

/** Probability of each manufacturer sub-tier level 0..6 (level 0 supplies brands). */
export const MANUFACTURER_LEVELS = [0.45, 0.25, 0.13, 0.08, 0.05, 0.03, 0.01] as const;

/**
 * Degree distributions. `paretoInt(xmin, alpha, cap)` is floor(Pareto(xmin, alpha)) clamped to
 * 1..cap: most organizations get a handful of links, a few get hundreds. Popularity weights (who
 * is picked as a customer or supplier) are Pareto(1, alpha) per organization, so a few brands,
 * resellers and manufacturers end up with very many suppliers and customers.
 */
export const DEGREES = {
  /** Customers (manufacturers) per factory. */
  factoryCustomers: { xmin: 2.5, alpha: 1.6, cap: 80 },
  /** Probability that a factory also supplies a brand directly (cross-tier). */
  factoryToBrand: 0.012,
  /** Customers per sub-tier manufacturer (level >= 1). */
  subTierCustomers: { xmin: 1.2, alpha: 1.8, cap: 12 },
  /** Of a sub-tier manufacturer's links: share that skip a level, share that go straight to a brand. */
  subTierSkipLevel: 0.1,
  subTierToBrand: 0.05,
  /** Probability that a manufacturer-to-manufacturer link is answered by a reverse link (a cycle). */
  cycle: 0.008,
  /** Brand customers per level-0 manufacturer. */
  assemblerCustomers: { xmin: 1.3, alpha: 1.7, cap: 25 },
  /** Brand suppliers per reseller: popularity weight times this factor, clamped to 1..cap. */
  resellerSuppliersPerWeight: 2,
  resellerSuppliersCap: 300,
  /** Probability that a reseller also buys white-label products from a manufacturer directly. */
  resellerFromManufacturer: 0.05,
  /** Reseller suppliers per purchaser. */
  purchaserSuppliers: { xmin: 1.4, alpha: 1.7, cap: 15 },
  /** Probability that a purchaser buys from a reseller in its own country. */
  purchaserSameCountry: 0.75,
  /** Probability that a purchaser also buys directly from a brand (cross-tier). */
  purchaserFromBrand: 0.12,
  /**
   * Popularity weight exponents (smaller = heavier tail) and caps (a cap of 1000 keeps the largest
   * brand at a few thousand suppliers in a 1M graph rather than tens of thousands).
   */
  brandPopularity: { alpha: 1.2, cap: 1000 },
  resellerPopularity: { alpha: 1.3, cap: 1000 },
  manufacturerPopularity: { alpha: 1.5, cap: 1000 },
} as const;

/** Link dates relative to the reference date `now`. */
export const LINK_DATES = {
  /** Links with no validFrom (holding since an unknown date). */
  openStart: 0.05,
  /** Oldest validFrom, in years before now. */
  maxAgeYears: 12,
  /** Links whose validTo has already passed. */
  expired: 0.17,
  /** Links with a validTo still in the future. */
  endsLater: 0.1,
  /** Pairs with an expired contract and its renewal (two links for one pair). */
  renewal: 0.03,
  /** Pairs with two concurrent contracts for different products. */
  parallel: 0.01,
  /** Links with an empty product list. */
  noProducts: 0.02,
} as const;

/** Shares (contract sections 1-2): who discloses what to whom. */
export const SHARES = {
  /** Purchasers that run a transparency programme: suppliers along their chains share with them. */
  engagedPurchasers: 0.3,
  /** Shares one programme may collect, and organizations followed per tier. */
  programmeBudget: { xmin: 15, alpha: 1.3, cap: 400 },
  programmeWidth: { xmin: 4, alpha: 1.5, cap: 40 },
  /** Probability that an organization asked by a programme shares with the purchaser. */
  programmeAnswers: { RESELLER: 0.9, BRAND: 0.75, MANUFACTURER: 0.7 } as Record<string, number>,
  /** Probability that a supplier shares its own sourcing with a direct customer, by supplier -> customer type. */
  withCustomer: {
    'MANUFACTURER>BRAND': 0.25,
    'MANUFACTURER>MANUFACTURER': 0.2,
    'BRAND>RESELLER': 0.1,
    'RESELLER>PURCHASER': 0.3,
  } as Record<string, number>,
  /** Owners sharing with each monitor. */
  monitorOwners: { xmin: 3, alpha: 1.2, cap: 300 },
  /** Whole shares (linkIds null) for owners with at most this many sourcing links ... */
  wholeMaxLinks: 40,
  /** ... with this probability; otherwise an explicit subset. */
  whole: 0.5,
  /** Size of an explicit subset (never above the validator's limit of 10,000). */
  partialSize: { xmin: 2, alpha: 1.3, cap: 500 },
  /** Status mix of shares outside programmes. */
  revoked: 0.05,
  expired: 0.08,
  expiresLater: 0.25,
  /** Status mix inside programmes (inactive shares stop the chain there). */
  programmeRevoked: 0.03,
  programmeExpired: 0.03,
} as const;

/** Risk indicators on about 1% of factories and manufacturers. */
export const RISKS = { perProducer: 0.01 } as const;

/**
 * Disclosures (specification, section 2, rule 8) about about 10% of organizations (monitors aside),
 * drawn from a random stream of their own after everything else, so the rest of a graph is the same
 * with or without them.
 */
export const DISCLOSURES = {
  /** Probability that an organization is the subject of disclosures. */
  subjects: 0.1,
  /** Disclosures per subject. */
  perSubject: { xmin: 1, alpha: 1.6, cap: 4 },
  /** Probability that a disclosure is a customer's about its direct supplier rather than the subject's own. */
  byCustomer: 0.35,
  /** Corrective actions of a plan, and findings of an audit report (which may have none). */
  planActions: { xmin: 1, alpha: 1.2, cap: 8 },
  auditFindings: { xmin: 1, alpha: 1.5, cap: 5 },
  auditWithoutFindings: 0.3,
  /** Status mix of actions (the rest OPEN); an open action whose due date has passed is overdue. */
  closed: 0.35,
  inProgress: 0.3,
  withdrawn: 0.03,
  /** Probability that an owner shares its disclosures with each recipient of its sourcing shares ... */
  withSourcingRecipients: 0.6,
  /** ... and with one of its direct customers. */
  withCustomer: 0.4,
  /** A disclosure share names some of the owner's disclosures rather than all of them, now and later. */
  partial: 0.3,
} as const;

export interface Shape {
  total: number;
  counts: Record<OrganizationType, number>;
  /** Index of the first organization of each type. */
  start: Record<OrganizationType, number>;
}

const BOTTOM_UP: readonly SupplyType[] = ['FACTORY', 'MANUFACTURER', 'BRAND', 'RESELLER', 'PURCHASER'];

function monitorCount(orgs: number): number {
  if (orgs < 7) return 0;
  if (orgs < 20) return 1;
  return Math.min(200, Math.max(2, Math.round(orgs / 5000)));
}

/** How many organizations of each type a graph of `orgs` organizations has (sums to `orgs`). */
export function planShape(orgs: number): Shape {
  wholeNumberIn('orgs', orgs, 1);
  const monitors = monitorCount(orgs);
  const rest = orgs - monitors;
  const counts: Record<OrganizationType, number> = {
    PURCHASER: 0,
    RESELLER: 0,
    BRAND: 0,
    MANUFACTURER: 0,
    FACTORY: 0,
    MONITOR: monitors,
  };
  if (rest < SUPPLY_TYPES.length) {
    // Too few for every tier: fill from the bottom of the chain up.
    for (let i = 0; i < rest; i++) counts[BOTTOM_UP[i] as SupplyType]++;
  } else {
    // Largest remainder, at least one of each type.
    const exact = SUPPLY_TYPES.map((type) => ({ type, value: rest * TYPE_SHARES[type] }));
    let assigned = 0;
    for (const { type, value } of exact) {
      counts[type] = Math.max(1, Math.floor(value));
      assigned += counts[type];
    }
    const byRemainder = [...exact].sort(
      (x, y) => y.value - Math.floor(y.value) - (x.value - Math.floor(x.value)),
    );
    for (let i = 0; assigned < rest; i = (i + 1) % byRemainder.length) {
      counts[(byRemainder[i] as { type: SupplyType }).type]++;
      assigned++;
    }
    while (assigned > rest) {
      // Only possible for tiny graphs where the minimum of one pushed us over: take from the bottom.
      const donor = BOTTOM_UP.find((type) => counts[type] > 1) ?? 'FACTORY';
      counts[donor]--;
      assigned--;
    }
  }
  const start = {} as Record<OrganizationType, number>;
  let offset = 0;
  for (const type of INDEX_ORDER) {
    start[type] = offset;
    offset += counts[type];
  }
  return { total: orgs, counts, start };
}
