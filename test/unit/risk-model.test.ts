// The risk model (src/domain/risk-*.ts) without a database: each component from its inputs, the
// ranking, the actions, the summary, determinism, and the configuration (weights, tables, RISK_MODEL).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { redactedContent, type StoredAction, type StoredVersion } from '../../src/domain/disclosures.ts';
import type { DisclosureKind, OrganizationType } from '../../src/domain/format.ts';
import type { RiskIndicator } from '../../src/domain/model.ts';
import { assessRisk } from '../../src/domain/risk-assessment.ts';
import { disclosedIndicators } from '../../src/domain/disclosed-indicators.ts';
import {
  ageOf,
  type Assessable,
  type RiskEvidence,
  type RiskModel,
  type RiskSubject,
} from '../../src/domain/risk-model.ts';
import { defaultRiskModel, loadRiskModel } from '../../src/modules/risk/risk-model-file.ts';
import { riskToCsv, shownRanks } from '../../web/src/risk.ts';

const AT = new Date('2026-12-02T00:00:00Z');
const MODEL = defaultRiskModel();

const org = (id: string, country = 'CN', type: OrganizationType = 'FACTORY'): Assessable => ({
  id,
  name: id,
  type,
  country,
});

function subject(
  organization: Assessable,
  more: Partial<Omit<RiskSubject<Assessable>, 'organization'>> = {},
): RiskSubject<Assessable> {
  return {
    organization,
    tier: 1,
    products: [],
    customers: [],
    indicators: [],
    evidence: [],
    sourcingShare: 'ALL',
    isViewer: false,
    blindSpot: false,
    openRequest: null,
    ...more,
  };
}

const indicator = (id: string, more: Partial<RiskIndicator> = {}): RiskIndicator => ({
  id,
  kind: 'REPORT',
  source: `source of ${id}`,
  severity: 'HIGH',
  topics: [],
  description: null,
  evidenceUrl: null,
  observedAt: '2025-12-02T00:00:00.000Z',
  recordedAt: '2025-12-02T00:00:00.000Z',
  delistedAt: null,
  recordedBy: null,
  redactedAt: null,
  ...more,
});

const action = (id: string, more: Partial<StoredAction> = {}): StoredAction => ({
  id,
  finding: `finding ${id}`,
  severity: 'HIGH',
  action: 'fix it',
  dueAt: '2026-06-30T00:00:00.000Z',
  status: 'OPEN',
  verification: null,
  closedAt: null,
  ...more,
});

function evidence(
  disclosureId: string,
  kind: DisclosureKind,
  more: Partial<StoredVersion> = {},
  ownerId = 'brand',
): RiskEvidence {
  return {
    organizationId: 'x',
    disclosureId,
    kind,
    ownerId,
    ownerName: ownerId,
    version: {
      version: 1,
      recordedAt: '2025-01-01T00:00:00.000Z',
      actorUserId: 'u',
      title: `title ${disclosureId}`,
      summary: null,
      issuer: null,
      standard: null,
      products: [],
      issuedAt: '2025-01-01T00:00:00.000Z',
      validUntil: null,
      documentUrl: null,
      documentSha256: null,
      redactedAt: null,
      redactedBy: null,
      actions: [],
      ...more,
    },
  };
}

const assess = (subjects: RiskSubject<Assessable>[], model: RiskModel = MODEL) =>
  assessRisk(model, subjects, AT, null);
const component = (subjects: RiskSubject<Assessable>[], name: string, model: RiskModel = MODEL) =>
  assess(subjects, model).organizations[0]!.components.find((c) => c.name === name)!;

/** The model an operator's RISK_MODEL file gives, and the problems it reports. */
function loaded(content: unknown): { model: RiskModel; problems: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'risk-model-'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(content));
  const problems: string[] = [];
  return { model: loadRiskModel(join(dir, 'model.json'), problems), problems };
}

/** The model with an operator's RISK_MODEL file, which must load without problems. */
function withFile(content: unknown): RiskModel {
  const { model, problems } = loaded(content);
  expect(problems).toEqual([]);
  return model;
}

describe('the default tables', () => {
  it('load without problems, every value with a source and date or marked an assumption', () => {
    const problems: string[] = [];
    const { tables } = loadRiskModel(null, problems);
    expect(problems).toEqual([]);
    const all = [
      ...Object.values(tables.countries),
      tables.defaultCountry,
      ...tables.categories,
      tables.defaultCategory,
      ...Object.values(tables.activities),
    ];
    for (const entry of all) {
      expect(entry.assumption || (entry.source !== null && entry.date !== null)).toBe(true);
      expect(entry.value).toBeGreaterThanOrEqual(0);
      expect(entry.value).toBeLessThanOrEqual(1);
    }
  });
});

describe('components', () => {
  it('inherent: country and the riskiest product category, scaled by activity', () => {
    const factory = component([subject(org('f', 'CN'), { products: ['computer components'] })], 'INHERENT');
    // 0.5 × CN 0.9 + 0.5 × electronics 0.7 × FACTORY 1.0
    expect(factory.value).toBe(0.8);
    expect(factory.inputs.map((i) => i.label)).toEqual([
      'Country CN',
      'Product category: electronics',
      'Activity: FACTORY',
      'Country share of the inherent risk',
    ]);
    expect(factory.inputs[0]!.source).toMatch(/ITUC Global Rights Index 2024/);
    const mixed = component(
      [subject(org('m', 'CN'), { products: ['laptop computers', 'cotton t-shirts'] })],
      'INHERENT',
    );
    expect(mixed.inputs[1]!.label).toBe('Product category: garments and textiles');
    const reseller = component([subject(org('r', 'ZZ', 'RESELLER'), { products: ['tea'] })], 'INHERENT');
    // An unlisted country and an unclassified product: both medium, and both said to be assumptions.
    expect(reseller.value).toBe(0.5 * 0.5 + 0.5 * 0.5 * 0.3);
    expect(reseller.inputs[0]!.source).toMatch(/^assumption/);
    expect(reseller.inputs[1]!.source).toMatch(/^assumption/);
  });

  it('public indicators: severity × kind × age, halving every 5 years down to the floor, combined', () => {
    const fresh = component(
      [subject(org('a'), { indicators: [indicator('r1', { observedAt: AT.toISOString() })] })],
      'PUBLIC_INDICATORS',
    );
    expect(fresh.value).toBe(0.63);
    const fiveYears = component(
      [subject(org('a'), { indicators: [indicator('r1', { observedAt: '2021-12-02T00:00:00Z' })] })],
      'PUBLIC_INDICATORS',
    );
    expect(fiveYears.value).toBeCloseTo(0.63 * 0.5, 2);
    const old = component(
      [subject(org('a'), { indicators: [indicator('r1', { observedAt: '2001-01-01T00:00:00Z' })] })],
      'PUBLIC_INDICATORS',
    );
    expect(old.value).toBe(0.315);
    const two = component(
      [
        subject(org('a'), {
          indicators: [
            indicator('r1', { observedAt: AT.toISOString() }),
            indicator('r2', { observedAt: AT.toISOString(), kind: 'WATCHLIST', severity: 'CRITICAL' }),
          ],
        }),
      ],
      'PUBLIC_INDICATORS',
    );
    expect(two.value).toBe(1);
    expect(two.inputs.map((i) => i.source)).toEqual([
      'source of r1',
      'source of r2',
      'assumption: independent signals, the chance that at least one is real (Tiersight risk model, docs/risk-model.md)',
    ]);
    // Not a sum: the last input says how the two made the value.
    expect(two.inputs[2]).toMatchObject({ label: 'How they combine', value: '1 - (1 - 0.63)(1 - 1) = 1' });
  });

  it('public indicators: an entry its list has dropped no longer counts from the day it was delisted', () => {
    const delisted = (delistedAt: string) =>
      component(
        [
          subject(org('a'), {
            indicators: [indicator('r1', { observedAt: AT.toISOString(), kind: 'WATCHLIST', delistedAt })],
          }),
        ],
        'PUBLIC_INDICATORS',
      );
    expect(delisted('2026-11-01T00:00:00Z').value).toBe(0);
    expect(delisted('2027-01-01T00:00:00Z').value).toBeGreaterThan(0);
  });

  it('disclosed evidence: an action whose due date an earlier version gave otherwise says from when it moved', () => {
    const plan = {
      ...evidence('d-plan', 'CORRECTIVE_ACTION_PLAN', {
        version: 3,
        actions: [
          action('a1', { dueAt: '2027-03-31T00:00:00.000Z' }),
          action('a2', { dueAt: '2028-01-01T00:00:00.000Z' }),
        ],
      }),
      earlierDueDates: [
        { version: 2, actionId: 'a1', dueAt: '2026-09-30T00:00:00.000Z' },
        { version: 1, actionId: 'a1', dueAt: '2026-06-30T00:00:00.000Z' },
        { version: 1, actionId: 'a2', dueAt: '2028-01-01T00:00:00.000Z' },
      ],
    };
    const labels = component([subject(org('a'), { evidence: [plan] })], 'DISCLOSED_EVIDENCE').inputs.map(
      (i) => i.label,
    );
    expect(labels).toContain('Open action a1 (HIGH): finding a1, due 2027-03-31 (moved from 2026-06-30)');
    // Due when it was first given: nothing moved.
    expect(labels).toContain('Open action a2 (HIGH): finding a2, due 2028-01-01');
  });

  it('disclosed evidence: a version its owner redacted counts as before, its texts said to be erased', () => {
    const erased = redactedContent(
      evidence('d-audit', 'AUDIT_REPORT', {
        validUntil: '2027-01-01T00:00:00Z',
        actions: [action('a1', { severity: 'CRITICAL' })],
      }).version,
    );
    const audit = evidence('d-audit', 'AUDIT_REPORT', { ...erased, redactedAt: '2026-01-01T00:00:00Z' });
    const labels = component([subject(org('a'), { evidence: [audit] })], 'DISCLOSED_EVIDENCE').inputs.map(
      (i) => i.label,
    );
    expect(labels.slice(0, 2)).toEqual([
      expect.stringMatching(/^Overdue action a1 \(CRITICAL\): \(text redacted\), due /),
      'Valid audit: (text redacted), valid until 2027-01-01',
    ]);
  });

  it('a redacted version: a closed action, an indicator and a suggested step say its finding was erased', () => {
    const erased = redactedContent(
      evidence('d-plan', 'CORRECTIVE_ACTION_PLAN', {
        actions: [
          action('a1', { severity: 'CRITICAL' }),
          action('a2', { status: 'CLOSED', closedAt: '2026-01-01T00:00:00.000Z', verification: 'DESKTOP' }),
        ],
      }).version,
    );
    const plan = evidence('d-plan', 'CORRECTIVE_ACTION_PLAN', {
      ...erased,
      redactedAt: '2026-02-01T00:00:00Z',
    });
    const subjects = [subject(org('a'), { evidence: [plan] })];
    const labels = component(subjects, 'DISCLOSED_EVIDENCE').inputs.map((i) => i.label);
    expect(labels).toContain('Closed action a2 (HIGH): (text redacted), verified by documents');
    expect(disclosedIndicators([plan], AT, null).map((i) => i.description)).toEqual(['(text redacted)']);
    expect(assess(subjects).actions.map((a) => a.text)).toEqual([
      'Ask brand to close action a1 at a (CRITICAL, corrective action plan d-plan (texts erased) by brand): (text redacted), overdue since 2026-06-30.',
    ]);
  });

  it('disclosed evidence: overdue and open severe actions and expired evidence raise, valid audits and closed actions lower', () => {
    const plan = evidence('d-plan', 'CORRECTIVE_ACTION_PLAN', {
      actions: [
        action('a1', { severity: 'CRITICAL' }),
        action('a2', { dueAt: '2028-01-01T00:00:00Z' }),
        action('a3', { severity: 'MEDIUM' }),
        action('a4', { status: 'CLOSED', closedAt: '2026-01-01T00:00:00Z', verification: 'FOLLOW_UP_AUDIT' }),
      ],
    });
    const raised = component([subject(org('a'), { evidence: [plan] })], 'DISCLOSED_EVIDENCE');
    // 1 - (1 - 1.0)(1 - 0.4) = 1, less 0.1 for the action closed by a follow-up audit.
    expect(raised.value).toBe(0.9);
    expect(raised.inputs.map((i) => i.value)).toEqual([
      '+1',
      '+0.4',
      '-0.1',
      '1 - (1 - 1)(1 - 0.4) = 1 raised, - 0.1 of good evidence = 0.9',
    ]);
    expect(raised.inputs[0]!.source).toBe('disclosure d-plan by brand');

    const audit = evidence('d-audit', 'AUDIT_REPORT', { validUntil: '2027-01-01T00:00:00Z' });
    const certificate = evidence('d-cert', 'CERTIFICATE', { validUntil: '2027-01-01T00:00:00Z' });
    const good = component([subject(org('a'), { evidence: [audit, certificate] })], 'DISCLOSED_EVIDENCE');
    expect(good.value).toBe(-0.5);
    expect(good.inputs.at(-1)!.label).toBe('Most good evidence can take off');

    const expired = evidence('d-old', 'CERTIFICATE', { validUntil: '2025-06-30T00:00:00Z' });
    const stale = component([subject(org('a'), { evidence: [expired] })], 'DISCLOSED_EVIDENCE');
    expect(stale.value).toBe(0.3);

    const none = component([subject(org('a'))], 'DISCLOSED_EVIDENCE');
    expect(none).toMatchObject({
      value: 0,
      inputs: [{ label: 'Visible disclosures about it', value: 'none' }],
    });
  });

  it('evidence gone stale scores no higher than no disclosure, whatever the weights', () => {
    // A supplier that shared its expired certificate must not rank above one that shared nothing, or
    // suppliers would learn to withhold stale evidence (docs/risk-model.md, DISCLOSED_EVIDENCE).
    const expired = evidence('d-old', 'CERTIFICATE', { validUntil: '2025-06-30T00:00:00Z' });
    const scoreOf = (s: RiskSubject<Assessable>, model: RiskModel) =>
      assess([s], model).organizations[0]!.score;
    const scores = (model: RiskModel) => ({
      shared: scoreOf(subject(org('shared'), { evidence: [expired] }), model),
      hidden: scoreOf(subject(org('hidden')), model),
    });
    const { shared, hidden } = scores(MODEL);
    expect(shared).toBe(hidden);
    for (const weights of [{ disclosedEvidence: 1 }, { visibility: 0 }, { disclosedEvidence: 0.5 }]) {
      const model = withFile({ weights });
      expect(scores(model).shared, JSON.stringify(weights)).toBeLessThanOrEqual(scores(model).hidden);
    }
    const held = component(
      [subject(org('a'), { evidence: [expired] })],
      'DISCLOSED_EVIDENCE',
      withFile({ weights: { disclosedEvidence: 1 } }),
    );
    expect(held.value).toBe(0.075);
    expect(held.inputs[0]!.value).toBe(
      '+0.08: held at what no visible disclosure adds (VISIBILITY), not 0.3',
    );
    // Where the weights keep it lower, the parameter stands.
    const lower = withFile({ weights: { disclosedEvidence: 0.1 } });
    expect(component([subject(org('a'), { evidence: [expired] })], 'DISCLOSED_EVIDENCE', lower).value).toBe(
      0.3,
    );
  });

  it('visibility: unshared sourcing and no visible evidence each add half; the viewer itself hides nothing', () => {
    expect(component([subject(org('a'), { sourcingShare: null })], 'VISIBILITY').value).toBe(1);
    expect(component([subject(org('a'))], 'VISIBILITY').value).toBe(0.5);
    expect(component([subject(org('a'), { sourcingShare: null, isViewer: true })], 'VISIBILITY').value).toBe(
      0.5,
    );
    const audited = subject(org('a'), { evidence: [evidence('d', 'SELF_ASSESSMENT')] });
    expect(component([audited], 'VISIBILITY').value).toBe(0);
  });

  it('visibility: a share of only some links reads "partly", not "yes"', () => {
    const inputOf = (share: RiskSubject<Assessable>['sourcingShare']) =>
      component([subject(org('a'), { sourcingShare: share })], 'VISIBILITY').inputs[0]!.value;
    expect(inputOf('ALL')).toBe('yes');
    expect(inputOf('SOME')).toBe(
      'partly: only the links it chose to share with you are visible, not any others it may have, +0.25',
    );
    // Any supplier it did not name stays unseen: between a share of all (0) and none (0.5).
    expect(component([subject(org('a'), { sourcingShare: 'SOME' })], 'VISIBILITY').value).toBe(0.75);
    expect(component([subject(org('a'), { sourcingShare: 'ALL' })], 'VISIBILITY').value).toBe(0.5);
    expect(inputOf(null)).toMatch(/^no: nothing behind it is visible/);
  });

  it('proximity: 0.75 per tier further away', () => {
    expect(component([subject(org('a'), { tier: 1 })], 'PROXIMITY').value).toBe(1);
    expect(component([subject(org('a'), { tier: 3 })], 'PROXIMITY').value).toBe(0.563);
  });

  it('good evidence takes off at most what the other components add: the contributions shown add up to the score of 0', () => {
    const monitor = subject(org('monitor', 'SE', 'MONITOR'), {
      tier: 10,
      evidence: [evidence('d-audit', 'AUDIT_REPORT'), evidence('d-cert', 'CERTIFICATE')],
    });
    const [scored] = assess([monitor]).organizations;
    const sum = scored!.components.reduce((points, c) => points + c.contribution, 0);
    expect(scored!.score).toBe(0);
    expect(Math.abs(sum)).toBeLessThanOrEqual(0.1);
    const disclosed = scored!.components.find((c) => c.name === 'DISCLOSED_EVIDENCE')!;
    // Contributions 1 (inherent) + 0.38 (proximity): -0.055 at weight 0.25 takes them off.
    expect(disclosed.value).toBe(-0.055);
    expect(disclosed.inputs.at(-1)).toEqual({
      label: 'Good evidence takes off at most what the other components add',
      value: '-0.06: the score stays at 0',
      source: 'assumption: Tiersight risk model, docs/risk-model.md',
    });
  });
});

/** A small chain like the demo's: a flagged, unaudited factory at tier 3 and a brand at tier 2 with overdue actions. */
const factory = subject(org('factory', 'CN'), {
  tier: 3,
  products: ['computer components'],
  indicators: [indicator('r-factory', { observedAt: '2013-11-05T00:00:00Z' })],
  sourcingShare: null,
  blindSpot: true,
});
const brand = subject(org('brand', 'US', 'BRAND'), {
  tier: 2,
  products: ['laptop computers'],
  evidence: [
    evidence('d-plan', 'CORRECTIVE_ACTION_PLAN', {
      actions: [action('cap-3'), action('cap-4', { severity: 'CRITICAL', dueAt: '2026-09-30T00:00:00Z' })],
    }),
  ],
});
const reseller = subject(org('reseller', 'SE', 'RESELLER'), { products: ['laptop computers'] });
const CHAIN = [reseller, brand, factory];
const ranked = (model: RiskModel = MODEL) => assess(CHAIN, model).organizations.map((o) => o.organization.id);

describe('ranking', () => {
  it('ranks highest score first, the same every time whatever the input order', () => {
    const first = assess(CHAIN);
    expect(first.organizations.map((o) => [o.organization.id, o.rank])).toEqual([
      ['factory', 1],
      ['brand', 2],
      ['reseller', 3],
    ]);
    const score = first.organizations[0]!;
    expect(score.score).toBe(
      Math.round(10 * score.components.reduce((sum, c) => sum + c.contribution, 0)) / 10,
    );
    expect(score.components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 6);
    expect(assess([...CHAIN].reverse())).toEqual(first);
  });

  it('orders equal scores by nearer tier, then name, then id, and the page and the CSV show them as one rank', () => {
    // Without proximity the tier moves no score, so equal inputs give equal scores at different tiers:
    // no other test draws a tie (the ranking tests of test/web write their ranks by hand).
    const model = withFile({ weights: { proximity: 0 } });
    const same = (id: string, name: string, tier: number) => subject({ ...org(id, 'SE'), name }, { tier });
    const high = subject(org('high', 'CN'), { tier: 2, indicators: [indicator('r-high')] });
    const low = subject(org('low', 'SE', 'RESELLER'), { tier: 1 });
    const chain = [
      low,
      same('t3', 'Alpha', 3),
      same('b', 'Beta', 1),
      same('a2', 'Alpha', 1),
      same('a1', 'Alpha', 1),
      high,
    ];
    const { organizations } = assess(chain, model);
    expect(organizations.map((o) => [o.organization.id, o.rank])).toEqual([
      ['high', 1],
      ['a1', 2],
      ['a2', 3],
      ['b', 4],
      ['t3', 5],
      ['low', 6],
    ]);
    const tied = organizations.slice(1, 5).map((o) => o.score);
    expect(new Set(tied).size).toBe(1);
    expect(organizations[0]!.score).toBeGreaterThan(tied[0]!);
    expect(organizations[5]!.score).toBeLessThan(tied[0]!);
    expect(assess([...chain].reverse(), model)).toEqual(assess(chain, model));
    // The page shows the run as "2=", and the CSV gives every one of it rank 2 (competition ranking), as
    // the API's sharedRank does.
    expect([...shownRanks(organizations).values()]).toEqual(['1.', '2=', '2=', '2=', '2=', '6.']);
    expect(organizations.map((o) => o.sharedRank)).toEqual([1, 2, 2, 2, 2, 6]);
    const assessment = {
      root: { id: 'root', name: 'Root' },
      at: AT.toISOString(),
      organizations,
      top: [],
      actions: [],
    };
    const csvRanks = riskToCsv(assessment)
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(csvRanks).toEqual(['1', '2', '2', '2', '2', '6']);
  });

  it('a weight in RISK_MODEL changes the ranking as docs/risk-model.md says', () => {
    expect(ranked(withFile({ weights: { disclosedEvidence: 1 } }))).toEqual(['brand', 'factory', 'reseller']);
  });

  it('a country value in RISK_MODEL changes the ranking as docs/risk-model.md says', () => {
    const model = withFile({
      countries: {
        CN: { value: 0.1, assumption: true, note: 'test' },
        US: { value: 1, assumption: true, note: 'test' },
      },
    });
    expect(ranked(model)).toEqual(['brand', 'factory', 'reseller']);
    expect(assess(CHAIN, model).organizations[1]!.components[0]!.inputs[0]!.source).toBe('assumption: test');
  });
});

describe('actions', () => {
  it('overdue severe actions first (critical before high), then flagged organizations without a valid audit, then blind spots', () => {
    const { actions } = assess(CHAIN);
    expect(actions.map((a) => [a.kind, a.organization.id])).toEqual([
      ['CLOSE_OVERDUE_ACTION', 'brand'],
      ['CLOSE_OVERDUE_ACTION', 'brand'],
      ['ASK_FOR_AUDIT', 'factory'],
      ['REQUEST_ACCESS', 'factory'],
    ]);
    expect(actions[0]!.text).toBe(
      'Ask brand to close action cap-4 (CRITICAL, corrective action plan “title d-plan” by brand): finding cap-4, overdue since 2026-09-30.',
    );
  });

  it("the viewer's own plan: it is told to close the action, not to ask itself", () => {
    const { actions } = assessRisk(MODEL, CHAIN, AT, null, 'brand');
    expect(actions[0]!.text).toBe(
      'Close action cap-4 (CRITICAL, your corrective action plan “title d-plan”): finding cap-4, overdue since 2026-09-30.',
    );
    expect(actions.map((a) => a.text).filter((text) => text.includes('Ask brand'))).toEqual([]);
  });

  it('a blind spot already asked: follow the request up', () => {
    const asked = subject(org('asked', 'NO', 'RESELLER'), {
      blindSpot: true,
      sourcingShare: null,
      openRequest: { dueAt: '2026-11-09T00:00:00.000Z' },
    });
    expect(assess([asked]).actions).toEqual([
      {
        kind: 'FOLLOW_UP_ACCESS_REQUEST',
        text: 'Follow up your access request to asked, overdue since 2026-11-09, with a reminder (one a day at most): a blind spot at tier 1, nothing behind it is visible until it shares.',
        organization: asked.organization,
      },
    ]);
  });

  it('a watch-list entry delisted by the instant flags nobody: no audit asked for, as the score and exposure ignore it', () => {
    const flagged = (delistedAt: string) =>
      assess([
        subject(org('f'), {
          indicators: [indicator('wl-f', { kind: 'WATCHLIST', delistedAt })],
        }),
      ]).actions.map((a) => a.kind);
    expect(flagged('2026-06-01T00:00:00Z')).not.toContain('ASK_FOR_AUDIT');
    expect(flagged(AT.toISOString())).not.toContain('ASK_FOR_AUDIT');
    // Delisted after the instant: still on its list then.
    expect(flagged('2027-01-01T00:00:00Z')).toContain('ASK_FOR_AUDIT');
    // Counted among the indicators only while in effect.
    const { actions } = assess([
      subject(org('f'), {
        indicators: [
          indicator('wl-f', { kind: 'WATCHLIST', severity: 'CRITICAL', delistedAt: '2026-06-01T00:00:00Z' }),
          indicator('r-f'),
        ],
      }),
    ]);
    expect(actions.find((a) => a.kind === 'ASK_FOR_AUDIT')!.text).toContain(
      '(1 indicator, e.g. a HIGH report from source of r-f)',
    );
  });

  it('names a long source by its first words, never splitting a character', () => {
    const named = (source: string) =>
      assess([subject(org('f'), { indicators: [indicator('r-f', { source })] })]).actions.find(
        (a) => a.kind === 'ASK_FOR_AUDIT',
      )!.text;
    const citation =
      'DanWatch and China Labor Watch, "Case study of labour conditions at 4 Dell suppliers in China", 2013';
    expect(named(citation)).toContain(
      'e.g. a HIGH report from DanWatch and China Labor Watch, "Case study of labour …)',
    );
    // One word of 59 letters and an emoji across the limit: cut before the emoji, not inside it.
    const word = `${'x'.repeat(59)}😀${'y'.repeat(10)}`;
    const text = named(word);
    expect(text).toContain(`from ${'x'.repeat(59)}😀 …`);
    expect(text.isWellFormed()).toBe(true);
  });

  it('"no valid audit or certificate since" the day the last audit or certificate expired, whatever else is valid', () => {
    const audit = evidence('audit-g', 'AUDIT_REPORT', { validUntil: '2024-06-01T00:00:00.000Z' });
    const certificate = evidence('cert-g', 'CERTIFICATE', { validUntil: '2025-03-01T00:00:00.000Z' });
    const plan = evidence('cap-g', 'CORRECTIVE_ACTION_PLAN', { validUntil: '2035-01-01T00:00:00.000Z' });
    const renew = (items: RiskEvidence[]) =>
      assess([subject(org('g'), { evidence: items })]).actions.find((a) => a.kind === 'RENEW_EVIDENCE')!.text;
    expect(renew([audit, plan])).toBe(
      'No valid audit or certificate at g since 2024-06-01: ask brand for a new one (audit report “title audit-g” by brand).',
    );
    expect(renew([audit, certificate, plan])).toBe(
      'No valid audit or certificate at g since 2025-03-01: ask brand for a new one (certificate “title cert-g” by brand).',
    );
  });

  it('asks for an audit of a flagged organization whose last evidence ran out before the flag; evidence that ran out after it asks for renewal', () => {
    // The watch-list entry is from 2025-12-02 (indicator's default observedAt).
    const kinds = (validUntil: string) =>
      assess([
        subject(org('f'), {
          indicators: [indicator('wl-f', { kind: 'WATCHLIST' })],
          evidence: [evidence('d-cert', 'CERTIFICATE', { issuedAt: '2019-01-01T00:00:00.000Z', validUntil })],
        }),
      ]).actions.map((a) => a.kind);
    expect(kinds('2020-01-01T00:00:00.000Z')).toEqual(['ASK_FOR_AUDIT']);
    expect(kinds('2026-06-01T00:00:00.000Z')).toEqual(['RENEW_EVIDENCE']);
  });

  it('an audit issued after the instant is not valid then: no relief, no expiry of its own, and a flagged factory is asked for an audit', () => {
    // Recorded at its publication, ahead of the audit it reports (an import can do that).
    const later = evidence('d-audit', 'AUDIT_REPORT', {
      recordedAt: '2026-01-01T00:00:00.000Z',
      issuedAt: '2027-06-01T00:00:00.000Z',
      validUntil: '2029-06-01T00:00:00.000Z',
    });
    const asOf = new Date('2026-03-01T00:00:00Z');
    const result = assessRisk(
      MODEL,
      [subject(org('f'), { indicators: [indicator('wl-f')], evidence: [later] })],
      asOf,
      asOf,
    );
    const disclosed = result.organizations[0]!.components.find((c) => c.name === 'DISCLOSED_EVIDENCE')!;
    expect(disclosed.value).toBe(0);
    expect(result.actions.map((a) => a.kind)).toEqual(['ASK_FOR_AUDIT']);
  });

  it('stops at the configured number', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      subject(org(`o${i}`), { blindSpot: true, sourcingShare: null }),
    );
    expect(assess(many).actions).toHaveLength(10);
    expect(assess(many, withFile({ parameters: { actions: { max: 3 } } })).actions).toHaveLength(3);
  });
});

describe('ASK_FOR_AUDIT names whom to ask', () => {
  // The customers one tier nearer the root through which the viewer reaches the flagged organization, at
  // most three by name; "it" when the viewer buys from it itself (test/api/risk-audit-whom.test.ts
  // checks the same on the demo).
  const askForAudit = (customers: { id: string; name: string }[], viewerId = 'buyer'): string => {
    const flagged = subject(org('f'), { tier: 2, customers, indicators: [indicator('r-f')] });
    const { actions } = assessRisk(MODEL, [flagged], AT, null, viewerId);
    return actions.find((a) => a.kind === 'ASK_FOR_AUDIT')!.text.replace(/^.*\): /, '');
  };
  const brand = (n: number) => ({ id: `b${n}`, name: `Brand ${n}` });

  it('one customer, two, and more than three', () => {
    expect(askForAudit([brand(1)])).toBe(
      'ask Brand 1 (its customer in the chain) for an audit and a corrective action plan.',
    );
    expect(askForAudit([brand(1), brand(2)])).toBe(
      'ask Brand 1 or Brand 2 (its customers in the chain) for an audit and a corrective action plan.',
    );
    expect(askForAudit([1, 2, 3, 4, 5].map(brand))).toBe(
      'ask Brand 1, Brand 2, Brand 3 or 2 others (its customers in the chain) for an audit and a corrective action plan.',
    );
  });

  it('the viewer among its customers: ask it', () => {
    expect(askForAudit([brand(1), { id: 'buyer', name: 'Buyer' }])).toBe(
      'ask it for an audit and a corrective action plan.',
    );
  });

  it('no customer known: nobody named', () => {
    expect(askForAudit([])).toBe('ask for an audit and a corrective action plan.');
  });
});

describe('summary', () => {
  it('by tier, by country (highest first) and by component', () => {
    const { summary } = assess(CHAIN);
    expect(summary.byTier.map((t) => [t.tier, t.organizations])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(summary.byCountry.map((c) => c.country)).toEqual(['CN', 'US', 'SE']);
    expect(summary.byComponent.map((c) => c.name)).toEqual([
      'INHERENT',
      'PUBLIC_INDICATORS',
      'DISCLOSED_EVIDENCE',
      'VISIBILITY',
      'PROXIMITY',
    ]);
    expect(summary.byComponent.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 2);
  });

  it('shares are of the points that raise the scores: good evidence takes a negative share and leaves the others within 0..1', () => {
    // A well-audited direct supplier: its relief outweighs the rest of the chain's evidence points.
    const audited = subject(org('reseller', 'SE', 'RESELLER'), {
      products: ['laptop computers'],
      evidence: [evidence('d-audit', 'AUDIT_REPORT', { validUntil: '2027-09-15T00:00:00.000Z' })],
    });
    const shares = Object.fromEntries(assess([audited]).summary.byComponent.map((c) => [c.name, c.share]));
    expect(shares['DISCLOSED_EVIDENCE']).toBeLessThan(0);
    const raising = ['INHERENT', 'PUBLIC_INDICATORS', 'VISIBILITY', 'PROXIMITY'].map((name) => shares[name]!);
    for (const share of raising) expect(share).toBeGreaterThanOrEqual(0);
    expect(raising.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });
});

describe('RISK_MODEL', () => {
  it('is read by the configuration, and its problems are reported with the rest, naming key and value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-model-'));
    const path = join(dir, 'model.json');
    writeFileSync(path, JSON.stringify({ weights: { proximity: 0.5 } }));
    expect(loadConfig({ RISK_MODEL: path }, { dataDir: '/tmp/data' }).riskModel.weights.proximity).toBe(0.5);
    writeFileSync(
      path,
      JSON.stringify({
        weights: { proximity: -1, tiers: 2 },
        countries: { CN: { value: 0.2 } },
        parameters: { indicators: { halfLifeYears: 'five' } },
      }),
    );
    try {
      loadConfig({ RISK_MODEL: path, PORT: 'x' }, { dataDir: '/tmp/data' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'PORT must be a whole number from 0 to 65535, got "x"',
        'RISK_MODEL weights.proximity must be a number from 0 to 100, got -1',
        'RISK_MODEL weights has no "tiers" (known: inherent, publicIndicators, disclosedEvidence, visibility, proximity)',
        'RISK_MODEL parameters.indicators.halfLifeYears must be a number from 0.01 to 1000, got "five"',
        'RISK_MODEL countries.CN must name its source and date, or say "assumption": true',
      ]);
    }
    expect(() => loadConfig({ RISK_MODEL: join(dir, 'missing.json') }, { dataDir: '/tmp/data' })).toThrow(
      /RISK_MODEL .*missing\.json cannot be read as JSON/,
    );
  });
});

describe('RISK_MODEL table entries', () => {
  it('refuse a key they do not know, naming it (a misspelt "keywords" would leave a category that matches nothing)', () => {
    expect(
      loaded({
        productCategories: [{ name: 'cocoa', keyword: ['cocoa'], value: 0.9, assumption: true }],
        countries: { TW: { value: 0.3, assumption: true, notes: 'a typo of note' } },
      }).problems,
    ).toEqual([
      'RISK_MODEL countries.TW has unknown key "notes" (known: value, assumption, basis, source, date, note)',
      'RISK_MODEL productCategories[0] has unknown key "keyword" (known: value, assumption, basis, source, date, note, name, keywords)',
    ]);
  });

  it('refuse a category without keywords, a date that is not a calendar day, and an assumption that is not true or false', () => {
    expect(
      loaded({
        productCategories: [{ name: 'cocoa', value: 0.9, assumption: true }],
        countries: {
          TW: { value: 0.3, source: 'ITUC Global Rights Index 2025', date: 'last year' },
          VN: { value: 0.3, source: 'ITUC Global Rights Index 2025', date: '2025-02-30' },
          MY: { value: 0.3, assumption: 'yes' },
        },
      }).problems,
    ).toEqual([
      'RISK_MODEL countries.TW.date must be an ISO 8601 date (2025-06-01), got "last year"',
      'RISK_MODEL countries.VN.date must be an ISO 8601 date (2025-06-01), got "2025-02-30"',
      'RISK_MODEL countries.MY.assumption must be true or false, got "yes"',
      'RISK_MODEL productCategories[0].keywords must be a list of one or more non-empty strings, got undefined',
    ]);
  });

  it('refuse visibility numbers that would add up to more than 1', () => {
    expect(
      loaded({ parameters: { visibility: { sourcingNotShared: 1, noEvidence: 0.5 } } }).problems,
    ).toEqual([
      'RISK_MODEL parameters.visibility.sourcingNotShared (1) and noEvidence (0.5) must add up to at most 1',
    ]);
  });

  it('refuse a share of some links that would count more than no share', () => {
    expect(
      loaded({ parameters: { visibility: { sourcingNotShared: 0.2, sourcingPartlyShared: 0.3 } } }).problems,
    ).toEqual([
      'RISK_MODEL parameters.visibility.sourcingPartlyShared (0.3) must be at most sourcingNotShared (0.2): a share of some links hides no more than no share',
    ]);
  });
});

describe('the age an indicator input shows', () => {
  it('is in months under a year and in whole years after, in the singular for one', () => {
    expect([0, 0.05, 0.09, 0.7, 1, 1.9, 2, 10.4].map(ageOf)).toEqual([
      '0 months',
      '0 months',
      '1 month',
      '8 months',
      '1 year',
      '1 year',
      '2 years',
      '10 years',
    ]);
  });
});
