// Property: on random graphs (partial, expired and revoked shares, dated links, cycles, risk indicators
// recorded at different times), an export of any viewer's chain, from any root, to any depth, now or
// as of an instant, holds exactly the organizations, tiers, links and risk indicators the reference
// model (test/support/reference-model.ts, contract sections 2 and 7) gives that viewer, in every
// format; an exported id is always one that organization(id) answers the viewer (rule 5); and a root
// it may not use answers NOT_FOUND.
// The generator is built to reach those cases: links follow a spine o0 <- o1 <- … recorded early (plus
// random ones, which make cycles, shortcuts and dated links), a programme has the organizations above one
// of them share with it, and a quarter of shares are revoked and as many expired, most created early. A
// purely random one never let a share decide an asOf export (no share had a createdAt, so none existed
// before the import), reached tier 3 in no run and let a partial share narrow one in 0.7 %
// (`fc.option(x, { freq: 4 })` is null one time in four, so most shares were revoked). The last test
// checks, on a fixed sample and the reference model alone, that every named case is reached. Its
// graphs have more viewers and longer chains, so 34 runs take what 40 random ones did.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
import { codes } from '../support/api.ts';
import { readCsv, readGexf, readGraphml } from '../support/chain-files.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';
import { leadsTo, oneIn } from '../support/property-generators.ts';

const t = useApi();

const PAST = ['2001-01-01', '2015-06-01', '2020-03-01'];
const FUTURE = ['2999-01-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const instant = oneIn(3, fc.constantFrom(...PAST, ...FUTURE));

const graphArbitrary = fc.noBias(fc.integer({ min: 4, max: 6 })).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `o${i}`);
  const org = fc.constantFrom(...ids);
  // Of every 10 shares `expired` have expired and `revoked` were revoked: 2 and 3 of the programme's, 3
  // and 3 of the others (the original's fc.option(…, { freq: 4 }) revoked three in four: freq is the
  // odds of null). `early` of every 10 were created before every asOf drawn: most of the programme's.
  const share = (
    parties: fc.Arbitrary<{ owner: string; recipient: string }>,
    expired: number,
    revoked: number,
    early: number,
  ) =>
    fc
      .record({
        parties,
        pick: maybe(fc.array(fc.nat(), { minLength: 1, maxLength: 2 })),
        expiresAt: fc
          .tuple(
            fc.noBias(fc.integer({ min: 1, max: 10 })),
            fc.constantFrom(...PAST),
            fc.constantFrom(null, ...FUTURE),
          )
          .map(([d, past, other]) => (d <= expired ? past : other)),
        // Revoked after the first asOf drawn, mostly after the second too: before its revoke it counts.
        revokedAt: fc
          .tuple(fc.noBias(fc.integer({ min: 1, max: 10 })), fc.constantFrom(PAST[1]!, PAST[2]!, PAST[2]!))
          .map(([d, past]) => (d <= revoked ? past : null)),
        // `early` of every 10 before every asOf drawn, the others later (null: by the import, i.e. now).
        createdAt: fc
          .tuple(fc.noBias(fc.integer({ min: 1, max: 10 })), fc.constantFrom(null, ...PAST.slice(1)))
          .map(([d, later]) => (d <= early ? PAST[0]! : later)),
      })
      .map(({ parties, ...rest }) => ({ ...parties, ...rest }));
  const link = (pair: fc.Arbitrary<{ supplier: string; customer: string }>) =>
    fc
      .record({ pair, validFrom: instant, validTo: instant, recordedAt: maybe(fc.constantFrom(...PAST)) })
      .map(({ pair, ...rest }) => ({ ...pair, ...rest }));
  // A spine o(n-1) -> … -> o1 -> o0, undated and recorded at the first instant; every other hop twice
  // (the second may be dated), so that a partial share has something to leave out.
  const spine = fc
    .array(fc.noBias(fc.integer({ min: 1, max: 2 })), { minLength: n - 1, maxLength: n - 1 })
    .chain((copies) =>
      fc.tuple(
        ...copies.flatMap((c, i) => {
          const hop = { supplier: ids[i + 1]!, customer: ids[i]! };
          return [
            fc.constant({ ...hop, validFrom: null, validTo: null, recordedAt: PAST[0]! }),
            ...(c === 2 ? [link(fc.constant(hop))] : []),
          ];
        }),
      ),
    );
  // A transparency programme: one organization asks those above it on the spine, most of them share.
  const programme = fc
    .oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: n - 2 }) },
    )
    .chain((r) =>
      fc
        .array(fc.noBias(fc.integer({ min: 1, max: 5 })), { minLength: n - r - 1, maxLength: n - r - 1 })
        .chain((asked) =>
          fc.tuple(
            ...asked.flatMap((answer, i) =>
              answer === 1
                ? []
                : [share(fc.constant({ owner: ids[r + 1 + i]!, recipient: ids[r]! }), 2, 3, 8)],
            ),
          ),
        ),
    );
  return fc.record({
    ids: fc.constant(ids),
    links: fc
      .tuple(spine, fc.array(link(fc.record({ supplier: org, customer: org })), { maxLength: 5 }))
      .map(([a, b]) => [...a, ...b]),
    shares: fc
      .tuple(programme, fc.array(share(fc.record({ owner: org, recipient: org }), 3, 3, 4), { maxLength: 4 }))
      .map(([a, b]) => [...a, ...b]),
    risks: fc.array(fc.record({ organization: org, recordedAt: maybe(fc.constantFrom(...PAST)) }), {
      maxLength: 5,
    }),
  });
});

function build({ ids, links, shares, risks }: GraphInput) {
  const b = graph();
  for (const id of ids) b.org(id);
  const kept = links.filter(
    (l) => l.supplier !== l.customer && !(l.validFrom && l.validTo && l.validFrom >= l.validTo),
  );
  kept.forEach((l, i) => b.link(l.supplier, l.customer, { id: `l${i}`, ...l }));
  for (const s of shares.filter((x) => x.owner !== x.recipient)) {
    const own = kept.flatMap((l, i) => (l.customer === s.owner ? [`l${i}`] : []));
    const picked =
      s.pick === null || own.length === 0 ? null : [...new Set(s.pick.map((p) => own[p % own.length]!))];
    b.share(s.owner, s.recipient, {
      linkIds: picked,
      expiresAt: s.expiresAt,
      revokedAt: s.revokedAt,
      createdAt: s.createdAt,
    });
  }
  for (const r of risks) b.risk(r.organization, { recordedAt: r.recordedAt });
  return b.build();
}
type GraphInput = {
  ids: string[];
  links: {
    supplier: string;
    customer: string;
    validFrom: string | null;
    validTo: string | null;
    recordedAt: string | null;
  }[];
  shares: {
    owner: string;
    recipient: string;
    pick: number[] | null;
    expiresAt: string | null;
    revokedAt: string | null;
    createdAt: string | null;
  }[];
  risks: { organization: string; recordedAt: string | null }[];
};

/** The root a viewer's export asks for: its own in about two cases of three, else another organization. */
const rootOf = (ids: readonly string[], viewer: string, seed: number) => {
  const k = ids.indexOf(viewer);
  return Math.floor(seed / 3 ** k) % 3 !== 0 ? viewer : ids[(seed + k) % ids.length]!;
};
const SEED = fc.noBias(fc.nat());
const DEPTH = fc.noBias(fc.integer({ min: 1, max: 5 }));
const AS_OF = fc.constantFrom(null, null, '2010-01-01', '2018-01-01', '2021-01-01');
/** How many drawn cases the coverage check judges. */
const SAMPLE = 300;

const EXPORTS = `query($rootId: ID, $d: Int, $asOf: DateTime) {
  json: chainExport(format: JSON, rootId: $rootId, maxDepth: $d, asOf: $asOf) { content }
  graphml: chainExport(format: GRAPHML, rootId: $rootId, maxDepth: $d, asOf: $asOf) { content }
  gexf: chainExport(format: GEXF, rootId: $rootId, maxDepth: $d, asOf: $asOf) { content }
  csv: chainExport(format: CSV, rootId: $rootId, maxDepth: $d, asOf: $asOf) { content } }`;

type Json = {
  organizations: { id: string; tier: number; risks: { id: string }[] }[];
  links: { id: string; supplier: string; customer: string }[];
};
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

it(
  'an export holds exactly what the viewer may query, in every format',
  { timeout: propertyTimeout(900_000) },
  async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, SEED, DEPTH, AS_OF, async (input, seed, depth, asOf) => {
        const file = build(input);
        await loadGraph(t.db, file);
        const model = new ReferenceModel(file);
        const view: ReferenceView =
          asOf === null
            ? { t: new Date(), historical: false }
            : { t: new Date(`${asOf}T00:00:00Z`), historical: true };
        const ids = input.ids;
        for (const viewer of ids) {
          const root = rootOf(ids, viewer, seed);
          const response = await t.api.query(viewer, EXPORTS, { rootId: root, d: depth, asOf });
          if (!model.rootAllowed(viewer, root, view)) {
            expect([...new Set(codes(response))]).toEqual(['NOT_FOUND']);
            expect(response.data ?? null).toBeNull();
            continue;
          }
          expect(response.errors).toBeUndefined();
          const content = (name: string) => (response.data![name] as { content: string }).content;
          const json = JSON.parse(content('json')) as Json;

          const reference = model.supplyChain(viewer, root, depth, view);
          expect(byId(json.organizations.map(({ id, tier }) => ({ id, tier })))).toEqual(
            byId([{ id: root, tier: 0 }, ...reference.organizations]),
          );
          expect(json.links.map((l) => l.id).sort()).toEqual([...reference.links].sort());
          for (const o of json.organizations) {
            expect(o.risks.map((r) => r.id).sort()).toEqual(model.risks(o.id, view).sort());
          }

          const organizationIds = json.organizations.map((o) => o.id);
          const linkIds = json.links.map((l) => l.id);
          for (const read of [
            readGraphml(content('graphml')),
            readGexf(content('gexf')),
            readCsv(content('csv')),
          ]) {
            expect(read.nodes.map((n) => n.id)).toEqual(organizationIds);
            expect(read.edges.map((e) => e.id)).toEqual(linkIds);
            for (const e of read.edges)
              expect(organizationIds).toEqual(expect.arrayContaining([e.source, e.target]));
          }

          // Every organization id in the export is one the viewer may look up: now through the API's
          // organization(id), as of an instant through the model's rule 5 at that instant.
          if (asOf === null) {
            const lookups = organizationIds
              .map((id, i) => `v${i}: organization(id: "${id}") { id }`)
              .join(' ');
            const looked = await t.api.query(viewer, `{ ${lookups} }`);
            expect(organizationIds.filter((_, i) => looked.data![`v${i}`] === null)).toEqual([]);
          } else {
            expect(organizationIds.filter((id) => !model.visible(viewer, id, view))).toEqual([]);
          }
        }
      }),
      { numRuns: propertyRuns(34) },
    );
  },
);

/** Each viewer's export of `file` by the model (null: the root is refused), as text. */
const answers = (file: TiersightFile, depth: number, view: ReferenceView, seed: number) => {
  const model = new ReferenceModel(file);
  const ids = file.organizations.map((o) => o.id);
  return JSON.stringify(
    ids.map((viewer) => {
      const root = rootOf(ids, viewer, seed);
      if (!model.rootAllowed(viewer, root, view)) return null;
      const chain = model.supplyChain(viewer, root, depth, view);
      return [chain, [root, ...chain.organizations.map((o) => o.id)].map((id) => model.risks(id, view))];
    }),
  );
};

/** The cases of one run that decide some export, by the reference model (what the property is named for). */
function casesOf(file: TiersightFile, depth: number, view: ReferenceView, seed: number): Set<string> {
  const hit = new Set<string>();
  const base = answers(file, depth, view, seed);
  const changes = (f: TiersightFile) => answers(f, depth, view, seed) !== base;
  /** The file with record `i` of `key` changed (or removed, for null). */
  const changed = (key: 'shares' | 'links' | 'risks', i: number, change: object | null): TiersightFile => ({
    ...file,
    [key]:
      change === null
        ? file[key].filter((_, k) => k !== i)
        : file[key].map((r: object, k) => (k === i ? { ...r, ...change } : r)),
  });
  const at = view.historical ? 'asOf' : 'now';
  file.shares.forEach((s, i) => {
    if (s.linkIds && changes(changed('shares', i, { linkIds: null })))
      hit.add(`${at}: a partial share narrows`);
    if (s.revokedAt && !view.historical && changes(changed('shares', i, { revokedAt: null })))
      hit.add('now: a revoked share hides');
    if (s.revokedAt && view.historical && changes(changed('shares', i, null)))
      hit.add('asOf: a share counts before its revoke');
    if (s.expiresAt && changes(changed('shares', i, { expiresAt: null })))
      hit.add(`${at}: an expired share hides`);
    if (s.createdAt && view.historical && changes(changed('shares', i, { createdAt: null })))
      hit.add('asOf: a share created later hides');
  });
  file.links.forEach((l, i) => {
    if ((l.validFrom || l.validTo) && changes(changed('links', i, { validFrom: null, validTo: null })))
      hit.add(`${at}: a dated link decides`);
    if (view.historical && changes(changed('links', i, { recordedAt: '1990-01-01' })))
      hit.add('asOf: a link recorded later hides');
  });
  file.risks.forEach((r, i) => {
    if (changes(changed('risks', i, null))) hit.add(`${at}: a risk indicator exported`);
    if (view.historical && changes(changed('risks', i, { recordedAt: '1990-01-01' })))
      hit.add('asOf: an indicator recorded later hides');
  });
  const model = new ReferenceModel(file);
  const ids = file.organizations.map((o) => o.id);
  for (const viewer of ids) {
    const root = rootOf(ids, viewer, seed);
    if (!model.rootAllowed(viewer, root, view)) {
      hit.add(`${at}: a root refused`);
      continue;
    }
    if (root !== viewer) hit.add(`${at}: another root allowed`);
    const reached = model.tiers(viewer, root, view, depth);
    if ([...reached.values()].some((k) => k >= 3)) hit.add(`${at}: tier 3 or deeper`);
    if (model.tiers(viewer, root, view).size > reached.size) hit.add(`${at}: maxDepth cuts the chain`);
    const disclosed = file.links.filter((l) => model.disclosed(l, viewer, view));
    if (disclosed.some((l) => reached.has(l.customer) && leadsTo(disclosed, l.supplier, l.customer)))
      hit.add(`${at}: a cycle in the chain`);
  }
  return hit;
}

it('the generator reaches every case the property is named for', () => {
  // A fixed sample, judged by the reference model alone: the API runs above draw new graphs each time.
  const counts = new Map<string, number>();
  const sample = fc.sample(fc.tuple(graphArbitrary, SEED, DEPTH, AS_OF), {
    numRuns: SAMPLE,
    seed: 20_260_103,
  });
  for (const [input, seed, depth, asOf] of sample) {
    const view: ReferenceView =
      asOf === null
        ? { t: new Date(), historical: false }
        : { t: new Date(`${asOf}T00:00:00Z`), historical: true };
    for (const h of casesOf(build(input), depth, view, seed)) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const cases = ['now', 'asOf'].flatMap((at) => [
    `${at}: a partial share narrows`,
    `${at}: an expired share hides`,
    `${at}: a dated link decides`,
    `${at}: a risk indicator exported`,
    `${at}: a root refused`,
    `${at}: another root allowed`,
    `${at}: tier 3 or deeper`,
    `${at}: maxDepth cuts the chain`,
    `${at}: a cycle in the chain`,
  ]);
  cases.push(
    'now: a revoked share hides',
    'asOf: a share counts before its revoke',
    'asOf: a share created later hides',
    'asOf: a link recorded later hides',
    'asOf: an indicator recorded later hides',
  );
  const missing = cases.filter((c) => (counts.get(c) ?? 0) < SAMPLE * 0.03);
  expect(missing, JSON.stringify(Object.fromEntries([...counts].sort()))).toEqual([]);
});
