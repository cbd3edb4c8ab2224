// Property: on random graphs with sourcing and disclosure shares (whole, partial, expired, revoked),
// disclosures of every kind with actions of every severity and status, due dates and validities on
// both sides of now, withdrawn ones, and subjects in and out of reach, exposure's disclosed indicators
// are exactly those the reference model derives: rules 3 and 8 (test/support/reference-model.ts) and
// the design's rules for OPEN_ACTION, OVERDUE_ACTION and EXPIRED_EVIDENCE, written out here again.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type {
  DisclosureActionRecord,
  DisclosureRecord,
  LinkRecord,
  ShareRecord,
  TiersightFile,
} from '../../src/domain/format.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';

const t = useApi();
const PAST = ['2001-01-01', '2020-03-01'];
const FUTURE = ['2990-01-01', '2999-01-01'];
const KINDS = ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT', 'CERTIFICATE', 'SELF_ASSESSMENT'] as const;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const DEPTH = 4;

const scenario = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    return fc.record({
      ids: fc.constant(ids),
      links: fc.array(
        fc
          .record({
            supplier: org,
            customer: org,
            validTo: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 5 }),
          })
          .filter((l) => l.supplier !== l.customer),
        { minLength: 2, maxLength: 12 },
      ),
      shares: fc.array(
        fc.record({
          owner: org,
          recipient: org,
          disclosures: fc.constantFrom(true, true, false),
          pick: fc.option(fc.nat(), { nil: null }),
          expiresAt: fc.option(fc.constantFrom(...PAST, ...FUTURE), { nil: null, freq: 6 }),
          revokedAt: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 8 }),
        }),
        { minLength: 2, maxLength: 12 },
      ),
      disclosures: fc.array(
        fc.record({
          owner: org,
          subject: fc.integer({ min: 1, max: 12 }),
          kind: fc.constantFrom(...KINDS),
          validUntil: fc.option(fc.constantFrom(...PAST.slice(1), ...FUTURE), { nil: null }),
          withdrawn: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
          actions: fc.array(
            fc.record({
              severity: fc.constantFrom(...SEVERITIES, 'HIGH', 'CRITICAL'),
              status: fc.constantFrom('OPEN', 'IN_PROGRESS', 'OPEN', 'CLOSED'),
              dueAt: fc.constantFrom(...PAST, ...FUTURE),
            }),
            { maxLength: 3 },
          ),
        }),
        { minLength: 2, maxLength: 10 },
      ),
    });
  })
  .map(({ ids, links, shares, disclosures }): TiersightFile => {
    const linkRecords: LinkRecord[] = links.map((l, i) => ({ id: `l${i}`, products: [], ...l }));
    const disclosureRecords: DisclosureRecord[] = disclosures.map((d, i) => {
      const subjects = [d.owner, ...linkRecords.filter((l) => l.customer === d.owner).map((l) => l.supplier)];
      const withActions = d.kind === 'CORRECTIVE_ACTION_PLAN' || d.kind === 'AUDIT_REPORT';
      const actions: DisclosureActionRecord[] = withActions
        ? d.actions.map((a, k) => ({
            id: `a${k}`,
            finding: `finding ${k}`,
            severity: a.severity,
            action: 'act',
            dueAt: a.dueAt,
            status: a.status,
            verification: null,
            closedAt: a.status === 'CLOSED' ? '2020-03-01' : null,
          }))
        : [];
      return {
        id: `d${i}`,
        owner: d.owner,
        subject: subjects[d.subject % subjects.length]!,
        kind: d.kind,
        publishedAt: '2020-01-01',
        withdrawnAt: d.withdrawn ? '2020-02-01' : null,
        title: `Disclosure ${i}`,
        summary: null,
        issuer: null,
        standard: null,
        products: [],
        issuedAt: '2000-01-01',
        validUntil: d.validUntil,
        documentUrl: null,
        documentSha256: null,
        actions,
        recordedAt: null,
        actorUserId: null,
      };
    });
    const shareRecords: ShareRecord[] = shares
      .filter((s) => s.owner !== s.recipient)
      .map((s, i) => {
        const own = s.disclosures
          ? disclosureRecords.filter((d) => d.owner === s.owner).map((d) => d.id)
          : linkRecords.filter((l) => l.customer === s.owner).map((l) => l.id);
        const picked = s.pick === null || own.length === 0 ? null : [own[s.pick % own.length]!];
        return {
          id: `s${i}`,
          owner: s.owner,
          recipient: s.recipient,
          scope: s.disclosures ? 'DISCLOSURES' : 'SOURCING',
          linkIds: s.disclosures ? null : picked,
          disclosureIds: s.disclosures ? picked : null,
          expiresAt: s.expiresAt,
          revokedAt: s.revokedAt,
        };
      });
    return {
      format: 'tiersight/v1',
      organizations: ids.map((id) => ({ id, name: id, type: 'MANUFACTURER', country: 'SE' })),
      links: linkRecords,
      shares: shareRecords,
      risks: [],
      disclosures: disclosureRecords,
    };
  });

/** The design's rules, over the disclosures the model lets the viewer see about one organization. */
function expectedIndicators(visible: DisclosureRecord[], now: Date): string[] {
  const indicators: string[] = [];
  for (const d of visible) {
    if (d.kind !== 'CORRECTIVE_ACTION_PLAN' && d.kind !== 'AUDIT_REPORT') continue;
    for (const a of d.actions ?? []) {
      if ((a.severity !== 'HIGH' && a.severity !== 'CRITICAL') || a.status === 'CLOSED') continue;
      indicators.push(
        `${new Date(a.dueAt) < now ? 'OVERDUE_ACTION' : 'OPEN_ACTION'} ${a.severity} ${d.id} ${a.id}`,
      );
    }
  }
  const evidence = visible.filter((d) => d.kind === 'CERTIFICATE' || d.kind === 'AUDIT_REPORT');
  const expired = (d: DisclosureRecord) => d.validUntil !== null && new Date(d.validUntil) < now;
  if (evidence.some((d) => d.validUntil !== null) && evidence.every(expired)) {
    indicators.push('EXPIRED_EVIDENCE MEDIUM');
  }
  return indicators.sort();
}

const EXPOSURE = `query($d: Int) { exposure(maxDepth: $d) { findings { organization { id } tier severity
  disclosedIndicators { kind severity disclosure { id } action { id } } } } }`;
type Answer = {
  findings: {
    organization: { id: string };
    tier: number;
    disclosedIndicators: {
      kind: string;
      severity: string;
      disclosure: { id: string };
      action: { id: string } | null;
    }[];
  }[];
};

it(
  'exposure disclosed indicators match the reference model',
  { timeout: propertyTimeout(900_000) },
  async () => {
    // How many indicators of each kind the runs produced: the generator must keep reaching every rule.
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(scenario, async (file) => {
        await loadGraph(t.db, file);
        const model = new ReferenceModel(file);
        const view: ReferenceView = { t: new Date(), historical: false };
        for (const viewer of file.organizations.map((o) => o.id)) {
          const response = await t.api.query(viewer, EXPOSURE, { d: DEPTH });
          expect(response.errors).toBeUndefined();
          const answer = response.data!['exposure'] as Answer;
          const actual = Object.fromEntries(
            answer.findings.map((f) => [
              f.organization.id,
              f.disclosedIndicators
                .map((i) =>
                  i.kind === 'EXPIRED_EVIDENCE'
                    ? `${i.kind} ${i.severity}`
                    : `${i.kind} ${i.severity} ${i.disclosure.id} ${i.action!.id}`,
                )
                .sort(),
            ]),
          );
          const tiers = model.tiers(viewer, viewer, view, DEPTH);
          const expected = Object.fromEntries(
            [...tiers]
              .filter(([id, tier]) => tier >= 1 && id !== viewer)
              .map(([id]) => {
                const visible = (file.disclosures ?? []).filter(
                  (d) => d.subject === id && model.disclosureVersion(viewer, d, view) !== null,
                );
                return [id, expectedIndicators(visible, view.t)] as const;
              })
              .filter(([, indicators]) => indicators.length > 0),
          );
          expect(actual, `exposure of ${viewer}`).toEqual(expected);
          for (const indicator of Object.values(actual).flat()) {
            const kind = indicator.split(' ')[0]!;
            seen.set(kind, (seen.get(kind) ?? 0) + 1);
          }
        }
      }),
      { numRuns: propertyRuns(150) },
    );
    // About 50 in all per 150 runs; far fewer would mean the generator stopped exercising the rules.
    for (const kind of ['OPEN_ACTION', 'OVERDUE_ACTION', 'EXPIRED_EVIDENCE']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(25);
  },
);
