// Review of monitors' findings: a withdrawn finding counts nowhere "now", whatever the clocks say. A
// withdrawal is stamped with the clock of the API instance that made it (lockedInstant); a request to
// an instance whose clock runs behind reads "now" before that stamp. organization.risks already read a
// withdrawn finding as gone then (RISKS_BY_ORGANIZATION), but supplyChain, exposure and riskAssessment
// compared the stamp with their own instant and still counted it: two answers of one request disagreed.
// "Now" treats a withdrawal as a share's revoke is treated (src/graph/visibility-cypher.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { monitoredChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`;
const READS = `{
  organization(id: "factory") { risks { id } }
  supplyChain { tiers { organizations { id risks { id } } } }
  exposure { findings { indicators { id } } }
  riskAssessment { actions { text } }
}`;

beforeEach(async () => {
  await loadGraph(t.db, monitoredChain().share('brand', 'buyer').share('brand', 'ew').build());
});

describe('a withdrawn finding, now', () => {
  it('counts in no read, though the withdrawal was stamped by a clock ahead of this one', async () => {
    const input = { organizationId: 'factory', kind: 'REPORT', severity: 'CRITICAL', source: 'EW report' };
    const { id } = ok<{ id: string }>(
      await t.api.query('ew', RECORD, { input }, [...ADMIN]),
      'recordFinding',
    );
    ok(await t.api.query('ew', WITHDRAW, { id }, [...ADMIN]), 'withdrawFinding');
    // As the instance that withdrew it would have stamped it with a clock a minute ahead.
    await t.db.driver.executeQuery(
      `MATCH (r:RiskIndicator {id: $id}) SET r.withdrawnAt = datetime() + duration('PT1M')`,
      { id },
    );
    const answer = JSON.stringify((await t.api.query('buyer', READS)).data);
    expect(answer).toContain('"organization":{"risks":[]}');
    expect(answer).not.toContain(id);
  });
});
