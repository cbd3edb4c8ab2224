// Property: on random graphs with partial, expired and revoked shares, dated links and cycles, links,
// shares and risk indicators recorded at different times, the API answers supplyChain, rootId,
// organization lookups, exposure, paths, chainsReaching and asOf (what held and was recorded by then) exactly as the
// reference model of contract sections 2 and 7 (test/support/reference-model.ts) does.
// The generator is built to reach what the properties are named for: links mostly follow a spine
// o0 <- o1 <- … (plus random ones, which make cycles and shortcuts), shares mostly go from an
// organization to one downstream of it, a quarter are revoked and as many expired. A purely random one
// reached tier 2 of a viewer's own chain in 2.4 % of graphs and let a partial share decide an answer in
// 1.1 % (`fc.option(x, { freq: 4 })` is null one time in four, so most shares were revoked). The last
// test checks, on a fixed sample and the reference model alone, that every named case is reached.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import { apiChain, referenceChain, type ApiChain } from '../support/chain-comparison.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';
import { leadsTo, oneIn } from '../support/property-generators.ts';

const t = useApi();

// Instants years away from now, so that "now" is unambiguous whatever the test's own timing.
const PAST = ['2001-01-01', '2015-06-01', '2020-03-01'];
const FUTURE = ['2999-01-01', '2990-06-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

const graphArbitrary = fc
  .noBias(fc.integer({ min: 3, max: 8 }))
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    const link = (pair: fc.Arbitrary<{ customer: string; supplier: string }>) =>
      fc
        .record({
          pair,
          // Mostly undated, so that chains hold now; dated ones make asOf differ.
          validFrom: oneIn(5, fc.constantFrom(...PAST, ...FUTURE)),
          validTo: oneIn(5, fc.constantFrom(...PAST, ...FUTURE)),
          // Null: recorded by the import itself, i.e. now.
          recordedAt: maybe(fc.constantFrom(...PAST)),
        })
        .map(({ pair, ...rest }) => ({ ...pair, ...rest }))
        .filter((l) => l.supplier !== l.customer && !(l.validFrom && l.validTo && l.validFrom >= l.validTo));
    // `ended` of every 10 shares expired, and as many revoked (the original's fc.option(…, { freq: 4 })
    // revoked three in four: freq is the odds of null).
    const share = (parties: fc.Arbitrary<{ owner: string; recipient: string }>, ended: number) =>
      fc
        .record({
          parties,
          whole: fc.boolean(),
          pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          expiresAt: fc
            .tuple(
              fc.noBias(fc.integer({ min: 1, max: 10 })),
              fc.constantFrom(...PAST),
              fc.constantFrom(null, ...FUTURE),
            )
            .map(([d, past, other]) => (d <= ended ? past : other)),
          revokedAt: fc
            .tuple(fc.noBias(fc.integer({ min: 1, max: 10 })), fc.constantFrom(...PAST))
            .map(([d, past]) => (d <= ended ? past : null)),
          createdAt: fc.constantFrom(PAST[0]!, PAST[0]!, null, ...PAST),
        })
        .map(({ parties, ...rest }) => ({ ...parties, ...rest }));
    // A spine o(n-1) -> … -> o1 -> o0, each hop once and undated, one in five twice (the second may be
    // dated); other links anywhere (cycles, shortcuts, parallel and dated links).
    const spine = fc
      .array(fc.noBias(fc.integer({ min: 1, max: 5 })), { minLength: n - 1, maxLength: n - 1 })
      .chain((copies) =>
        fc.tuple(
          ...copies.flatMap((c, i) => [
            fc.constant({
              customer: ids[i]!,
              supplier: ids[i + 1]!,
              validFrom: null,
              validTo: null,
              recordedAt: PAST[0]!,
            }),
            ...(c === 5 ? [link(fc.constant({ customer: ids[i]!, supplier: ids[i + 1]! }))] : []),
          ]),
        ),
      );
    // A transparency programme: one organization asks those above it on the spine, most of them share.
    const programme = fc
      .oneof(fc.constant(0), fc.integer({ min: 0, max: n - 2 }))
      .chain((r) =>
        fc
          .array(fc.noBias(fc.integer({ min: 1, max: 5 })), { minLength: n - r - 1, maxLength: n - r - 1 })
          .chain((asked) =>
            fc.tuple(
              ...asked.flatMap((answer, i) =>
                answer === 1 ? [] : [share(fc.constant({ owner: ids[r + 1 + i]!, recipient: ids[r]! }), 1)],
              ),
            ),
          ),
      );
    return fc.record({
      ids: fc.constant(ids),
      links: fc
        .tuple(spine, fc.array(link(fc.record({ customer: org, supplier: org })), { maxLength: 8 }))
        .map(([a, b]) => [...a, ...b]),
      shares: fc
        .tuple(programme, fc.array(share(fc.record({ owner: org, recipient: org }), 3), { maxLength: 6 }))
        .map(([a, b]) => [...a, ...b]),
      depth: fc.noBias(fc.integer({ min: 1, max: 6 })),
      risks: fc.array(fc.record({ organization: org, recordedAt: maybe(fc.constantFrom(...PAST)) }), {
        maxLength: 6,
      }),
    });
  })
  .map(({ ids, links, shares, depth, risks }): { file: TiersightFile; depth: number } => {
    const linkRecords: LinkRecord[] = links.map((l, i) => ({ id: `l${i}`, products: [], ...l }));
    const shareRecords: ShareRecord[] = shares
      .filter((s) => s.owner !== s.recipient)
      .map((s, i) => {
        const own = linkRecords.filter((l) => l.customer === s.owner).map((l) => l.id);
        const picked = [
          ...new Set(s.pick.map((p) => own[p % Math.max(own.length, 1)]).filter((x): x is string => !!x)),
        ];
        return {
          id: `s${i}`,
          owner: s.owner,
          recipient: s.recipient,
          linkIds: s.whole || picked.length === 0 ? null : picked,
          expiresAt: s.expiresAt,
          revokedAt: s.revokedAt,
          createdAt: s.createdAt,
        };
      });
    return {
      depth,
      file: {
        format: 'tiersight/v1',
        organizations: ids.map((id) => ({ id, name: id, type: 'MANUFACTURER', country: 'SE' })),
        links: linkRecords,
        shares: shareRecords,
        risks: risks.map((risk, i) => ({
          id: `r${i}`,
          kind: 'REPORT' as const,
          source: 'Property test',
          severity: 'HIGH' as const,
          ...risk,
        })),
      },
    };
  });

const RUNS_1 = propertyRuns(100);
const RUNS_2 = propertyRuns(60);

/** The file with share `i` changed (or removed, for null). */
const withShare = (file: TiersightFile, i: number, change: Partial<ShareRecord> | null): TiersightFile => ({
  ...file,
  shares:
    change === null
      ? file.shares.filter((_, k) => k !== i)
      : file.shares.map((s, k) => (k === i ? { ...s, ...change } : s)),
});

/** Everything the model answers every viewer of `file` at `view`, as text. */
const answers = (file: TiersightFile, depth: number, view: ReferenceView) => {
  const model = new ReferenceModel(file);
  const ids = file.organizations.map((o) => o.id);
  return JSON.stringify(
    ids.map((v) => [
      model.supplyChain(v, v, depth, view),
      ids.filter((id) => model.visible(v, id, view)),
      model.exposure(v, v, depth, view),
    ]),
  );
};

/** The cases of one run that decide something, by the reference model (what the property is named for). */
function casesOf(
  file: TiersightFile,
  depth: number,
  view: ReferenceView,
  seed: number,
  limit: number,
): Set<string> {
  const hit = new Set<string>();
  const base = answers(file, depth, view);
  const changes = (f: TiersightFile) => answers(f, depth, view) !== base;
  const at = view.historical ? 'asOf' : 'now';
  file.shares.forEach((s, i) => {
    if (s.linkIds && changes(withShare(file, i, { linkIds: null })))
      hit.add(`${at}: a partial share narrows`);
    if (s.revokedAt && !view.historical && changes(withShare(file, i, { revokedAt: null })))
      hit.add('now: a revoked share hides');
    if (s.revokedAt && view.historical && changes(withShare(file, i, null)))
      hit.add('asOf: a share counts before its revoke');
    if (s.expiresAt && changes(withShare(file, i, { expiresAt: null })))
      hit.add(`${at}: an expired share hides`);
    if (s.createdAt && view.historical && changes(withShare(file, i, { createdAt: null })))
      hit.add('asOf: a share created later hides');
  });
  const model = new ReferenceModel(file);
  const ids = file.organizations.map((o) => o.id);
  for (const v of ids) {
    const reached = model.tiers(v, v, view, depth);
    if ([...reached.values()].some((k) => k >= 3)) hit.add(`${at}: tier 3 or deeper`);
    if (model.tiers(v, v, view).size > reached.size) hit.add(`${at}: maxDepth cuts the chain`);
    const disclosed = file.links.filter((l) => model.disclosed(l, v, view));
    if (disclosed.some((l) => reached.has(l.customer) && leadsTo(disclosed, l.supplier, l.customer)))
      hit.add(`${at}: a cycle in the chain`);
    if (model.exposure(v, v, depth, view).blindSpots.length > 0) hit.add(`${at}: blind spots`);
    const target = ids[(seed + ids.indexOf(v)) % ids.length]!;
    if (target !== v && model.rootAllowed(v, target, view))
      hit.add(`${at}: rootId of another organization allowed`);
    if (!model.rootAllowed(v, target, view)) hit.add(`${at}: rootId refused`);
    const paths = model.simplePaths(v, v, target, depth, view);
    if (paths.length > limit) hit.add(`${at}: more paths than the limit`);
    if (new Set(paths.map((p) => p.length)).size > 1) hit.add(`${at}: paths of different lengths`);
    const reachingRoots = model
      .roots(v, view)
      .filter((r) => (model.tiers(v, r, view, depth).get(target) ?? 0) >= 1);
    if (reachingRoots.some((r) => r !== v)) hit.add(`${at}: another root's chain reaches the target`);
  }
  return hit;
}

/**
 * Counts of the cases drawn that reached each case; each must be reached in `share` of them. The sample
 * is fixed, so the counts do not vary from one run or machine to another.
 */
function expectReached(counts: Map<string, number>, runs: number, cases: readonly string[], share = 0.03) {
  // Paths of different lengths to the one target a run asks for stay rare (a shortcut beside the spine
  // towards exactly that target): once is required.
  const least = (c: string) => (c.endsWith('paths of different lengths') ? 1 : Math.max(1, runs * share));
  const missing = cases.filter((c) => (counts.get(c) ?? 0) < least(c));
  expect(missing, JSON.stringify(Object.fromEntries(counts))).toEqual([]);
}
const tally = (counts: Map<string, number>, hit: Set<string>) => {
  for (const h of hit) counts.set(h, (counts.get(h) ?? 0) + 1);
};

const CHAIN = `query($rootId: ID, $d: Int) { supplyChain(rootId: $rootId, maxDepth: $d) {
  tiers { tier organizations { id } } links { id } } }`;

it(
  'supplyChain, rootId and lookups match the reference model',
  { timeout: propertyTimeout(600_000) },
  async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, fc.nat(), async ({ file, depth }, seed) => {
        await loadGraph(t.db, file);
        const model = new ReferenceModel(file);
        const view: ReferenceView = { t: new Date(), historical: false };
        const ids = file.organizations.map((o) => o.id);
        for (const viewer of ids) {
          const lookups = ids.map((id, i) => `v${i}: organization(id: "${id}") { id }`).join(' ');
          const own = await t.api.query(
            viewer,
            `query($d: Int) { supplyChain(maxDepth: $d) { tiers { tier organizations { id } } links { id } } ${lookups} }`,
            { d: depth },
          );
          expect(own.errors).toBeUndefined();
          expect(apiChain(own.data!['supplyChain'] as ApiChain)).toEqual(
            referenceChain(model, viewer, viewer, depth, view),
          );
          const visible = ids.filter((_, i) => own.data![`v${i}`] !== null);
          expect(visible).toEqual(ids.filter((id) => model.visible(viewer, id, view)));

          const root = ids[(seed + ids.indexOf(viewer)) % ids.length]!;
          const other = await t.api.query(viewer, CHAIN, { rootId: root, d: depth });
          if (model.rootAllowed(viewer, root, view)) {
            expect(other.errors).toBeUndefined();
            expect(apiChain(other.data!['supplyChain'] as ApiChain)).toEqual(
              referenceChain(model, viewer, root, depth, view),
            );
          } else {
            expect(codes(other)).toEqual(['NOT_FOUND']);
          }
        }
      }),
      { numRuns: RUNS_1 },
    );
  },
);

const EXPOSURE = `query($d: Int, $asOf: DateTime) { exposure(maxDepth: $d, asOf: $asOf) {
  findings { organization { id risks(asOf: $asOf) { id } } tier path { id } indicators { id } }
  blindSpots { id } } }`;
const PATHS = `query($to: ID!, $d: Int, $limit: Int, $asOf: DateTime) {
  paths(toId: $to, maxDepth: $d, limit: $limit, asOf: $asOf) { links { id } } }`;
const CHAINS_REACHING = `query($id: ID!, $d: Int, $asOf: DateTime) {
  chainsReaching(organizationId: $id, maxDepth: $d, asOf: $asOf) { root { id } tier } }`;
const CHAIN_AT = `query($d: Int, $asOf: DateTime) { supplyChain(maxDepth: $d, asOf: $asOf) {
  tiers { tier organizations { id } } links { id } } }`;
const LIMIT = fc.integer({ min: 1, max: 4 });
/** How many drawn cases the coverage check judges. */
const SAMPLE = 200;
const AS_OF = fc.constantFrom(
  '2000-06-01',
  '2010-01-01',
  '2015-06-01',
  '2018-01-01',
  '2021-01-01',
  '2995-01-01',
);

type ExposureAnswer = {
  findings: {
    organization: { id: string; risks: { id: string }[] };
    tier: number;
    path: { id: string }[];
    indicators: { id: string }[];
  }[];
  blindSpots: { id: string }[];
};

it(
  'exposure, paths, chainsReaching and asOf match the reference model',
  { timeout: propertyTimeout(600_000) },
  async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, AS_OF, fc.nat(), LIMIT, async ({ file, depth }, asOf, seed, limit) => {
        await loadGraph(t.db, file);
        const model = new ReferenceModel(file);
        const now: ReferenceView = { t: new Date(), historical: false };
        const then: ReferenceView = { t: new Date(`${asOf}T00:00:00Z`), historical: true };
        const ids = file.organizations.map((o) => o.id);
        for (const viewer of ids) {
          for (const [view, variables] of [
            [now, { d: depth }],
            [then, { d: depth, asOf }],
          ] as const) {
            const response = await t.api.query(viewer, EXPOSURE, variables);
            expect(response.errors).toBeUndefined();
            const answer = response.data!['exposure'] as ExposureAnswer;
            const expected = model.exposure(viewer, viewer, depth, view);
            const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
            const idsOf = (list: { id: string }[]) => list.map((i) => i.id).sort();
            expect(
              answer.findings
                .map((f) => ({ id: f.organization.id, tier: f.tier, indicators: idsOf(f.indicators) }))
                .sort(byId),
            ).toEqual(expected.findings.map((f) => ({ ...f, indicators: f.indicators.sort() })).sort(byId));
            for (const finding of answer.findings) {
              // Organization.risks(asOf) lists what exposure at the same instant lists.
              expect(idsOf(finding.organization.risks)).toEqual(idsOf(finding.indicators));
            }
            expect(answer.blindSpots.map((o) => o.id).sort()).toEqual(expected.blindSpots.sort());
            for (const finding of answer.findings) {
              // The path is a shortest one: root first, the flagged organization last, one hop per tier.
              expect(finding.path.map((o) => o.id)[0]).toBe(viewer);
              expect(finding.path.at(-1)!.id).toBe(finding.organization.id);
              expect(finding.path.length).toBe(finding.tier + 1);
            }
            const chain = await t.api.query(viewer, CHAIN_AT, variables);
            expect(apiChain(chain.data!['supplyChain'] as ApiChain)).toEqual(
              referenceChain(model, viewer, viewer, depth, view),
            );
          }

          const target = ids[(seed + ids.indexOf(viewer)) % ids.length]!;
          for (const [view, at] of [
            [now, null],
            [then, asOf],
          ] as const) {
            const response = await t.api.query(viewer, PATHS, { to: target, d: depth, limit, asOf: at });
            expect(response.errors).toBeUndefined();
            const got = (response.data!['paths'] as { links: { id: string }[] }[]).map((p) =>
              p.links.map((l) => l.id),
            );
            const all = model.simplePaths(viewer, viewer, target, depth, view);
            const allKeys = new Set(all.map((p) => p.join(' ')));
            expect(got.length).toBe(Math.min(limit, all.length));
            for (const path of got) expect(allKeys.has(path.join(' ')), path.join(' ')).toBe(true);
            expect(new Set(got.map((p) => p.join(' '))).size).toBe(got.length);
            const shortestLengths = all
              .map((p) => p.length)
              .sort((a, b) => a - b)
              .slice(0, limit);
            expect(got.map((p) => p.length)).toEqual(shortestLengths);

            // Which of the viewer's roots hold the target, at the tier each root's supplyChain gives it.
            const reaching = await t.api.query(viewer, CHAINS_REACHING, { id: target, d: depth, asOf: at });
            expect(reaching.errors).toBeUndefined();
            const expectedReach = model
              .roots(viewer, view)
              .flatMap((root) => {
                const tier = model.tiers(viewer, root, view, depth).get(target) ?? 0;
                return tier >= 1 ? [{ root, tier }] : [];
              })
              .sort((a, b) => a.tier - b.tier || a.root.localeCompare(b.root));
            const gotReach = (reaching.data!['chainsReaching'] as { root: { id: string }; tier: number }[])
              .map((r) => ({ root: r.root.id, tier: r.tier }))
              .sort((a, b) => a.tier - b.tier || a.root.localeCompare(b.root));
            expect(gotReach).toEqual(expectedReach);
          }
        }
      }),
      { numRuns: RUNS_2 },
    );
  },
);

it('the generator reaches every case the properties are named for', () => {
  // A fixed sample, judged by the reference model alone: the API runs above draw new graphs each time.
  const counts = new Map<string, number>();
  const sample = fc.sample(fc.tuple(graphArbitrary, AS_OF, fc.nat(), LIMIT), {
    numRuns: SAMPLE,
    seed: 20_260_101,
  });
  for (const [{ file, depth }, asOf, seed, limit] of sample) {
    tally(counts, casesOf(file, depth, { t: new Date(), historical: false }, seed, limit));
    tally(counts, casesOf(file, depth, { t: new Date(`${asOf}T00:00:00Z`), historical: true }, seed, limit));
  }
  expectReached(counts, SAMPLE, [
    'now: a partial share narrows',
    'now: a revoked share hides',
    'now: an expired share hides',
    'now: tier 3 or deeper',
    'now: maxDepth cuts the chain',
    'now: a cycle in the chain',
    'now: rootId of another organization allowed',
    'now: rootId refused',
    'now: blind spots',
    'now: more paths than the limit',
    'now: paths of different lengths',
    "now: another root's chain reaches the target",
    'asOf: a share counts before its revoke',
    'asOf: a share created later hides',
    'asOf: tier 3 or deeper',
    'asOf: blind spots',
    'asOf: a partial share narrows',
  ]);
});
