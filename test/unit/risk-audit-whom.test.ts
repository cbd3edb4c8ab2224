// Whom an ASK_FOR_AUDIT action names (review "analyst"): the customers one tier nearer the root through
// which the viewer reaches the flagged organization, at most three by name; "it" when the viewer buys
// from it itself. test/api/risk-audit-whom.test.ts checks the same on the demo.
import { describe, expect, it } from 'vitest';
import type { RiskIndicator } from '../../src/domain/model.ts';
import { assessRisk } from '../../src/domain/risk-assessment.ts';
import type { Assessable, RiskSubject } from '../../src/domain/risk-model.ts';
import { defaultRiskModel } from '../../src/modules/risk/risk-model-file.ts';

const AT = new Date('2026-12-02T00:00:00Z');
const report: RiskIndicator = {
  id: 'r-f',
  kind: 'REPORT',
  source: 'a report',
  severity: 'HIGH',
  description: null,
  evidenceUrl: null,
  observedAt: '2025-12-02T00:00:00.000Z',
  recordedAt: '2025-12-02T00:00:00.000Z',
  delistedAt: null,
  recordedBy: null,
  redactedAt: null,
};

function askForAudit(customers: { id: string; name: string }[], viewerId = 'buyer'): string {
  const flagged: RiskSubject<Assessable> = {
    organization: { id: 'f', name: 'Factory F', type: 'FACTORY', country: 'CN' },
    tier: 2,
    products: [],
    customers,
    indicators: [report],
    evidence: [],
    sourcingShare: 'ALL',
    isViewer: false,
    blindSpot: false,
    openRequest: null,
  };
  const { actions } = assessRisk(defaultRiskModel(), [flagged], AT, null, viewerId);
  return actions.find((a) => a.kind === 'ASK_FOR_AUDIT')!.text.replace(/^.*\): /, '');
}

const brand = (n: number) => ({ id: `b${n}`, name: `Brand ${n}` });

describe('ASK_FOR_AUDIT names whom to ask', () => {
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
