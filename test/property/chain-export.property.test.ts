// Property: on random graphs (partial, expired and revoked shares, dated links, cycles, risk indicators
// recorded at different times), an export of any viewer's chain, from any root, to any depth, now or
// as of an instant, holds exactly the organizations, tiers, links and risk indicators the reference
// model (test/support/reference-model.ts, contract sections 2 and 7) gives that viewer, in every
// format; an exported id is always one that organization(id) answers the viewer (rule 5); and a root
// it may not use answers NOT_FOUND.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { readCsv, readGexf, readGraphml } from '../support/chain-files.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';

const t = useApi();

const PAST = ['2001-01-01', '2015-06-01', '2020-03-01'];
const FUTURE = ['2999-01-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const instant = maybe(fc.constantFrom(...PAST, ...FUTURE));

const graphArbitrary = fc.integer({ min: 2, max: 7 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `o${i}`);
  const org = fc.constantFrom(...ids);
  return fc.record({
    ids: fc.constant(ids),
    links: fc.array(
      fc.record({
        supplier: org,
        customer: org,
        validFrom: instant,
        validTo: instant,
        recordedAt: maybe(fc.constantFrom(...PAST)),
      }),
      { maxLength: 14 },
    ),
    shares: fc.array(
      fc.record({
        owner: org,
        recipient: org,
        pick: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { nil: null }),
        expiresAt: instant,
        revokedAt: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 4 }),
      }),
      { maxLength: 10 },
    ),
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
    b.share(s.owner, s.recipient, { linkIds: picked, expiresAt: s.expiresAt, revokedAt: s.revokedAt });
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
  }[];
  risks: { organization: string; recordedAt: string | null }[];
};

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
      fc.asyncProperty(
        graphArbitrary,
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(null, '2010-01-01', '2018-01-01', '2021-01-01'),
        async (input, seed, depth, asOf) => {
          const file = build(input);
          await loadGraph(t.db, file);
          const model = new ReferenceModel(file);
          const view: ReferenceView =
            asOf === null
              ? { t: new Date(), historical: false }
              : { t: new Date(`${asOf}T00:00:00Z`), historical: true };
          const ids = input.ids;
          for (const viewer of ids) {
            const root = ids[(seed + ids.indexOf(viewer)) % ids.length]!;
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
        },
      ),
      { numRuns: propertyRuns(40) },
    );
  },
);
