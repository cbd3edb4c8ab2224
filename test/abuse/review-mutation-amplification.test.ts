// Review (hostile client with a supplier_admin token): one variable, written 30 times.
//
// The body limit (1 MB) bounds what a request sends, and the content rules bound one disclosure
// (title 200, summary 4,000, 500 actions with a finding and an action of 2,000 characters each:
// ~2 MB). But a mutation field may appear under 30 aliases, and all of them may take the same
// variable: `mutation($in: DisclosureInput!) { p0: publishDisclosure(input: $in) { id } … p29: … }`.
// On the review's probe server one request of 938 kB published 30 disclosures and stored 27.6 million
// characters of corrective actions, in 12.6 s. `updateDisclosure(id, input: $in)` under 30 aliases adds
// 30 versions to one disclosure's history, which is kept for ever. At the per-token rate that is
// gigabytes an hour into Neo4j from one tenant's admin (or its stolen token), none of it removable
// through the API.
//
// Expected: what one request writes is bounded by what it sends: a mutation's input cannot be
// multiplied by aliases (for instance, an operation may run one write of a big input, or the alias
// limit counts the bytes of the variables each alias takes).
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi('production');

beforeAll(async () => {
  await loadGraph(t.db, graph().org('v', 'PURCHASER').build());
});

async function storedActionText(): Promise<number> {
  const { records } = await t.db.driver.executeQuery(
    `MATCH (a:CorrectiveAction) RETURN sum(size(a.finding) + size(a.action)) AS chars`,
  );
  return Number(records[0]!.get('chars') ?? 0);
}

describe('a mutation under aliases', () => {
  it.fails(
    'cannot write 30 times what the request sends',
    async () => {
      const actions = Array.from({ length: 235 }, (_, i) => ({
        id: `a${i}`,
        finding: 'f'.repeat(2_000),
        action: 'x'.repeat(1_900),
        severity: 'LOW',
        dueAt: '2030-01-01',
      }));
      const input = {
        subjectId: 'v',
        kind: 'CORRECTIVE_ACTION_PLAN',
        content: { title: 'Plan', issuedAt: '2020-01-01', actions },
      };
      const aliases = Array.from({ length: 30 }, (_, i) => `p${i}: publishDisclosure(input: $in) { id }`);
      const query = `mutation($in: DisclosureInput!) { ${aliases.join(' ')} }`;
      const sent = JSON.stringify({ query, variables: { in: input } }).length;
      expect(sent).toBeLessThan(1_000_000);
      const before = await storedActionText();
      const response = await t.api.query('v', query, { in: input }, ['supplier_admin']);
      const written = (await storedActionText()) - before;
      // Today: 200, 30 disclosures and 27.5 million characters of actions from a 0.94 MB request.
      expect(written, `${response.errors?.[0]?.message ?? 'no error'}`).toBeLessThanOrEqual(2 * sent);
    },
    300_000,
  );
});
