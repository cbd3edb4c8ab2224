// The figures docs/risk-model.md quotes for the demo, against the running assessment.
// test/api/risk.test.ts checks the ranks the document names (Dell 6th, 1st, 2nd);
// the document also prints every score, "On 2026-12-02 (`se-region-stockholm`, default configuration)"
// and under "What a change does", for operators to reproduce with their own RISK_MODEL file. Each score
// here is the document's, named by the part of the document that prints it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { useApi } from '../support/harness.ts';
import { askWithRiskModel } from '../support/risk-model-api.ts';

const t = useApi();

const RANKING = `query($asOf: DateTime) { riskAssessment(asOf: $asOf) { organizations { score organization { id } } } }`;
const AT = { asOf: '2026-12-02' };
type Ranking = { score: number; organization: { id: string } }[];
const scores = (ranking: Ranking) => Object.fromEntries(ranking.map((o) => [o.organization.id, o.score]));

/** Region Stockholm's ranking under an operator's RISK_MODEL file, as `serve` would load it. */
async function rankingWith(content: unknown): Promise<Ranking> {
  const data = await askWithRiskModel(t, content, 'se-region-stockholm', RANKING, AT);
  return (data['riskAssessment'] as { organizations: Ranking }).organizations;
}

describe('docs/risk-model.md: the demo’s scores', () => {
  beforeAll(async () => {
    await loadGraph(t.db, DEMO_SCENARIO);
  });

  it('The demo: the default ranking of Region Stockholm, and Oslo kommune’s Atea AS at 23.1', async () => {
    const answer = await t.api.query('se-region-stockholm', RANKING, AT);
    expect(answer.errors).toBeUndefined();
    expect(scores((answer.data!['riskAssessment'] as { organizations: Ranking }).organizations)).toEqual({
      'cn-hipro-dongguan': 48.6,
      'cn-mingshuo-jiangsu': 44.8,
      'cn-msi-shenzhen': 44.8,
      'cn-taida-dongguan': 44.8,
      'cn-wistron-zhongshan': 44.8,
      'us-dell': 35.5,
      'tw-delta': 28.4,
      'tw-msi': 28.4,
      'tw-pegatron': 28.4,
      'tw-wistron': 28.4,
      'se-atea': 11.9,
    });
    const oslo = await t.api.query('no-oslo-kommune', RANKING, AT);
    expect(scores((oslo.data!['riskAssessment'] as { organizations: Ranking }).organizations)).toEqual({
      'no-atea': 23.1,
    });
  });

  it('What a change does: {"weights": {"disclosedEvidence": 1}} gives Dell 56.7 against Hipro’s 47.1', async () => {
    const ranking = await rankingWith({ weights: { disclosedEvidence: 1 } });
    expect(ranking[0]!.organization.id).toBe('us-dell');
    expect([scores(ranking)['us-dell'], scores(ranking)['cn-hipro-dongguan']]).toEqual([56.7, 47.1]);
  });

  it('What a change does: CN 0.1 and US 1.0 give Hipro 40.6, Dell 38.5, the other factories 36.8', async () => {
    const ranking = await rankingWith({
      countries: { CN: { value: 0.1, assumption: true }, US: { value: 1, assumption: true } },
    });
    expect(ranking.slice(0, 6).map((o) => [o.organization.id, o.score])).toEqual([
      ['cn-hipro-dongguan', 40.6],
      ['us-dell', 38.5],
      ['cn-mingshuo-jiangsu', 36.8],
      ['cn-msi-shenzhen', 36.8],
      ['cn-taida-dongguan', 36.8],
      ['cn-wistron-zhongshan', 36.8],
    ]);
  });
});
