// Review of the risk model (issue 15) against docs/risk-model.md and the schema's promises: each test
// asserts what the documentation says and fails on the current code (see /work/notes/review-risk.md).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredVersion } from '../../src/domain/disclosures.ts';
import type { DisclosureKind, OrganizationType } from '../../src/domain/format.ts';
import type { RiskIndicator } from '../../src/domain/model.ts';
import { assessRisk } from '../../src/domain/risk-assessment.ts';
import type { Assessable, RiskEvidence, RiskModel, RiskSubject } from '../../src/domain/risk-model.ts';
import { defaultRiskModel, loadRiskModel } from '../../src/modules/risk/risk-model-file.ts';

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
    indicators: [],
    evidence: [],
    sharesSourcing: true,
    isViewer: false,
    blindSpot: false,
    openRequest: null,
    ...more,
  };
}

const indicator = (id: string, more: Partial<RiskIndicator> = {}): RiskIndicator => ({
  id,
  kind: 'WATCHLIST',
  source: `source of ${id}`,
  severity: 'CRITICAL',
  description: null,
  evidenceUrl: null,
  observedAt: '2025-12-02T00:00:00.000Z',
  recordedAt: '2025-12-02T00:00:00.000Z',
  delistedAt: null,
  ...more,
});

function evidence(disclosureId: string, kind: DisclosureKind, more: Partial<StoredVersion> = {}): RiskEvidence {
  return {
    organizationId: 'x',
    disclosureId,
    kind,
    ownerId: 'brand',
    ownerName: 'brand',
    version: {
      version: 1,
      recordedAt: '2019-01-01T00:00:00.000Z',
      actorUserId: 'u',
      title: `title ${disclosureId}`,
      summary: null,
      issuer: null,
      standard: null,
      products: [],
      issuedAt: '2019-01-01T00:00:00.000Z',
      validUntil: null,
      documentUrl: null,
      documentSha256: null,
      actions: [],
      ...more,
    },
  };
}

/** The problems loading an operator's RISK_MODEL file reports. */
function problemsOf(content: unknown): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zz-review-risk-'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(content));
  const problems: string[] = [];
  loadRiskModel(join(dir, 'model.json'), problems);
  return problems;
}

function modelOf(content: unknown): RiskModel {
  const dir = mkdtempSync(join(tmpdir(), 'zz-review-risk-'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(content));
  const problems: string[] = [];
  const model = loadRiskModel(join(dir, 'model.json'), problems);
  expect(problems).toEqual([]);
  return model;
}

describe('RISK_MODEL table entries (docs/risk-model.md, Configuration)', () => {
  it('refuses an unknown key in a table entry, naming it ("keyword" for "keywords" leaves a category that matches nothing)', () => {
    const problems = problemsOf({
      productCategories: [{ name: 'cocoa', keyword: ['cocoa'], value: 0.9, assumption: true }],
      countries: { TW: { value: 0.3, assumption: true, notes: 'typo of note' } },
    });
    expect(problems.some((p) => p.includes('"keyword"') || p.includes("'keyword'") || /\bkeyword\b/.test(p))).toBe(
      true,
    );
    expect(problems.some((p) => /\bnotes\b/.test(p))).toBe(true);
  });

  it('refuses a "date" that is not an ISO 8601 date, naming it', () => {
    const problems = problemsOf({
      countries: { TW: { value: 0.3, source: 'ITUC Global Rights Index 2025', date: 'last year' } },
    });
    expect(problems.some((p) => p.includes('last year'))).toBe(true);
  });
});

describe('values and shares stay in the ranges the documentation states', () => {
  it('summary.byComponent share is 0..1 for every component but DISCLOSED_EVIDENCE (schema), also when good evidence is negative', () => {
    // A tier-1 reseller in Sweden with a valid audit: a common, well-documented supplier.
    const audited = subject(org('reseller', 'SE', 'RESELLER'), {
      products: ['laptop computers'],
      evidence: [evidence('d-audit', 'AUDIT_REPORT', { validUntil: '2027-09-15T00:00:00.000Z' })],
    });
    const { byComponent } = assessRisk(MODEL, [audited], AT, null).summary;
    for (const c of byComponent.filter((c) => c.name !== 'DISCLOSED_EVIDENCE')) {
      expect(c.share, `${c.name} share ${c.share}`).toBeGreaterThanOrEqual(0);
      expect(c.share, `${c.name} share ${c.share}`).toBeLessThanOrEqual(1);
    }
  });

  it('the shown contributions add up to the score within a tenth, also when the sum falls below 0', () => {
    const monitor = subject(org('monitor', 'SE', 'MONITOR'), {
      tier: 10,
      evidence: [evidence('d-audit', 'AUDIT_REPORT'), evidence('d-cert', 'CERTIFICATE')],
    });
    const [scored] = assessRisk(MODEL, [monitor], AT, null).organizations;
    const sum = scored!.components.reduce((points, c) => points + c.contribution, 0);
    expect(Math.abs(sum - scored!.score), `score ${scored!.score}, contributions add up to ${sum}`).toBeLessThanOrEqual(
      0.1 + 1e-9,
    );
  });

  it('VISIBILITY stays within 0..1 ("each value lies in 0..1") whatever numbers the configuration allows', () => {
    const model = modelOf({ parameters: { visibility: { sourcingNotShared: 1, noEvidence: 1 } } });
    const [scored] = assessRisk(model, [subject(org('a'), { sharesSourcing: false })], AT, null).organizations;
    const visibility = scored!.components.find((c) => c.name === 'VISIBILITY')!;
    expect(visibility.value).toBeLessThanOrEqual(1);
  });
});

describe('evidence as it stood at the instant', () => {
  it('an audit report issued after the asOf instant is not "a valid audit" then: no relief, and the flagged factory gets ASK_FOR_AUDIT', () => {
    // The version was recorded (imported at its publication) before the audit it reports took place.
    const later = evidence('d-audit', 'AUDIT_REPORT', {
      recordedAt: '2026-01-01T00:00:00.000Z',
      issuedAt: '2027-06-01T00:00:00.000Z',
      validUntil: '2029-06-01T00:00:00.000Z',
    });
    const asOf = new Date('2026-03-01T00:00:00Z');
    const flagged = subject(org('f'), { indicators: [indicator('wl-f')], evidence: [later] });
    const result = assessRisk(MODEL, [flagged], asOf, asOf);
    const disclosed = result.organizations[0]!.components.find((c) => c.name === 'DISCLOSED_EVIDENCE')!;
    expect(disclosed.value, JSON.stringify(disclosed.inputs)).toBe(0);
    expect(result.actions.map((a) => a.kind)).toContain('ASK_FOR_AUDIT');
  });
});

describe('actions (docs/risk-model.md, "Actions: where to start")', () => {
  it('ASK_FOR_AUDIT for a publicly flagged organization when no valid audit or certificate is visible, even if an old certificate expired before the flag', () => {
    // Certificate expired in 2020; the forced-labour watch-list entry came in 2025: nobody has examined it.
    const old = evidence('d-cert', 'CERTIFICATE', { validUntil: '2020-01-01T00:00:00.000Z' });
    const flagged = subject(org('f'), { indicators: [indicator('wl-f')], evidence: [old] });
    const kinds = assessRisk(MODEL, [flagged], AT, null).actions.map((a) => a.kind);
    expect(kinds).toContain('ASK_FOR_AUDIT');
  });
});
