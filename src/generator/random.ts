// Seeded, reproducible randomness for the synthetic graph generator. Everything the generator draws
// comes from here, so the same seed gives the same bytes on every machine: sfc32 (a small, fast
// 128-bit-state PRNG) seeded by hashing integer keys, and helpers for uniform, weighted and
// heavy-tailed (Pareto) draws. No Math.random anywhere.

/** murmur3's 32-bit finalizer: a bijective, well-mixing hash of one 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of up to four integers (each taken modulo 2^32). */
export function hash32(a: number, b = 0, c = 0, d = 0): number {
  let h = fmix32((a ^ 0x9e3779b9) >>> 0);
  h = fmix32((h ^ Math.imul(b >>> 0, 0x85ebca77)) >>> 0);
  h = fmix32((h ^ Math.imul(c >>> 0, 0xc2b2ae3d)) >>> 0);
  h = fmix32((h ^ Math.imul(d >>> 0, 0x27d4eb2f)) >>> 0);
  return h;
}

/** Folds a safe integer (possibly negative or above 2^32) into one 32-bit key. */
export function seedKey(seed: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  return hash32(low, high, 0x5eed);
}

export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(k1: number, k2 = 0, k3 = 0) {
    this.reseed(k1, k2, k3);
  }

  /** Restarts the stream from keys, so per-record streams need no allocation. */
  reseed(k1: number, k2 = 0, k3 = 0): this {
    this.a = hash32(k1, k2, k3, 1);
    this.b = hash32(k1, k2, k3, 2);
    this.c = hash32(k1, k2, k3, 3);
    this.d = hash32(k1, k2, k3, 4) | 1;
    for (let i = 0; i < 8; i++) this.uint32();
    return this;
  }

  /** sfc32. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Pareto(xmin, alpha): heavy-tailed, P(X > x) = (xmin / x)^alpha for x >= xmin. */
  pareto(xmin: number, alpha: number): number {
    return xmin * Math.pow(1 - this.float(), -1 / alpha);
  }

  /** A heavy-tailed count: floor of Pareto(xmin, alpha), at least 1 and at most cap. */
  paretoInt(xmin: number, alpha: number, cap: number): number {
    return Math.max(1, Math.min(cap, Math.floor(this.pareto(xmin, alpha))));
  }
}

/**
 * Draws indices 0..n-1 with probability proportional to their weights: cumulative sums and a
 * binary search, O(log n) per draw, 8 bytes per entry.
 */
export class WeightedTable {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] as number;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  sample(rng: Random): number {
    const n = this.cumulative.length;
    if (n === 0) throw new RangeError('sample from an empty table');
    const u = rng.float() * this.total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Weighted choice among a few labelled values, e.g. countries or risk kinds. */
export class WeightedList<T> {
  private readonly table: WeightedTable;
  readonly items: readonly T[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.table = new WeightedTable(entries.map(([, weight]) => weight));
  }

  sample(rng: Random): T {
    return this.items[this.table.sample(rng)] as T;
  }
}

/** Pareto(1, alpha) weights for n items, capped so one item never dominates a small graph. */
export function paretoWeights(rng: Random, n: number, alpha: number, cap = Infinity): Float64Array {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = Math.min(cap, rng.pareto(1, alpha));
  return weights;
}

/** Up to k distinct values of `items` in random order (a partial Fisher-Yates shuffle of a copy). */
export function sample(rng: Random, items: ArrayLike<number>, k: number): number[] {
  const copy = Array.from(items);
  const take = Math.min(k, copy.length);
  for (let i = 0; i < take; i++) {
    const j = i + rng.int(copy.length - i);
    const t = copy[i] as number;
    copy[i] = copy[j] as number;
    copy[j] = t;
  }
  copy.length = take;
  return copy;
}
