// Issue 15 on the demo scenario: the risk assessment ranks Region Stockholm's chain with the DanWatch
// factories and Dell's overdue actions at the top, each with its reasons, and Oslo kommune's top
// action is its blind spot Atea AS.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { withAskedId } from '../support/asked-id.ts';
import { codes } from '../support/api.ts';
import { askWithRiskModel } from '../support/risk-model-api.ts';
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

const FACTORIES = [
  'cn-hipro-dongguan',
  'cn-mingshuo-jiangsu',
  'cn-msi-shenzhen',
  'cn-taida-dongguan',
  'cn-wistron-zhongshan',
];
const componentOf = (scored: Scored, name: string) => scored.components.find((c) => c.name === name)!;

describe('riskAssessment on the demo', () => {
  it('Region Stockholm: the DanWatch factories and Dell with its overdue actions at the top, each with its reasons', async () => {
    const result = await assess('se-region-stockholm');
    expect(result.root.id).toBe('se-region-stockholm');
    const ids = result.organizations.map((o) => o.organization.id);
    expect(ids.slice(0, 6).sort()).toEqual([...FACTORIES, 'us-dell'].sort());
    expect(result.organizations.map((o) => o.rank)).toEqual(ids.map((_, i) => i + 1));
    const scores = result.organizations.map((o) => o.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const factory of result.organizations.filter((o) => FACTORIES.includes(o.organization.id))) {
      expect(factory.tier).toBe(3);
      const reasons = componentOf(factory, 'PUBLIC_INDICATORS').inputs;
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.every((r) => /danwatch/i.test(r.source))).toBe(true);
      expect(componentOf(factory, 'INHERENT').inputs[0]).toMatchObject({ label: 'Country CN' });
    }
    const dell = result.organizations.find((o) => o.organization.id === 'us-dell')!;
    expect(dell.tier).toBe(2);
    const disclosed = componentOf(dell, 'DISCLOSED_EVIDENCE');
    expect(disclosed.value).toBeGreaterThan(0.5);
    const overdue = disclosed.inputs.filter((i) => i.label.startsWith('Overdue action'));
    // Most severe first, as exposure lists disclosed indicators.
    expect(overdue.map((i) => [i.label.split(' ')[2], i.source])).toEqual([
      ['cap-4', 'disclosure d-dell-cap-2016 by Dell Technologies'],
      ['cap-3', 'disclosure d-dell-cap-2016 by Dell Technologies'],
    ]);
    // The top actions: Dell's overdue CRITICAL action, then the overdue HIGH ones (Hipro ranks above Dell).
    expect(result.actions.slice(0, 3).map((a) => [a.kind, a.organization.id])).toEqual([
      ['CLOSE_OVERDUE_ACTION', 'us-dell'],
      ['CLOSE_OVERDUE_ACTION', 'cn-hipro-dongguan'],
      ['CLOSE_OVERDUE_ACTION', 'us-dell'],
    ]);
    expect(result.actions[0]!.text).toMatch(/^Ask Dell Technologies to close action cap-4 \(CRITICAL/);
    expect(result.actions[1]!.text).toMatch(/close action f-1 at Hipro Electronics, Dongguan/);
    expect(result.summary.byTier.map((t) => [t.tier, t.organizations])).toEqual([
      [1, 1],
      [2, 1],
      [3, 9],
    ]);
    expect(result.summary.byCountry[0]).toMatchObject({ country: 'CN', organizations: 5 });
  });

  it('Dell: the overdue actions of its own audit of Hipro are its own to close, not to ask itself for', async () => {
    const result = await assess('us-dell');
    const hipro = result.actions.filter((a) => a.organization.id === 'cn-hipro-dongguan');
    expect(hipro.map((a) => a.text)).toContainEqual(
      expect.stringMatching(
        /^Close action f-1 at Hipro Electronics, Dongguan \(HIGH, your audit report “Social audit of Hipro Electronics, Dongguan”\)/,
      ),
    );
    expect(result.actions.filter((a) => a.text.includes('Ask Dell Technologies'))).toEqual([]);
  });

  it("Oslo kommune: its top action is Atea AS's blind spot, where its access request is overdue", async () => {
    const result = await assess('no-oslo-kommune');
    expect(result.organizations.map((o) => o.organization.id)).toEqual(['no-atea']);
    const [top] = result.actions;
    expect(top).toMatchObject({ kind: 'FOLLOW_UP_ACCESS_REQUEST', organization: { id: 'no-atea' } });
    expect(top!.text).toMatch(
      /access request to Atea AS, overdue since 2026-11-09, with a reminder \(one a day at most\): a blind spot/,
    );
    const visibility = componentOf(result.organizations[0]!, 'VISIBILITY');
    expect(visibility.value).toBe(1);
    expect(visibility.inputs[0]!.value).toMatch(/a blind spot: it shares none of its sourcing with you/);
  });

  it('uses only disclosures shared with the viewer: Electronics Watch sees no audit of Hipro', async () => {
    const result = await assess('nl-electronics-watch', { rootId: 'us-dell' });
    expect(result.organizations.map((o) => o.organization.id).sort()).toEqual(FACTORIES);
    const hipro = result.organizations.find((o) => o.organization.id === 'cn-hipro-dongguan')!;
    expect(componentOf(hipro, 'DISCLOSED_EVIDENCE')).toMatchObject({ value: 0, inputs: [{ value: 'none' }] });
  });

  it('asOf and product walk the chain as supplyChain does', async () => {
    const early = await assess('se-region-stockholm', { asOf: '2013-06-01T00:00:00Z' });
    expect(early.at).toBe('2013-06-01T00:00:00.000Z');
    expect(early.organizations.map((o) => [o.organization.id, o.tier])).toEqual([['us-dell', 1]]);
    const servers = await assess('se-region-stockholm', { rootId: 'us-dell', product: 'servers' });
    expect(servers.organizations.map((o) => o.organization.id).sort()).toEqual([
      'cn-wistron-zhongshan',
      'tw-wistron',
    ]);
    const wistron = servers.organizations.find((o) => o.organization.id === 'cn-wistron-zhongshan')!;
    expect(componentOf(wistron, 'INHERENT').inputs[1]!.value).toMatch(/from "servers"/);
  });

  it('organizations(first) is the top of the same ranking, so that the inputs can be asked for the top alone', async () => {
    const both = await t.api.query(
      'se-region-stockholm',
      `{ riskAssessment { organizations { rank score organization { id } }
         top: organizations(first: 3) { rank organization { id } components { name inputs { label } } } } }`,
    );
    expect(both.errors, JSON.stringify(both.errors)).toBeUndefined();
    const { organizations, top } = both.data!['riskAssessment'] as {
      organizations: { rank: number; organization: { id: string } }[];
      top: { rank: number; organization: { id: string }; components: unknown[] }[];
    };
    expect(organizations.length).toBeGreaterThan(3);
    expect(top.map((o) => [o.rank, o.organization.id])).toEqual(
      organizations.slice(0, 3).map((o) => [o.rank, o.organization.id]),
    );
    expect(top.every((o) => o.components.length === 5)).toBe(true);
    const all = `{ riskAssessment { organizations(first: 100000) { organization { id } } } }`;
    const many = await t.api.query('se-region-stockholm', all);
    expect((many.data!['riskAssessment'] as { organizations: unknown[] }).organizations).toHaveLength(
      organizations.length,
    );
    for (const first of [0, -1]) {
      const refused = await t.api.query(
        'se-region-stockholm',
        `{ riskAssessment { organizations(first: ${first}) { rank } } }`,
      );
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.message).toContain(
        `first must be a whole number of at least 1, got ${first}`,
      );
    }
  });

  it("reads the chain's organizations as cards unless the query shows more of them, with the same ranking", async () => {
    const card = `id name type country`;
    const detail = `${card} city latitude osId sources`;
    const ranking = (fields: string) => `{ riskAssessment { root { id }
      organizations { rank score organization { ${fields} } } actions { organization { ${fields} } } } }`;
    const read = vi.spyOn(t.db.executor, 'read');
    const lean = await t.api.query('se-region-stockholm', ranking(card));
    const full = await t.api.query('se-region-stockholm', ranking(detail));
    expect(lean.errors, JSON.stringify(lean.errors)).toBeUndefined();
    expect(full.errors, JSON.stringify(full.errors)).toBeUndefined();
    const reads = read.mock.calls
      .filter(([statement]) => statement.name.startsWith('analysis.risk.'))
      .map(([, params]) => params['organizationDetail']);
    read.mockRestore();
    expect(reads).toEqual([false, true]);
    const shown = JSON.stringify(full.data);
    expect(shown).toContain('"city":"');
    expect(shown).toContain('"sources":["');
    // Each card is the full read's organization without the fields the lean query does not ask for.
    type Ranked = { organization: Record<string, unknown> };
    const answer = structuredClone(full.data!['riskAssessment']) as {
      organizations: Ranked[];
      actions: Ranked[];
    };
    for (const item of [...answer.organizations, ...answer.actions]) {
      const { id, name, type, country } = item.organization;
      item.organization = { id, name, type, country };
    }
    expect(lean.data!['riskAssessment']).toEqual(answer);
  });

  it('a root the viewer may not use answers NOT_FOUND, exactly as a missing one', async () => {
    const hidden = await t.api.query('dk-danwatch', RISK_ASSESSMENT, { rootId: 'us-dell' });
    const missing = await t.api.query('dk-danwatch', RISK_ASSESSMENT, { rootId: 'no-such-organization' });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(withAskedId(hidden, 'us-dell')).toEqual(withAskedId(missing, 'no-such-organization'));
    expect(codes(await t.api.query('se-region-stockholm', RISK_ASSESSMENT, { maxDepth: 0 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('riskAssessment with another configuration', () => {
  /** The demo's ranking for Region Stockholm under an operator's RISK_MODEL file. */
  async function rankingWith(content: unknown): Promise<string[]> {
    const data = await askWithRiskModel(t, content, 'se-region-stockholm', RISK_ASSESSMENT);
    return (data['riskAssessment'] as Assessment).organizations.map((o) => o.organization.id);
  }

  it('changes the ranking as docs/risk-model.md documents: Dell from 6th to 1st by weight, to 2nd by country values', async () => {
    expect((await assess('se-region-stockholm')).organizations[5]!.organization.id).toBe('us-dell');
    expect((await rankingWith({ weights: { disclosedEvidence: 1 } }))[0]).toBe('us-dell');
    const countries = await rankingWith({
      countries: {
        CN: { value: 0.1, assumption: true, note: 'what-if' },
        US: { value: 1, assumption: true, note: 'what-if' },
      },
    });
    expect(countries.indexOf('us-dell')).toBe(1);
  });
});
