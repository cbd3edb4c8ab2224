// A monitor's finding in the risk assessment names the monitor beside the source text it typed: a
// buyer reading only the score (the dashboard's ranking, the CSV) must know whose statement it is, as
// exposure tells it through RiskIndicator.recordedBy. An imported indicator's source is cited as is.
import { describe, expect, it } from 'vitest';
import type { Organization, RiskIndicator } from '../../src/domain/model.ts';
import { assessRisk } from '../../src/domain/risk-assessment.ts';
import type { Assessable, RiskSubject } from '../../src/domain/risk-model.ts';
import { defaultRiskModel } from '../../src/modules/risk/risk-model-file.ts';
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';

const AT = new Date('2026-12-02T00:00:00Z');

const indicator = (id: string, more: Partial<RiskIndicator> = {}): RiskIndicator => ({
  id,
  kind: 'REPORT',
  source: 'Electronics Watch, compliance report, 2026',
  severity: 'HIGH',
  topics: [],
  description: null,
  evidenceUrl: null,
  observedAt: '2026-11-01T00:00:00.000Z',
  recordedAt: '2026-11-02T00:00:00.000Z',
  delistedAt: null,
  recordedBy: null,
  redactedAt: null,
  ...more,
});

const factory: Assessable = { id: 'factory', name: 'Factory', type: 'FACTORY', country: 'CN' };

const subject = (indicators: RiskIndicator[]): RiskSubject<Assessable> => ({
  organization: factory,
  tier: 1,
  products: [],
  customers: [],
  indicators,
  evidence: [],
  sourcingShare: 'ALL',
  isViewer: false,
  blindSpot: false,
  openRequest: null,
});

describe('PUBLIC_INDICATORS inputs', () => {
  it("name the monitor that recorded a finding beside its source, and cite an import's source as is", () => {
    const monitor: Organization = {
      id: 'dk-danwatch',
      name: 'DanWatch',
      type: 'MONITOR',
      country: 'DK',
      ...unreadOrganizationDetail(),
      identityOnly: true,
    };
    const [scored] = assessRisk(
      defaultRiskModel(),
      [subject([indicator('f-1', { recordedBy: monitor }), indicator('r-1')])],
      AT,
      null,
    ).organizations;
    const inputs = scored!.components.find((c) => c.name === 'PUBLIC_INDICATORS')!.inputs;
    const source = (id: string) => inputs.find((i) => i.label.includes(`(${id})`))?.source;
    expect(source('f-1')).toBe(
      'Electronics Watch, compliance report, 2026 (recorded by the monitor DanWatch, dk-danwatch)',
    );
    expect(source('r-1')).toBe('Electronics Watch, compliance report, 2026');
  });
});
