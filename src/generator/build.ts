// Builds a synthetic graph in compact form: organizations as typed arrays indexed by position, links
// and shares as parallel columns. A 1M-organization graph (~5M links) takes well under 200 MB this
// way; records (and their strings) are only made when generate.ts streams them out.
import type { OrganizationType } from '../domain/format.ts';
import { wholeNumberIn } from '../domain/whole-number.ts';
import { paretoWeights, Random, sample, seedKey, WeightedList, WeightedTable } from './random.ts';
import {
  DEGREES,
  INDEX_ORDER,
  LINK_DATES,
  MANUFACTURER_LEVELS,
  planShape,
  RISKS,
  SHARES,
  type Shape,
  type SupplyType,
  TYPE_CODE,
} from './shape.ts';
import { shareStatus, type ShareStatus } from './share-status.ts';
import { buildDisclosures, type DisclosureTable } from './disclosures.ts';
import { drawCountry } from './vocabulary.ts';

/** Dates are derived from this instant unless `now` is given, so output never depends on the clock. */
export const DEFAULT_NOW = new Date('2026-01-01T00:00:00Z');
export const MAX_ORGS = 5_000_000;
const DAY_MS = 86_400_000;

export interface GenerateOptions {
  orgs: number;
  seed: number;
  /** The reference instant: links and shares are dated relative to it (default 2026-01-01). */
  now?: Date;
}

const R = TYPE_CODE.RESELLER;
const B = TYPE_CODE.BRAND;
const M = TYPE_CODE.MANUFACTURER;

/** Links as columns; dates are day numbers since 1970-01-01, 0 = no date. */
export interface LinkTable {
  count: number;
  supplier: Int32Array;
  customer: Int32Array;
  validFrom: Uint16Array;
  validTo: Uint16Array;
}

/** Shares as columns; linkStart -1 means linkIds null (every sourcing link of the owner). */
export interface ShareTable {
  count: number;
  owner: Int32Array;
  recipient: Int32Array;
  createdAt: Uint16Array;
  expiresAt: Uint16Array;
  revokedAt: Uint16Array;
  linkStart: Int32Array;
  linkCount: Int32Array;
  linkPool: Int32Array;
}

export interface SyntheticGraph {
  seed: number;
  /** The seed folded into 32 bits, the root of every random stream. */
  key: number;
  now: Date;
  /** Day number of `now`. */
  today: number;
  shape: Shape;
  typeCode: Uint8Array;
  /** Index into COUNTRIES. */
  country: Uint8Array;
  /** Manufacturer sub-tier level (0 = supplies brands), -1 for other types. */
  level: Int8Array;
  links: LinkTable;
  /** Links grouped by customer: the links of customer c are links[offsets[c] .. offsets[c + 1]). */
  byCustomer: { offsets: Int32Array; links: Int32Array };
  shares: ShareTable;
  /** Organization of each risk indicator. */
  risks: Int32Array;
  /** Disclosures and the shares of them (disclosures.ts). */
  disclosures: DisclosureTable;
}

/** A growable typed-array column. */
class Column<A extends Int32Array | Uint16Array> {
  length = 0;
  constructor(
    private data: A,
    private readonly make: (size: number) => A,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.ceil(this.data.length * 1.5) + 1024);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /**
   * The filled part: a view when the column is nearly full (no copy, so no second peak for 25M-link
   * columns), else a right-sized copy so the spare capacity can be collected.
   */
  done(): A {
    if (this.length >= this.data.length * 0.85) return this.data.subarray(0, this.length) as A;
    const out = this.make(this.length);
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}

const int32 = (capacity: number) => new Column(new Int32Array(capacity), (n) => new Int32Array(n));
const uint16 = (capacity: number) => new Column(new Uint16Array(capacity), (n) => new Uint16Array(n));

/** A weighted picker over a contiguous or listed set of organizations. */
interface Pool {
  members: Int32Array;
  table: WeightedTable;
}

const HAS_SUPPLIER = 1;
const HAS_CUSTOMER = 2;

class GraphBuilder {
  private readonly rng: Random;
  readonly shape: Shape;
  readonly today: number;
  readonly typeCode: Uint8Array;
  readonly country: Uint8Array;
  readonly level: Int8Array;
  private readonly flags: Uint8Array;
  private readonly weight: Float64Array;

  private readonly supplier: Column<Int32Array>;
  private readonly customer: Column<Int32Array>;
  private readonly validFrom: Column<Uint16Array>;
  private readonly validTo: Column<Uint16Array>;

  private pools = new Map<string, Pool | null>();

  constructor(
    readonly options: Required<GenerateOptions>,
    readonly key: number,
  ) {
    this.rng = new Random(key, 0xb17d);
    this.shape = planShape(options.orgs);
    this.today = Math.floor(options.now.getTime() / DAY_MS);
    const n = options.orgs;
    this.typeCode = new Uint8Array(n);
    this.country = new Uint8Array(n);
    this.level = new Int8Array(n).fill(-1);
    this.flags = new Uint8Array(n);
    this.weight = new Float64Array(n).fill(1);
    const capacity = Math.ceil(n * 5.6) + 1024;
    this.supplier = int32(capacity);
    this.customer = int32(capacity);
    this.validFrom = uint16(capacity);
    this.validTo = uint16(capacity);
  }

  range(type: OrganizationType): [number, number] {
    const start = this.shape.start[type];
    return [start, start + this.shape.counts[type]];
  }

  organizations(): void {
    const rng = this.rng;
    const levels = new WeightedList(MANUFACTURER_LEVELS.map((p, k) => [k, p] as const));
    const popularity: Partial<Record<OrganizationType, { alpha: number; cap: number }>> = {
      BRAND: DEGREES.brandPopularity,
      RESELLER: DEGREES.resellerPopularity,
      MANUFACTURER: DEGREES.manufacturerPopularity,
    };
    for (const type of INDEX_ORDER) {
      const [start, end] = this.range(type);
      this.typeCode.fill(TYPE_CODE[type], start, end);
      for (let i = start; i < end; i++) this.country[i] = drawCountry(rng, type);
      const pop = popularity[type];
      if (pop) this.weight.set(paretoWeights(rng, end - start, pop.alpha, pop.cap), start);
      if (type === 'MANUFACTURER') for (let i = start; i < end; i++) this.level[i] = levels.sample(rng);
    }
  }

  /** Weighted picker over the organizations of a type that pass `keep` (cached by name). */
  pool(name: string, type: OrganizationType, keep?: (index: number) => boolean): Pool | null {
    const cached = this.pools.get(name);
    if (cached !== undefined) return cached;
    const [start, end] = this.range(type);
    const members: number[] = [];
    for (let i = start; i < end; i++) if (!keep || keep(i)) members.push(i);
    const pool =
      members.length === 0
        ? null
        : {
            members: Int32Array.from(members),
            table: new WeightedTable(members.map((i) => this.weight[i] as number)),
          };
    this.pools.set(name, pool);
    return pool;
  }

  levelPool(level: number): Pool | null {
    return this.pool(`level-${level}`, 'MANUFACTURER', (i) => this.level[i] === level);
  }

  draw(pool: Pool): number {
    return pool.members[pool.table.sample(this.rng)] as number;
  }

  /** Up to k distinct organizations from the pool, never `not`. */
  drawDistinct(pool: Pool, k: number, not = -1): number[] {
    const chosen: number[] = [];
    const want = Math.min(k, pool.members.length);
    for (let attempts = 0; chosen.length < want && attempts < want * 4; attempts++) {
      const pick = this.draw(pool);
      if (pick !== not && !chosen.includes(pick)) chosen.push(pick);
    }
    return chosen;
  }

  private push(supplier: number, customer: number, from: number, to: number): void {
    this.supplier.push(supplier);
    this.customer.push(customer);
    this.validFrom.push(from);
    this.validTo.push(to);
    this.flags[supplier]! |= HAS_CUSTOMER;
    this.flags[customer]! |= HAS_SUPPLIER;
  }

  /** One supply relationship: usually one link, sometimes a renewed contract or two parallel ones. */
  link(supplier: number, customer: number): void {
    if (supplier === customer) return;
    const rng = this.rng;
    const today = this.today;
    const r = rng.float();
    if (r < LINK_DATES.renewal) {
      const from = today - rng.between(3 * 365, LINK_DATES.maxAgeYears * 365);
      const renewedOn = from + rng.between(365, today - 30 - from);
      this.push(supplier, customer, from, renewedOn);
      this.push(supplier, customer, renewedOn, rng.chance(0.1) ? today + rng.between(30, 3 * 365) : 0);
      return;
    }
    this.dated(supplier, customer);
    if (r < LINK_DATES.renewal + LINK_DATES.parallel) this.dated(supplier, customer);
  }

  private dated(supplier: number, customer: number): void {
    const rng = this.rng;
    const today = this.today;
    // Skewed towards recent starts: u^1.5 is small more often.
    const from = rng.chance(LINK_DATES.openStart)
      ? 0
      : today - 30 - Math.floor(Math.pow(rng.float(), 1.5) * LINK_DATES.maxAgeYears * 365);
    const r = rng.float();
    let to = 0;
    if (r < LINK_DATES.expired) {
      const start = from === 0 ? today - LINK_DATES.maxAgeYears * 365 : from;
      if (today - 1 - start >= 180) to = start + rng.between(180, today - 1 - start);
    } else if (r < LINK_DATES.expired + LINK_DATES.endsLater) {
      to = today + rng.between(30, 3 * 365);
    }
    this.push(supplier, customer, from, to);
  }

  links(): void {
    const rng = this.rng;
    const brands = this.pool('brands', 'BRAND');
    const resellers = this.pool('resellers', 'RESELLER');
    const manufacturers = this.pool('manufacturers', 'MANUFACTURER');
    const assemblers = this.levelPool(0) ?? manufacturers;
    /** The first non-empty pool: small graphs may lack a tier. */
    const first = (...pools: (Pool | null)[]) => pools.find((p): p is Pool => p !== null) ?? null;

    // Factories supply manufacturers (and now and then a brand directly).
    const factoryCustomers = first(manufacturers, brands, resellers, this.pool('purchasers', 'PURCHASER'));
    const [f0, f1] = this.range('FACTORY');
    for (let f = f0; f < f1 && factoryCustomers; f++) {
      const { xmin, alpha, cap } = DEGREES.factoryCustomers;
      for (const c of this.drawDistinct(factoryCustomers, rng.paretoInt(xmin, alpha, cap))) this.link(f, c);
      if (brands && rng.chance(DEGREES.factoryToBrand)) this.link(f, this.draw(brands));
    }

    // Sub-tier manufacturers supply the level above them, sometimes skipping a level or going
    // straight to a brand; a few manufacturer pairs supply each other (cycles).
    const [m0, m1] = this.range('MANUFACTURER');
    let cycles = 0;
    let firstPair: [number, number] | null = null;
    for (let m = m0; m < m1; m++) {
      const level = this.level[m] as number;
      if (level === 0) continue;
      const { xmin, alpha, cap } = DEGREES.subTierCustomers;
      const k = rng.paretoInt(xmin, alpha, cap);
      for (let j = 0; j < k; j++) {
        const r = rng.float();
        let target = -1;
        if (r < DEGREES.subTierToBrand && brands) target = this.draw(brands);
        else {
          let up = level - 1;
          if (r < DEGREES.subTierToBrand + DEGREES.subTierSkipLevel && level >= 2) up = rng.int(level - 1);
          let pool: Pool | null = null;
          while (up >= 0 && (pool = this.levelPool(up)) === null) up--;
          pool ??= brands;
          if (pool) target = this.draw(pool);
        }
        if (target < 0) continue;
        this.link(m, target);
        if (this.typeCode[target] !== M) continue;
        firstPair ??= [m, target];
        if (rng.chance(DEGREES.cycle)) {
          this.link(target, m);
          cycles++;
        }
      }
    }
    if (cycles === 0 && firstPair) this.link(firstPair[1], firstPair[0]);

    // Level-0 manufacturers (assemblers) supply brands; every brand gets at least one.
    const assemblerCustomers = first(brands, resellers);
    for (let m = m0; m < m1 && assemblerCustomers; m++) {
      if (this.level[m] !== 0) continue;
      const { xmin, alpha, cap } = DEGREES.assemblerCustomers;
      for (const c of this.drawDistinct(assemblerCustomers, rng.paretoInt(xmin, alpha, cap))) this.link(m, c);
    }
    const [b0, b1] = this.range('BRAND');
    const brandSuppliers = assemblers ?? this.pool('factories', 'FACTORY');
    for (let b = b0; b < b1 && brandSuppliers; b++) {
      if (!(this.flags[b]! & HAS_SUPPLIER))
        this.link(brandSuppliers.members[rng.int(brandSuppliers.members.length)]!, b);
    }

    // Resellers buy from brands: big resellers (high weight) from many; a few buy white-label
    // products from an assembler. Every brand gets at least one reseller.
    const [r0, r1] = this.range('RESELLER');
    for (let r = r0; r < r1 && brands; r++) {
      const scale = this.weight[r]! * DEGREES.resellerSuppliersPerWeight * (0.5 + rng.float());
      const k = Math.max(1, Math.min(DEGREES.resellerSuppliersCap, Math.round(scale)));
      for (const b of this.drawDistinct(brands, k)) this.link(b, r);
      if (assemblers && rng.chance(DEGREES.resellerFromManufacturer)) this.link(this.draw(assemblers), r);
    }
    for (let b = b0; b < b1 && resellers; b++) {
      if (!(this.flags[b]! & HAS_CUSTOMER)) this.link(b, this.draw(resellers));
    }

    // Purchasers buy from resellers, mostly in their own country, some directly from a brand.
    const [p0, p1] = this.range('PURCHASER');
    const purchaserSuppliers = first(resellers, brands);
    for (let p = p0; p < p1 && purchaserSuppliers; p++) {
      const { xmin, alpha, cap } = DEGREES.purchaserSuppliers;
      const k = rng.paretoInt(xmin, alpha, cap);
      const local = resellers
        ? this.pool(`resellers-${this.country[p]}`, 'RESELLER', (i) => this.country[i] === this.country[p])
        : null;
      const chosen: number[] = [];
      for (let attempts = 0; chosen.length < k && attempts < k * 4; attempts++) {
        const pool = local && rng.chance(DEGREES.purchaserSameCountry) ? local : purchaserSuppliers;
        const pick = this.draw(pool);
        if (!chosen.includes(pick)) chosen.push(pick);
      }
      for (const s of chosen) this.link(s, p);
      if (brands && resellers && rng.chance(DEGREES.purchaserFromBrand)) this.link(this.draw(brands), p);
    }
  }

  linkTable(): LinkTable {
    const supplier = this.supplier.done();
    return {
      count: supplier.length,
      supplier,
      customer: this.customer.done(),
      validFrom: this.validFrom.done(),
      validTo: this.validTo.done(),
    };
  }

  risks(): Int32Array {
    const out = int32(1024);
    const [start] = this.range('MANUFACTURER');
    const [, end] = this.range('FACTORY');
    for (let i = start; i < end; i++) if (this.rng.chance(RISKS.perProducer)) out.push(i);
    if (out.length === 0 && end > start) out.push(end - 1);
    return out.done();
  }

  shares(links: LinkTable, byCustomer: { offsets: Int32Array; links: Int32Array }): ShareTable {
    return new ShareBuilder(this, this.rng, links, byCustomer).build();
  }
}

class ShareBuilder {
  private readonly owner = int32(4096);
  private readonly recipient = int32(4096);
  private readonly createdAt = uint16(4096);
  private readonly expiresAt = uint16(4096);
  private readonly revokedAt = uint16(4096);
  private readonly linkStart = int32(4096);
  private readonly linkCount = int32(4096);
  private readonly linkPool = int32(65536);
  /** owner * orgs + recipient of every share made, so a pair gets one share. */
  private readonly pairs = new Set<number>();

  constructor(
    private readonly g: GraphBuilder,
    private readonly rng: Random,
    private readonly links: LinkTable,
    private readonly byCustomer: { offsets: Int32Array; links: Int32Array },
  ) {}

  build(): ShareTable {
    this.programmes();
    this.withCustomers();
    this.withMonitors();
    return {
      count: this.owner.length,
      owner: this.owner.done(),
      recipient: this.recipient.done(),
      createdAt: this.createdAt.done(),
      expiresAt: this.expiresAt.done(),
      revokedAt: this.revokedAt.done(),
      linkStart: this.linkStart.done(),
      linkCount: this.linkCount.done(),
      linkPool: this.linkPool.done(),
    };
  }

  private sourcing(org: number): Int32Array {
    return this.byCustomer.links.subarray(this.byCustomer.offsets[org], this.byCustomer.offsets[org + 1]);
  }

  private holds(link: number): boolean {
    const from = this.links.validFrom[link]!;
    const to = this.links.validTo[link]!;
    const today = this.g.today;
    return (from === 0 || from <= today) && (to === 0 || today < to);
  }

  private pairKey(owner: number, recipient: number): number {
    return owner * this.g.options.orgs + recipient;
  }

  /** null (every sourcing link) or an explicit, ascending subset of the owner's sourcing links. */
  private chooseLinks(owner: number): number[] | null {
    const rng = this.rng;
    const own = this.sourcing(owner);
    if (own.length <= SHARES.wholeMaxLinks && rng.chance(SHARES.whole)) return null;
    const { xmin, alpha, cap } = SHARES.partialSize;
    const k = Math.min(own.length, rng.paretoInt(xmin, alpha, cap));
    let chosen: number[];
    if (k * 3 >= own.length) chosen = sample(rng, own, k);
    else {
      const positions = new Set<number>();
      while (positions.size < k) positions.add(rng.int(own.length));
      chosen = [...positions].map((i) => own[i]!);
    }
    return chosen.sort((a, b) => a - b);
  }

  private status(revoked: number, expired: number, later: number): ShareStatus {
    return shareStatus(this.rng, this.g.today, revoked, expired, later);
  }

  private active(status: ShareStatus): boolean {
    return status.revokedAt === 0 && (status.expiresAt === 0 || status.expiresAt > this.g.today);
  }

  private add(owner: number, recipient: number, linkIds: number[] | null, status: ShareStatus): void {
    this.pairs.add(this.pairKey(owner, recipient));
    this.owner.push(owner);
    this.recipient.push(recipient);
    this.createdAt.push(status.createdAt);
    this.expiresAt.push(status.expiresAt);
    this.revokedAt.push(status.revokedAt);
    if (linkIds === null) {
      this.linkStart.push(-1);
      this.linkCount.push(0);
    } else {
      this.linkStart.push(this.linkPool.length);
      this.linkCount.push(linkIds.length);
      for (const id of linkIds) this.linkPool.push(id);
    }
  }

  /**
   * Transparency programmes: an engaged purchaser asks its suppliers, their suppliers and so on to
   * disclose their sourcing to it (visibility rule 7: only shares made to the purchaser itself count).
   * Tier by tier, up to `width` organizations are asked; those that answer share all or part of
   * their sourcing, and the suppliers on those links are asked next. This is what lets a purchaser
   * see six and more tiers deep.
   */
  private programmes(): void {
    const rng = this.rng;
    const g = this.g;
    const [p0, p1] = g.range('PURCHASER');
    for (let p = p0; p < p1; p++) {
      if (p !== p0 && !rng.chance(SHARES.engagedPurchasers)) continue;
      let budget = rng.paretoInt(
        SHARES.programmeBudget.xmin,
        SHARES.programmeBudget.alpha,
        SHARES.programmeBudget.cap,
      );
      const width = rng.paretoInt(
        SHARES.programmeWidth.xmin,
        SHARES.programmeWidth.alpha,
        SHARES.programmeWidth.cap,
      );
      const asked = new Set<number>([p]);
      let frontier = [p];
      while (frontier.length > 0 && budget > 0) {
        const next: number[] = [];
        for (const x of frontier) {
          let covered: ArrayLike<number> = this.sourcing(x);
          if (x !== p) {
            if (budget <= 0 || covered.length === 0) continue;
            const type = INDEX_ORDER[g.typeCode[x]!] as OrganizationType;
            if (!rng.chance(SHARES.programmeAnswers[type] ?? 0)) continue;
            const linkIds = this.chooseLinks(x);
            const status = this.status(SHARES.programmeRevoked, SHARES.programmeExpired, SHARES.expiresLater);
            this.add(x, p, linkIds, status);
            budget--;
            if (!this.active(status)) continue;
            if (linkIds) covered = linkIds;
          }
          for (let i = 0; i < covered.length; i++) {
            const link = covered[i]!;
            const s = this.links.supplier[link]!;
            const t = g.typeCode[s]!;
            if ((t === R || t === B || t === M) && this.holds(link) && !asked.has(s)) {
              asked.add(s);
              next.push(s);
            }
          }
        }
        frontier = sample(rng, next, width);
      }
    }
  }

  /** Suppliers sharing their own sourcing with a direct customer (a manufacturer with a brand, ...). */
  private withCustomers(): void {
    const rng = this.rng;
    const g = this.g;
    const n = INDEX_ORDER.length;
    const chance = new Float64Array(n * n);
    for (const [pair, p] of Object.entries(SHARES.withCustomer)) {
      const [s, c] = pair.split('>') as [SupplyType, SupplyType];
      chance[TYPE_CODE[s] * n + TYPE_CODE[c]] = p;
    }
    const { supplier, customer } = this.links;
    const { offsets } = this.byCustomer;
    for (let l = 0; l < this.links.count; l++) {
      const s = supplier[l]!;
      const c = customer[l]!;
      const p = chance[g.typeCode[s]! * n + g.typeCode[c]!]!;
      if (p === 0 || offsets[s + 1] === offsets[s] || !rng.chance(p)) continue;
      if (this.pairs.has(this.pairKey(s, c))) continue;
      this.add(s, c, this.chooseLinks(s), this.status(SHARES.revoked, SHARES.expired, SHARES.expiresLater));
    }
  }

  /** Brands and manufacturers sharing with monitors (auditors, NGOs, researchers). */
  private withMonitors(): void {
    const rng = this.rng;
    const g = this.g;
    const brands = g.pool('brands', 'BRAND');
    const manufacturers = g.pool('manufacturers', 'MANUFACTURER');
    const [o0, o1] = g.range('MONITOR');
    for (let mon = o0; mon < o1; mon++) {
      const { xmin, alpha, cap } = SHARES.monitorOwners;
      const k = rng.paretoInt(xmin, alpha, cap);
      for (let j = 0; j < k; j++) {
        const pool = brands && (rng.chance(0.6) || !manufacturers) ? brands : manufacturers;
        if (!pool) break;
        const owner = g.draw(pool);
        if (this.sourcing(owner).length === 0 || this.pairs.has(this.pairKey(owner, mon))) continue;
        this.add(
          owner,
          mon,
          this.chooseLinks(owner),
          this.status(SHARES.revoked, SHARES.expired, SHARES.expiresLater),
        );
      }
    }
  }
}

/** Groups link indices by customer (counting sort; links stay in index order within a customer). */
function indexByCustomer(orgs: number, links: LinkTable): { offsets: Int32Array; links: Int32Array } {
  const offsets = new Int32Array(orgs + 1);
  for (let l = 0; l < links.count; l++) offsets[links.customer[l]! + 1]!++;
  for (let i = 0; i < orgs; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, orgs);
  const grouped = new Int32Array(links.count);
  for (let l = 0; l < links.count; l++) grouped[cursor[links.customer[l]!]!++] = l;
  return { offsets, links: grouped };
}

export function checkOptions(options: GenerateOptions): Required<GenerateOptions> {
  const { orgs, seed, now = DEFAULT_NOW } = options;
  wholeNumberIn('orgs', orgs, 1, MAX_ORGS);
  wholeNumberIn('seed', seed);
  const year = now.getUTCFullYear();
  if (Number.isNaN(now.getTime()) || year < 2000 || year > 2100) {
    throw new RangeError(`now must be a date between 2000 and 2100, got ${String(now)}`);
  }
  return { orgs, seed, now };
}

/** Builds the whole graph in compact form; deterministic in (orgs, seed, now). */
export function buildGraph(options: GenerateOptions): SyntheticGraph {
  const checked = checkOptions(options);
  const key = seedKey(checked.seed);
  const builder = new GraphBuilder(checked, key);
  builder.organizations();
  builder.links();
  const links = builder.linkTable();
  const byCustomer = indexByCustomer(checked.orgs, links);
  const shares = builder.shares(links, byCustomer);
  const risks = builder.risks();
  const graph = {
    seed: checked.seed,
    key,
    now: checked.now,
    today: builder.today,
    shape: builder.shape,
    typeCode: builder.typeCode,
    country: builder.country,
    level: builder.level,
    links,
    byCustomer,
    shares,
    risks,
  };
  return { ...graph, disclosures: buildDisclosures(graph) };
}
