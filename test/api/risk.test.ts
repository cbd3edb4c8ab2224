// Issue 15 on the demo scenario: the risk assessment ranks Region Stockholm's chain with the DanWatch
// factories and Dell's overdue actions at the top, each with its reasons, and Oslo kommune's top
// action is its blind spot Atea AS.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';

const t = useApi();

export const RISK_ASSESSMENT = `query Risk($rootId: ID, $maxDepth: Int, $asOf: DateTime, $product: String) {
  riskAssessment(rootId: $rootId, maxDepth: $maxDepth, asOf: $asOf, product: $product) {
    root { id }
    at
    organizations { rank tier score organization { id name country }
      components { name value weight contribution inputs { label value source } } }
    summary {
      byTier { tier organizations meanScore maxScore }
      byCountry { country organizations meanScore maxScore }
      byComponent { name weight meanValue share }
    }
    actions { kind text organization { id } }
  }
}`;

interface Scored {
  rank: number;
  tier: number;
  score: number;
  organization: { id: string; name: string; country: string };
  components: {
    name: string;
    value: number;
    weight: number;
    contribution: number;
    inputs: { label: string; value: string; source: string }[];
  }[];
}
interface Assessment {
  root: { id: string };
  at: string;
  organizations: Scored[];
  summary: {
    byTier: { tier: number; organizations: number; meanScore: number; maxScore: number }[];
    byCountry: { country: string; organizations: number; meanScore: number; maxScore: number }[];
    byComponent: { name: string; weight: number; meanValue: number; share: number }[];
  };
  actions: { kind: string; text: string; organization: { id: string } }[];
}

const assess = async (viewer: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query(viewer, RISK_ASSESSMENT, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!['riskAssessment'] as Assessment;
};

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

describe('riskAssessment on the demo', () => {
  it('prints', async () => {
    const r = await assess('se-region-stockholm');
    for (const o of r.organizations)
      console.log(
        o.rank,
        o.score,
        o.tier,
        o.organization.id,
        o.components.map((c) => `${c.name}=${c.value}`).join(' '),
      );
    for (const a of r.actions) console.log(a.kind, a.text);
    console.log(JSON.stringify(r.summary));
    console.log(JSON.stringify(r.organizations[0], null, 1));
    const o = await assess('no-oslo-kommune');
    for (const a of o.actions) console.log(a.kind, a.text);
    for (const x of o.organizations) console.log(x.rank, x.score, x.organization.id);
    expect(codes(await t.api.query('dk-danwatch', RISK_ASSESSMENT, { rootId: 'us-dell' }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
