// Property: on random graphs with disclosures (own and about direct suppliers, withdrawn, with dated
// versions), disclosure shares (whole, partial, expired, revoked, granted later) next to sourcing
// shares, subjects inside and outside the viewer's reach, the API answers disclosure(id, asOf),
// Organization.disclosures, disclosuresReceived and the organizations a viewer may look up exactly as
// the reference model of rules 5 and 8 (test/support/reference-model.ts) does, now and at past instants.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { DisclosureRecord, LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';

const t = useApi();

// Instants years away from now, in order, so that "now" and each asOf are unambiguous.
const PAST = ['2001-01-01', '2010-01-01', '2015-06-01', '2020-03-01'];
const AS_OF = ['2005-01-01', '2012-01-01', '2018-01-01', '2024-01-01'];
const FUTURE = ['2999-01-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const KINDS = ['SELF_ASSESSMENT', 'AUDIT_REPORT', 'CERTIFICATE'] as const;

const graphArbitrary = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    const link = fc
      .record({
        supplier: org,
        customer: org,
        validTo: fc.option(fc.constantFrom(...PAST, ...FUTURE), { nil: null, freq: 4 }),
        recordedAt: maybe(fc.constantFrom('2001-01-01')),
      })
      .filter((l) => l.supplier !== l.customer);
    const share = fc.record({
      owner: org,
      recipient: org,
      disclosures: fc.boolean(),
      whole: fc.boolean(),
      pick: fc.array(fc.nat(), { maxLength: 3 }),
      expiresAt: fc.option(fc.constantFrom(...PAST, ...FUTURE), { nil: null, freq: 3 }),
      revokedAt: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 4 }),
      createdAt: maybe(fc.constantFrom(...PAST)),
    });
    const disclosure = fc.record({
      owner: org,
      /** An index into the owner's possible subjects: itself, then the suppliers of its links. */
      subject: fc.nat(),
      kind: fc.constantFrom(...KINDS),
      published: fc.option(fc.integer({ min: 0, max: PAST.length - 1 }), { nil: null, freq: 4 }),
      /** Later versions, as offsets after publication into PAST. */
      versions: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      withdrawn: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 3 }),
    });
    return fc.record({
      ids: fc.constant(ids),
      links: fc.array(link, { maxLength: 10 }),
      shares: fc.array(share, { maxLength: 10 }),
      disclosures: fc.array(disclosure, { minLength: 1, maxLength: 8 }),
      asOf: fc.constantFrom(...AS_OF),
    });
  })
  .map(({ ids, links, shares, disclosures, asOf }): { file: TiersightFile; asOf: string } => {
    const linkRecords: LinkRecord[] = links.map((l, i) => ({ id: `l${i}`, products: [], ...l }));
    const disclosureRecords: DisclosureRecord[] = disclosures.map((d, i) => {
      const subjects = [d.owner, ...linkRecords.filter((l) => l.customer === d.owner).map((l) => l.supplier)];
      const published = d.published === null ? null : PAST[d.published]!;
      // Dated versions (history) only when the publication is dated: every version after it.
      const later = [
        ...new Set(
          d.published === null
            ? []
            : d.versions.map((offset) => d.published! + offset).filter((k) => k < PAST.length),
        ),
      ].sort();
      const times = published === null ? [] : [published, ...later.map((k) => PAST[k]!)];
      const content = (version: number) => ({
        title: `Version ${version}`,
        summary: null,
        issuer: null,
        standard: null,
        products: [],
        issuedAt: '2000-01-01',
        validUntil: null,
        documentUrl: null,
        documentSha256: null,
        actions: [],
        actorUserId: null,
      });
      const withdrawn =
        d.withdrawn !== null && (published === null || d.withdrawn >= published) ? d.withdrawn : null;
      return {
        id: `d${i}`,
        owner: d.owner,
        subject: subjects[d.subject % subjects.length]!,
        kind: d.kind,
        publishedAt: published,
        withdrawnAt: withdrawn,
        ...content(times.length || 1),
        recordedAt: times.at(-1) ?? null,
        ...(times.length > 1
          ? { history: times.slice(0, -1).map((time, k) => ({ ...content(k + 1), recordedAt: time })) }
          : {}),
      };
    });
    const shareRecords: ShareRecord[] = shares
      .filter((s) => s.owner !== s.recipient)
      .map((s, i) => {
        const own = s.disclosures
          ? disclosureRecords.filter((d) => d.owner === s.owner).map((d) => d.id)
          : linkRecords.filter((l) => l.customer === s.owner).map((l) => l.id);
        const picked = [
          ...new Set(s.pick.map((p) => own[p % Math.max(own.length, 1)]).filter((x): x is string => !!x)),
        ];
        const narrowed = s.whole || picked.length === 0 ? null : picked;
        return {
          id: `s${i}`,
          owner: s.owner,
          recipient: s.recipient,
          scope: s.disclosures ? 'DISCLOSURES' : 'SOURCING',
          linkIds: s.disclosures ? null : narrowed,
          disclosureIds: s.disclosures ? narrowed : null,
          expiresAt: s.expiresAt,
          revokedAt: s.revokedAt,
          createdAt: s.createdAt,
        };
      });
    return {
      asOf,
      file: {
        format: 'tiersight/v1',
        organizations: ids.map((id) => ({ id, name: id, type: 'MANUFACTURER', country: 'SE' })),
        links: linkRecords,
        shares: shareRecords,
        risks: [],
        disclosures: disclosureRecords,
      },
    };
  });

type Shown = { id: string; version: number } | null;

it(
  'disclosure visibility (rule 8) matches the reference model, now and asOf',
  { timeout: propertyTimeout(900_000) },
  async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, async ({ file, asOf }) => {
        await loadGraph(t.db, file);
        const model = new ReferenceModel(file);
        const now: ReferenceView = { t: new Date(), historical: false };
        const then: ReferenceView = { t: new Date(asOf), historical: true };
        const ids = file.organizations.map((o) => o.id);
        const disclosures = file.disclosures ?? [];
        const expected = (viewer: string, view: ReferenceView) =>
          disclosures.map((d) => {
            const version = model.disclosureVersion(viewer, d, view);
            return version === null ? null : { id: d.id, version };
          });
        const about = (viewer: string, view: ReferenceView, organization: string) =>
          disclosures
            .filter((d) => d.subject === organization && model.disclosureVersion(viewer, d, view) !== null)
            .map((d) => d.id)
            .sort();
        for (const viewer of ids) {
          const fields = [
            ...disclosures.map((d, i) => `n${i}: disclosure(id: "${d.id}") { id version }`),
            ...disclosures.map((d, i) => `h${i}: disclosure(id: "${d.id}", asOf: "${asOf}") { id version }`),
            ...ids.map(
              (id, i) =>
                `o${i}: organization(id: "${id}") { id disclosures { id } h: disclosures(asOf: "${asOf}") { id } }`,
            ),
            'received: disclosuresReceived { id }',
          ];
          // A chain reads the disclosures at its own instant in its own statement, the others apart;
          // a query of its own, as a query may have at most 30 aliases. No chain has more tiers than the
          // graph has organizations, and a deeper statement would only cost Neo4j a bigger plan.
          const depth = ids.length;
          const chains = `{ chain: supplyChain(maxDepth: ${depth}) { tiers { organizations { id disclosures { id }
               h: disclosures(asOf: "${asOf}") { id } } } }
             chainThen: supplyChain(maxDepth: ${depth}, asOf: "${asOf}") { tiers { organizations { id
               h: disclosures(asOf: "${asOf}") { id } } } } }`;
          const [response, chainResponse] = await Promise.all([
            t.api.query(viewer, `{ ${fields.join('\n')} }`),
            t.api.query(viewer, chains),
          ]);
          expect([response.errors, chainResponse.errors]).toEqual([undefined, undefined]);
          const data = { ...response.data!, ...chainResponse.data! };
          expect(disclosures.map((_, i) => data[`n${i}`] as Shown)).toEqual(expected(viewer, now));
          expect(disclosures.map((_, i) => data[`h${i}`] as Shown)).toEqual(expected(viewer, then));
          ids.forEach((id, i) => {
            const organization = data[`o${i}`] as {
              disclosures: { id: string }[];
              h: { id: string }[];
            } | null;
            expect(organization !== null).toBe(model.visible(viewer, id, now));
            if (organization === null) return;
            expect(organization.disclosures.map((d) => d.id).sort()).toEqual(about(viewer, now, id));
            expect(organization.h.map((d) => d.id).sort()).toEqual(about(viewer, then, id));
          });
          type ChainShown = { tiers: { organizations: ChainOrganization[] }[] };
          type ChainOrganization = { id: string; disclosures?: { id: string }[]; h: { id: string }[] };
          const members = (chain: unknown) => (chain as ChainShown).tiers.flatMap((t) => t.organizations);
          for (const member of members(data['chain'])) {
            expect(member.disclosures!.map((d) => d.id).sort()).toEqual(about(viewer, now, member.id));
            expect(member.h.map((d) => d.id).sort()).toEqual(about(viewer, then, member.id));
          }
          for (const member of members(data['chainThen']))
            expect(member.h.map((d) => d.id).sort()).toEqual(about(viewer, then, member.id));
          const received = (data['received'] as { id: string }[]).map((d) => d.id).sort();
          expect(received).toEqual(
            disclosures
              .filter((d) => d.owner !== viewer && model.disclosureVersion(viewer, d, now) !== null)
              .map((d) => d.id)
              .sort(),
          );
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  },
);
