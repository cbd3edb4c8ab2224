// A public buyer's analyst walking the demo's "where to start" (review "analyst", December 2026): the
// ASK_FOR_AUDIT action said "ask for an audit and a corrective action plan" without saying of whom.
// Region Stockholm has no dealings with Mingshuo, a factory at tier 3 behind Atea Sverige and Dell:
// the action now names the customer through which the viewer reaches it (Dell), and tells a viewer
// that buys from the flagged organization itself to ask it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { DEMO_IDS as ID, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

const AUDITS = `query($root: ID) { riskAssessment(rootId: $root) { actions { kind text organization { id } } } }`;

async function askForAudit(viewer: string, root: string | null): Promise<Map<string, string>> {
  const answer = await t.api.query(viewer, AUDITS, { root }, ['analyst']);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  const actions = (
    answer.data as {
      riskAssessment: { actions: { kind: string; text: string; organization: { id: string } }[] };
    }
  ).riskAssessment.actions;
  return new Map(actions.filter((a) => a.kind === 'ASK_FOR_AUDIT').map((a) => [a.organization.id, a.text]));
}

describe('whom an ASK_FOR_AUDIT action tells the viewer to ask', () => {
  it('Region Stockholm asks Dell, the customer through which it reaches the factory', async () => {
    const texts = await askForAudit(ID.regionStockholm, null);
    expect(texts.get(ID.mingshuoJiangsu)).toBe(
      'No valid audit at Mingshuo (Pegatron subsidiary), Jiangsu visible to you while public sources flag it ' +
        '(1 indicator, e.g. a HIGH report from DanWatch and China Labor Watch, "Case study of labour …): ' +
        'ask Dell Technologies (its customer in the ' +
        'chain) for an audit and a corrective action plan.',
    );
    expect(texts.get(ID.taidaDongguan)).toMatch(
      /: ask Dell Technologies \(its customer in the chain\) for an audit/,
    );
  });

  it('a monitor looking at the root Dell asks Dell, the root', async () => {
    const texts = await askForAudit(ID.electronicsWatch, ID.dell);
    expect(texts.get(ID.wistronZhongshan)).toMatch(
      /: ask Dell Technologies \(its customer in the chain\) for an audit and a corrective action plan\.$/,
    );
  });

  it('Dell, which buys from the factory itself, is told to ask it', async () => {
    const texts = await askForAudit(ID.dell, null);
    expect(texts.get(ID.mingshuoJiangsu)).toMatch(/\): ask it for an audit and a corrective action plan\.$/);
  });
});
