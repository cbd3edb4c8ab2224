// Property: on random graphs with disclosures (own and about direct suppliers, withdrawn, with dated
// versions), disclosure shares (whole, partial, expired, revoked, granted later) next to sourcing
// shares, subjects inside and outside the viewer's reach, the API answers disclosure(id, asOf),
// Organization.disclosures, disclosuresReceived and the organizations a viewer may look up exactly as
// the reference model of rules 5 and 8 (test/support/reference-model.ts) does, now and at past instants.
// The generator is built to reach what the property is named for: links follow a spine o0 <- o1 <- …
// recorded early (plus random ones), and a "programme" has the organizations above one of them share
// their sourcing and their disclosures (whole or some) with it; a quarter of the disclosure shares are
// revoked and as many expired, a quarter of the disclosures withdrawn, most published early. The purely
// random one revoked three shares in four and withdrew two disclosures in three (`fc.option(x, { freq:
// k })` is null one time in k): a disclosure was visible to anybody but its owner in 6 % of runs, an
// older version asOf in 0.2 %. The last test checks, on a fixed sample and the reference model alone,
// that every named case decides some answers.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { DisclosureRecord, LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';
import { oneIn, sharingProgramme } from '../support/property-generators.ts';

const t = useApi();

// Instants years away from now, in order, so that "now" and each asOf are unambiguous.
const PAST = ['2001-01-01', '2010-01-01', '2015-06-01', '2020-03-01'];
const AS_OF = ['2005-01-01', '2012-01-01', '2018-01-01', '2024-01-01'];
const FUTURE = ['2999-01-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const KINDS = ['SELF_ASSESSMENT', 'AUDIT_REPORT', 'CERTIFICATE'] as const;

const graphArbitrary = fc
  .noBias(fc.integer({ min: 2, max: 6 }))
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    const link = fc
      .record({
        supplier: org,
        customer: org,
        validTo: oneIn(4, fc.constantFrom(...PAST, ...FUTURE)),
        recordedAt: maybe(fc.constantFrom('2001-01-01')),
      })
      .filter((l) => l.supplier !== l.customer);
    // A spine o(n-1) -> … -> o1 -> o0, undated and recorded early, so that asOf has chains to show.
    const spine = ids
      .slice(1)
      .map((supplier, i) => ({ supplier, customer: ids[i]!, validTo: null, recordedAt: '2001-01-01' }));
    // `ended` of every 20 shares expired, and as many revoked (the original's fc.option(…, { freq: 4 })
    // revoked three in four: freq is the odds of null). Most are created at the first instant.
    const share = (
      parties: fc.Arbitrary<{ owner: string; recipient: string }>,
      disclosures: fc.Arbitrary<boolean>,
      ended: number,
    ) =>
      fc
        .record({
          parties,
          disclosures,
          whole: fc.boolean(),
          pick: fc.array(fc.nat(), { maxLength: 3 }),
          expiresAt: fc
            .tuple(
              fc.noBias(fc.integer({ min: 1, max: 20 })),
              fc.constantFrom(...PAST.slice(1)),
              fc.constantFrom(null, ...FUTURE),
            )
            .map(([d, past, other]) => (d <= ended ? past : other)),
          revokedAt: fc
            .tuple(fc.noBias(fc.integer({ min: 1, max: 20 })), fc.constantFrom(...PAST.slice(1)))
            .map(([d, past]) => (d <= ended ? past : null)),
          createdAt: fc.constantFrom(PAST[0]!, PAST[0]!, PAST[0]!, null, ...PAST),
        })
        .map(({ parties, ...rest }) => ({ ...parties, ...rest }));
    const programme = sharingProgramme(ids, share);
    const disclosure = fc.record({
      owner: org,
      /** An index into the owner's possible subjects: itself, then the suppliers of its links. */
      subject: fc.nat(),
      kind: fc.constantFrom(...KINDS),
      // Mostly at the first instant, so that every asOf sees it; one in five undated (recorded by the
      // import, i.e. now).
      published: fc.constantFrom(0, 0, 0, 1, 2, 3),
      undated: fc.noBias(fc.integer({ min: 1, max: 5 })).map((k) => k === 1),
      /** Later versions, as offsets after publication into PAST. */
      versions: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      withdrawn: oneIn(4, fc.constantFrom(...PAST.slice(1))),
    });
    return fc.record({
      ids: fc.constant(ids),
      links: fc.array(link, { maxLength: 4 }).map((extra) => [...spine, ...extra]),
      shares: fc
        .tuple(
          programme,
          fc.array(share(fc.record({ owner: org, recipient: org }), fc.boolean(), 6), { maxLength: 4 }),
        )
        .map(([a, b]) => [...a, ...b]),
      disclosures: fc
        .array(disclosure, { minLength: 1, maxLength: 8 })
        .map((list) =>
          list.map(({ published, undated, ...d }) => ({ ...d, published: undated ? null : published })),
        ),
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

/** How many drawn cases the coverage check judges. */
const SAMPLE = 200;

/** Every viewer's expected disclosures (their versions, or null) at `view`, as text, one per viewer. */
const answers = (file: TiersightFile, view: ReferenceView) => {
  const model = new ReferenceModel(file);
  return file.organizations.map((o) =>
    JSON.stringify((file.disclosures ?? []).map((d) => model.disclosureVersion(o.id, d, view))),
  );
};

/** The cases of one drawn file that decide some answers at `view`, by the reference model alone. */
function casesOf(file: TiersightFile, view: ReferenceView): Set<string> {
  const hit = new Set<string>();
  const at = view.historical ? 'asOf' : 'now';
  const ids = file.organizations.map((o) => o.id);
  const disclosures = file.disclosures ?? [];
  const base = answers(file, view);
  const changes = (other: TiersightFile) => answers(other, view).some((a, i) => a !== base[i]);
  const withShare = (i: number, change: Partial<ShareRecord> | null): TiersightFile => ({
    ...file,
    shares:
      change === null
        ? file.shares.filter((_, k) => k !== i)
        : file.shares.map((s, k) => (k === i ? { ...s, ...change } : s)),
  });
  const model = new ReferenceModel(file);
  file.shares.forEach((s, i) => {
    if (s.scope !== 'DISCLOSURES') {
      if (changes(withShare(i, null))) hit.add(`${at}: a sourcing share brings a subject into reach`);
      return;
    }
    const partial = s.disclosureIds !== null && s.disclosureIds !== undefined;
    if (model.shareActive(s, view) && changes(withShare(i, null)))
      hit.add(`${at}: a ${partial ? 'partial' : 'whole'} share grants`);
    if (partial && changes(withShare(i, { disclosureIds: null }))) hit.add(`${at}: a partial share excludes`);
    if (s.expiresAt && changes(withShare(i, { expiresAt: null }))) hit.add(`${at}: an expired share hides`);
    if (s.revokedAt && !view.historical && changes(withShare(i, { revokedAt: null })))
      hit.add('now: a revoked share hides');
    if (s.revokedAt && view.historical && changes(withShare(i, null)))
      hit.add('asOf: a share grants before its revoke');
    if (s.createdAt && view.historical && changes(withShare(i, { createdAt: null })))
      hit.add('asOf: a share created later hides');
  });
  for (const viewer of ids) {
    for (const d of disclosures) {
      if (d.owner === viewer) continue;
      const version = model.disclosureVersion(viewer, d, view);
      if (version !== null && d.withdrawnAt)
        hit.add(`${at}: a withdrawn disclosure, seen before its withdrawal`);
      if (version !== null && version < model.versionTimes(d).length) hit.add(`${at}: an older version seen`);
      if (version !== null && d.subject !== d.owner) hit.add(`${at}: a disclosure about a supplier seen`);
      const granted = file.shares.some(
        (s) =>
          s.scope === 'DISCLOSURES' &&
          s.owner === d.owner &&
          s.recipient === viewer &&
          model.shareActive(s, view) &&
          (s.disclosureIds === null || s.disclosureIds === undefined || s.disclosureIds.includes(d.id)),
      );
      const hidden = {
        ...file,
        organizations: file.organizations,
        disclosures: [{ ...d, subject: d.owner }],
      };
      if (
        version === null &&
        granted &&
        !model.visible(viewer, d.subject, view) &&
        new ReferenceModel(hidden).disclosureVersion(viewer, hidden.disclosures[0]!, view) !== null
      )
        hit.add(`${at}: granted, but its subject out of reach`);
    }
  }
  return hit;
}

it('the generator reaches every case the properties are named for', () => {
  // A fixed sample, judged by the reference model alone: the API run above draws new graphs each time.
  const counts = new Map<string, number>();
  for (const { file, asOf } of fc.sample(graphArbitrary, { numRuns: SAMPLE, seed: 20_260_103 })) {
    for (const view of [
      { t: new Date(), historical: false },
      { t: new Date(asOf), historical: true },
    ])
      for (const h of casesOf(file, view)) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const cases = [
    'now: a whole share grants',
    'now: a partial share grants',
    'now: a partial share excludes',
    'now: an expired share hides',
    'now: a revoked share hides',
    'now: a sourcing share brings a subject into reach',
    'now: a disclosure about a supplier seen',
    'now: granted, but its subject out of reach',
    'asOf: a whole share grants',
    'asOf: a partial share grants',
    'asOf: a partial share excludes',
    'asOf: an expired share hides',
    'asOf: a share grants before its revoke',
    'asOf: a share created later hides',
    'asOf: a withdrawn disclosure, seen before its withdrawal',
    'asOf: an older version seen',
    'asOf: granted, but its subject out of reach',
  ];
  const missing = cases.filter((c) => (counts.get(c) ?? 0) < SAMPLE * 0.03);
  expect(missing, JSON.stringify(Object.fromEntries(counts))).toEqual([]);
});
