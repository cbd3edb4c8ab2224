// Property: on random graphs with partial, expired and revoked shares, dated links and cycles, links,
// shares and risk indicators recorded at different times, the API answers supplyChain, rootId,
// organization lookups, exposure, paths and asOf (what held and was recorded by then) exactly as the
// reference model of contract sections 2 and 7 (test/support/reference-model.ts) does.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import { apiChain, referenceChain, type ApiChain } from '../support/chain-comparison.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';

const t = useApi();

// Instants years away from now, so that "now" is unambiguous whatever the test's own timing.
const PAST = ['2001-01-01', '2015-06-01', '2020-03-01'];
const FUTURE = ['2999-01-01', '2990-06-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

const graphArbitrary = fc
  .integer({ min: 2, max: 8 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    const link = fc
      .record({
        supplier: org,
        customer: org,
        validFrom: maybe(fc.constantFrom(...PAST, ...FUTURE)),
        validTo: maybe(fc.constantFrom(...PAST, ...FUTURE)),
        // Null: recorded by the import itself, i.e. now.
        recordedAt: maybe(fc.constantFrom(...PAST)),
      })
      .filter((l) => l.supplier !== l.customer && !(l.validFrom && l.validTo && l.validFrom >= l.validTo));
    return fc.record({
      ids: fc.constant(ids),
      links: fc.array(link, { maxLength: 18 }),
      shares: fc.array(
        fc.record({
          owner: org,
          recipient: org,
          whole: fc.boolean(),
          pick: fc.array(fc.nat(), { maxLength: 3 }),
          expiresAt: maybe(fc.constantFrom(...PAST, ...FUTURE)),
          revokedAt: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 4 }),
          createdAt: fc.option(fc.constantFrom(...PAST), { nil: null }),
        }),
        { maxLength: 12 },
      ),
      depth: fc.integer({ min: 1, max: 6 }),
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
      { numRuns: propertyRuns(100) },
    );
  },
);

const EXPOSURE = `query($d: Int, $asOf: DateTime) { exposure(maxDepth: $d, asOf: $asOf) {
  findings { organization { id risks(asOf: $asOf) { id } } tier path { id } indicators { id } }
  blindSpots { id } } }`;
const PATHS = `query($to: ID!, $d: Int, $limit: Int, $asOf: DateTime) {
  paths(toId: $to, maxDepth: $d, limit: $limit, asOf: $asOf) { links { id } } }`;
const CHAIN_AT = `query($d: Int, $asOf: DateTime) { supplyChain(maxDepth: $d, asOf: $asOf) {
  tiers { tier organizations { id } } links { id } } }`;
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

it('exposure, paths and asOf match the reference model', { timeout: propertyTimeout(600_000) }, async () => {
  await fc.assert(
    fc.asyncProperty(
      graphArbitrary,
      AS_OF,
      fc.nat(),
      fc.integer({ min: 1, max: 4 }),
      async ({ file, depth }, asOf, seed, limit) => {
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
          }
        }
      },
    ),
    { numRuns: propertyRuns(60) },
  );
});
