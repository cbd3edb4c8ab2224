// Review of riskAssessment's actions against docs/risk-model.md ("Actions: where to start", item 4):
// FOLLOW_UP_ACCESS_REQUEST names the open access request "with its id and its due date as it stood
// then". See /work/notes/review-risk.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO, DEMO_IDS } from '../support/demo-scenario.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const ACTIONS = `query { riskAssessment { actions { kind text organization { id } } } }`;

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

describe('riskAssessment: following up an open access request', () => {
  it("Oslo kommune's FOLLOW_UP_ACCESS_REQUEST names its request to Atea AS by id, as docs/risk-model.md says", async () => {
    const response = await t.api.query('no-oslo-kommune', ACTIONS);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const actions = (response.data!['riskAssessment'] as { actions: { kind: string; text: string }[] }).actions;
    const follow = actions.find((a) => a.kind === 'FOLLOW_UP_ACCESS_REQUEST');
    expect(follow, JSON.stringify(actions)).toBeDefined();
    expect(follow!.text).toContain('overdue since 2026-11-09');
    expect(follow!.text).toContain(DEMO_IDS.requestOsloAteaNorway);
  });
});
