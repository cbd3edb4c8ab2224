// Differential: the supplyChain statement against the reference model (specification, sections 2 and 4)
// on large random graphs, hundreds to a couple of thousand organizations with deep layered chains,
// cycles, parallel links, dated links, and whole, partial, expired, revoked and later-recorded shares.
// The small graphs of visibility.property.test.ts find corner cases; these find what only shows at
// breadth: many organizations per tier, an organization reached through several tiers, long frontiers.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import type { ViewerScope } from '../../src/domain/viewer-scope.ts';
import { SupplyChainRepository } from '../../src/modules/supply-chain/supply-chain-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const PAST = ['2001-01-01', '2015-06-01', '2020-03-01'];
const FUTURE = ['2990-06-01', '2999-01-01'];
const PRODUCTS = ['laptops', 'phones', 'cables'];
const LEVELS = 9;

/** mulberry32: a seeded generator, so that a failing seed can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    chance: (p: number) => next() < p,
    below,
    pick: <T>(items: readonly T[]): T => items[below(items.length)]!,
  };
}

/** Organizations on levels 0..8, each supplied mostly from the next level (so chains run deep). */
function randomGraph(seed: number, size: number): TiersightFile {
  const rng = random(seed);
  const level = Array.from({ length: size }, (_, i) => (i < size / 20 ? 0 : 1 + rng.below(LEVELS - 1)));
  const onLevel = Array.from({ length: LEVELS }, (_, k) => level.flatMap((l, i) => (l === k ? [i] : [])));
  const links: LinkRecord[] = [];
  const maybeDate = (dates: string[]) => (rng.chance(0.15) ? rng.pick(dates) : null);
  for (let customer = 0; customer < size; customer++) {
    const below = onLevel[level[customer]! + 1] ?? [];
    for (let k = 1 + rng.below(6); k > 0 && below.length > 0; k--) {
      // Mostly the next level; sometimes any organization, which makes shortcuts and cycles.
      const supplier = rng.chance(0.08) ? rng.below(size) : rng.pick(below);
      if (supplier === customer) continue;
      const parallel = rng.chance(0.05) ? 2 : 1;
      for (let p = 0; p < parallel; p++) {
        const validFrom = maybeDate([...PAST, ...FUTURE]);
        const validTo = rng.chance(0.1) ? rng.pick(FUTURE) : rng.chance(0.08) ? rng.pick(PAST) : null;
        links.push({
          id: `l${links.length}`,
          supplier: `o${supplier}`,
          customer: `o${customer}`,
          products: PRODUCTS.filter(() => rng.chance(0.5)),
          validFrom,
          validTo: validFrom !== null && validTo !== null && validTo <= validFrom ? null : validTo,
          recordedAt: rng.chance(0.2) ? rng.pick(PAST) : null,
        });
      }
    }
  }
  const own = new Map<string, string[]>();
  for (const l of links) own.set(l.customer, [...(own.get(l.customer) ?? []), l.id]);
  const suppliersOf = new Map<string, string[]>();
  for (const l of links) suppliersOf.set(l.customer, [...(suppliersOf.get(l.customer) ?? []), l.supplier]);
  const shares: ShareRecord[] = [];
  const share = (owner: string, recipient: string) => {
    const ownLinks = own.get(owner);
    if (recipient === owner || ownLinks === undefined) return;
    const picked = [...new Set(ownLinks.filter(() => rng.chance(0.6)))];
    shares.push({
      id: `s${shares.length}`,
      owner,
      recipient,
      linkIds: rng.chance(0.5) || picked.length === 0 ? null : picked,
      expiresAt: rng.chance(0.1) ? rng.pick([...PAST, ...FUTURE]) : null,
      revokedAt: rng.chance(0.05) ? rng.pick(PAST) : null,
      createdAt: rng.chance(0.2) ? rng.pick(PAST) : null,
    });
  };
  // Transparency programmes: a purchaser asks its chain, tier by tier, and most suppliers share.
  for (const purchaser of onLevel[0]!) {
    if (!rng.chance(0.3)) continue;
    const asked = new Set([`o${purchaser}`]);
    let frontier = [`o${purchaser}`];
    while (frontier.length > 0 && asked.size < 300) {
      const next: string[] = [];
      for (const customer of frontier) {
        if (customer !== `o${purchaser}` && rng.chance(0.75)) share(customer, `o${purchaser}`);
        for (const supplier of suppliersOf.get(customer) ?? []) {
          if (asked.has(supplier)) continue;
          asked.add(supplier);
          next.push(supplier);
        }
      }
      frontier = next;
    }
  }
  // And scattered shares with anybody.
  const owners = [...own.keys()];
  for (let i = 0; i < size / 10; i++) share(rng.pick(owners), `o${rng.below(size)}`);
  return {
    format: 'tiersight/v1',
    // Few distinct names, so that ordering by name needs the id to break ties.
    organizations: level.map((_, i) => ({
      id: `o${i}`,
      name: `Org ${i % 37}`,
      type: 'MANUFACTURER',
      country: 'SE',
    })),
    links,
    shares,
    risks: [],
  };
}

/** The reference answer with $product: the walk and its links use only links that carry it. */
function reference(file: TiersightFile, product: string | null) {
  return new ReferenceModel(
    product === null ? file : { ...file, links: file.links.filter((l) => l.products.includes(product)) },
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

it(
  'supplyChain matches the reference model on large random graphs',
  { timeout: propertyTimeout(900_000) },
  async () => {
    const chains = new SupplyChainRepository(db.executor);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1 }), fc.integer({ min: 200, max: 1_500 }), async (seed, size) => {
        const file = randomGraph(seed, size);
        await loadGraph(db, file);
        // Whether a root may be used (rule 5) does not depend on the product asked for.
        const whole = reference(file, null);
        const rng = random(seed ^ 0x5eed);
        // Mostly purchasers with a programme (deep chains), sometimes anybody.
        const recipients = file.shares.map((s) => s.recipient);
        const viewers = Array.from({ length: 6 }, (_, i) =>
          i % 3 === 2 ? `o${rng.below(size)}` : rng.pick(recipients),
        );
        for (const viewer of viewers) {
          const historical = rng.chance(0.3);
          const view: ReferenceView = {
            t: historical
              ? new Date(`${rng.pick(['2010-01-01', '2018-01-01', '2021-01-01'])}T00:00:00Z`)
              : new Date(),
            historical,
          };
          const scope: ViewerScope = { viewerId: viewer, instant: view.t, historical, context: {} };
          const product = rng.chance(0.25) ? rng.pick(PRODUCTS) : null;
          const model = reference(file, product);
          const roots = model.roots(viewer, view);
          const reachable = [...model.tiers(viewer, rng.pick(roots), view).keys()];
          // The viewer, a root or something reachable from one, or any organization (perhaps not allowed).
          const root = rng.chance(0.5)
            ? viewer
            : rng.chance(0.7)
              ? rng.pick(reachable)
              : `o${rng.below(size)}`;
          const depth = 1 + rng.below(12);
          const got = await chains.supplyChain(scope, root, depth, product);
          const label = `seed ${seed}, size ${size}, viewer ${viewer}, root ${root}, depth ${depth}, product ${product}, at ${view.t.toISOString()}`;
          if (!whole.rootAllowed(viewer, root, view)) {
            expect(got, label).toBeNull();
            continue;
          }
          const expected = model.supplyChain(viewer, root, depth, view);
          expect(got, label).not.toBeNull();
          expect(got!.root.id, label).toBe(root);
          const reached = got!.tiers.flatMap((organizations, i) =>
            organizations.map((organization) => ({ organization, tier: i + 1 })),
          );
          expect(
            reached.map((r) => ({ id: r.organization.id, tier: r.tier })).sort((a, b) => byText(a.id, b.id)),
            label,
          ).toEqual(expected.organizations.sort((a, b) => byText(a.id, b.id)));
          expect(
            got!.links.map((l) => l.id),
            label,
          ).toEqual(expected.links.sort(byText));
          // Ordered as the API lists them: by tier, then name, then id.
          const order = reached.map((r) => [r.tier, r.organization.name, r.organization.id] as const);
          const sorted = [...order].sort((a, b) => a[0] - b[0] || byText(a[1], b[1]) || byText(a[2], b[2]));
          expect(order, label).toEqual(sorted);
        }
      }),
      { numRuns: propertyRuns(6), endOnFailure: true },
    );
  },
);
