// What an analyst reads about an overdue access request: the blind spot's recommendation in exposure
// says it is overdue, with the day, as the risk assessment's top action does.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

const EXPOSURE = `query E($asOf: DateTime) { exposure(asOf: $asOf) {
  findings { organization { id } disclosedIndicators { kind disclosure { id } } }
  blindSpotDetails { organization { id } recommendation openAccessRequest { id dueAt overdue } } } }`;
const RISK = `query R($asOf: DateTime) { riskAssessment(asOf: $asOf) { actions { kind text organization { id } } } }`;

describe('an overdue access request, as the blind spot and the top action tell it', () => {
  it('the blind spot’s recommendation says the request is overdue, as the top action does', async () => {
    const exposure = await t.api.query('no-oslo-kommune', EXPOSURE, {});
    expect(exposure.errors).toBeUndefined();
    const spot = (
      exposure.data!['exposure'] as {
        blindSpotDetails: {
          organization: { id: string };
          recommendation: string;
          openAccessRequest: { overdue: boolean } | null;
        }[];
      }
    ).blindSpotDetails.find((b) => b.organization.id === 'no-atea')!;
    expect(spot.openAccessRequest?.overdue).toBe(true);

    const risk = await t.api.query('no-oslo-kommune', RISK, {});
    const action = (risk.data!['riskAssessment'] as { actions: { kind: string; text: string }[] })
      .actions[0]!;
    expect(action.kind).toBe('FOLLOW_UP_ACCESS_REQUEST');
    expect(action.text).toContain('overdue since 2026-11-09');

    expect(spot.recommendation).toMatch(/overdue/i);
    expect(spot.recommendation).toContain('2026-11-09');
    expect(spot.recommendation).not.toContain('T00:00:00.000Z');
  });
});
