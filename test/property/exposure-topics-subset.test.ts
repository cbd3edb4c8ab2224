// Property: a topic filter only ever takes away. On random graphs (a spine o(n-1) -> … -> o0 and random
// links, a sharing programme down the spine and random shares, indicators with random topics and
// severities, disclosures with open serious actions), for every viewer and any topics filter, exposure's
// findings are a subset of those without it: the same organizations at the same tiers by the same paths,
// each keeping only the indicators about a topic asked for (none of the disclosed ones), its severity the
// highest of those; a finding is dropped exactly when none is left. A filter never reaches further.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { RISK_TOPICS, SEVERITIES, type RiskTopic, type TiersightFile } from '../../src/domain/format.ts';
import { disclosureVersion } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';
import { oneIn, sharingProgramme } from '../support/property-generators.ts';

const t = useApi();
const DEPTH = 4;

const EXPOSURE = `query($topics: [RiskTopic!]) { exposure(maxDepth: ${DEPTH}, topics: $topics) {
  closestTier blindSpots { id }
  findings { organization { id } tier severity path { id } indicators { id severity topics } disclosedIndicators { kind } } } }`;

interface Finding {
  organization: { id: string };
  tier: number;
  severity: string;
  path: { id: string }[];
  indicators: { id: string; severity: string; topics: RiskTopic[] }[];
  disclosedIndicators: { kind: string }[];
}
interface Exposure {
  closestTier: number | null;
  blindSpots: { id: string }[];
  findings: Finding[];
}

const topicSet = fc.subarray([...RISK_TOPICS], { maxLength: 3 });

const scenario = fc
  .noBias(fc.integer({ min: 2, max: 6 }))
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    const share = (
      parties: fc.Arbitrary<{ owner: string; recipient: string }>,
      disclosures: fc.Arbitrary<boolean>,
    ) => fc.record({ parties, disclosures }).map(({ parties, disclosures }) => ({ ...parties, disclosures }));
    return fc.record({
      ids: fc.constant(ids),
      links: fc.array(
        fc.record({ supplier: org, customer: org }).filter((l) => l.supplier !== l.customer),
        { maxLength: 5 },
      ),
      shares: fc
        .tuple(
          sharingProgramme(ids, share),
          fc.array(share(fc.record({ owner: org, recipient: org }), fc.boolean()), { maxLength: 4 }),
        )
        .map(([a, b]) => [...a, ...b].filter((s) => s.owner !== s.recipient)),
      risks: fc.array(
        fc.record({ organization: org, severity: fc.constantFrom(...SEVERITIES), topics: topicSet }),
        { minLength: 1, maxLength: 10 },
      ),
      disclosures: fc.array(fc.record({ owner: org, supplier: oneIn(2, fc.nat()) }), { maxLength: 3 }),
      filters: fc.array(topicSet, { minLength: 1, maxLength: 3 }),
    });
  })
  .map(({ ids, links, shares, risks, disclosures, filters }) => {
    const linkRecords = [
      ...ids.slice(1).map((supplier, i) => ({ supplier, customer: ids[i]! })),
      ...links,
    ].map((l, i) => ({ id: `l${i}`, products: [], ...l }));
    const file: TiersightFile = {
      format: 'tiersight/v1',
      organizations: ids.map((id) => ({ id, name: id, type: 'MANUFACTURER', country: 'CN' })),
      links: linkRecords,
      shares: shares.map((s, i) => ({
        id: `s${i}`,
        owner: s.owner,
        recipient: s.recipient,
        linkIds: null,
        ...(s.disclosures ? { scope: 'DISCLOSURES' as const } : {}),
      })),
      risks: risks.map((r, i) => ({ id: `r${i}`, kind: 'REPORT', source: `source ${i}`, ...r })),
      disclosures: disclosures.map((d, i) => {
        const suppliers = linkRecords.filter((l) => l.customer === d.owner).map((l) => l.supplier);
        const subject =
          d.supplier === null || suppliers.length === 0 ? d.owner : suppliers[d.supplier % suppliers.length]!;
        return {
          id: `d${i}`,
          owner: d.owner,
          subject,
          kind: 'CORRECTIVE_ACTION_PLAN' as const,
          publishedAt: '2020-01-01',
          withdrawnAt: null,
          ...disclosureVersion({
            title: `Plan ${i}`,
            actions: [
              {
                id: 'a',
                finding: 'f',
                severity: 'CRITICAL' as const,
                action: 'act',
                dueAt: '2990-01-01',
                status: 'OPEN' as const,
                verification: null,
                closedAt: null,
              },
            ],
          }),
        };
      }),
    };
    return { ids, file, filters };
  });

const exposureOf = async (viewer: string, topics: RiskTopic[] | null): Promise<Exposure> => {
  const response = await t.api.query(viewer, EXPOSURE, { topics });
  expect(response.errors).toBeUndefined();
  return response.data!['exposure'] as Exposure;
};

const highest = (severities: readonly string[]) =>
  SEVERITIES.filter((s) => severities.includes(s)).at(-1) ?? 'LOW';

it(
  'with any topics filter, exposure findings are a subset of those without it, for every viewer',
  async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ ids, file, filters }) => {
        await loadGraph(t.db, file);
        for (const viewer of ids) {
          const every = await exposureOf(viewer, null);
          const byId = new Map(every.findings.map((f) => [f.organization.id, f]));
          for (const topics of filters) {
            const filtered = await exposureOf(viewer, topics);
            if (topics.length === 0) {
              expect(filtered).toEqual(every);
              continue;
            }
            expect(filtered.blindSpots).toEqual(every.blindSpots);
            const expected = every.findings.flatMap((f) => {
              const indicators = f.indicators.filter((i) => i.topics.some((topic) => topics.includes(topic)));
              if (indicators.length === 0) return [];
              const severity = highest(indicators.map((i) => i.severity));
              return [{ ...f, indicators, disclosedIndicators: [], severity }];
            });
            // In the filter's own order (tier, then severity): compare by organization.
            const key = (f: Finding) => f.organization.id;
            expect([...filtered.findings].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
              expected.sort((a, b) => key(a).localeCompare(key(b))),
            );
            for (const f of filtered.findings) expect(byId.has(f.organization.id)).toBe(true);
            expect(filtered.closestTier).toBe(filtered.findings[0]?.tier ?? null);
          }
        }
      }),
      { numRuns: propertyRuns(15) },
    );
  },
  propertyTimeout(300_000),
);
