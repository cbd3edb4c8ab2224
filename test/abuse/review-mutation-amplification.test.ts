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
//
// Fixed: the 1 MB body limit counts each variable once per use (413 PAYLOAD_TOO_LARGE before anything
// runs, src/api/count-variables-per-use.ts), and an operation runs at most 10 mutations.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
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

/** A corrective-action plan about `v` with `count` actions of about 4 kB each. */
const plan = (count: number) => ({
  subjectId: 'v',
  kind: 'CORRECTIVE_ACTION_PLAN',
  content: {
    title: 'Plan',
    issuedAt: '2020-01-01',
    actions: Array.from({ length: count }, (_, i) => ({
      id: `a${i}`,
      finding: 'f'.repeat(2_000),
      action: 'x'.repeat(1_900),
      severity: 'LOW',
      dueAt: '2030-01-01',
    })),
  },
});

const publishUnder = (aliases: number) =>
  `mutation($in: DisclosureInput!) { ${Array.from({ length: aliases }, (_, i) => `p${i}: publishDisclosure(input: $in) { id }`).join(' ')} }`;

describe('a mutation under aliases', () => {
  it('cannot write 30 times what the request sends', async () => {
    const input = plan(235);
    const query = publishUnder(30);
    const sent = JSON.stringify({ query, variables: { in: input } }).length;
    expect(sent).toBeLessThan(1_000_000);
    const before = await storedActionText();
    const response = await t.api.query('v', query, { in: input }, ['supplier_admin']);
    const written = (await storedActionText()) - before;
    // Before the fix: 200, 30 disclosures and 27.5 million characters of actions from a 0.94 MB request.
    expect(written, `${response.errors?.[0]?.message ?? 'no error'}`).toBeLessThanOrEqual(2 * sent);
    // Both limits refuse it; the mutation count is a validation rule, checked first.
    expect(written).toBe(0);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('counts a variable once per use against the body limit', async () => {
    const before = await storedActionText();
    const response = await t.api.query('v', publishUnder(2), { in: plan(235) }, ['supplier_admin']);
    expect(await storedActionText()).toBe(before);
    expect(response.status).toBe(413);
    expect(codes(response)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(response.errors?.[0]?.message).toMatch(
      /^Request over 1000000 bytes once each variable counts once per use: \$in \(\d+ bytes\) is used 2 times\.$/,
    );
  });

  it('may use a variable twice while it counts within the body limit', async () => {
    const before = await storedActionText();
    const response = await t.api.query('v', publishUnder(2), { in: plan(100) }, ['supplier_admin']);
    expect(response.errors).toBeUndefined();
    expect((await storedActionText()) - before).toBe(2 * 100 * 3_900);
  });

  it('cannot run more than 10 mutations in one operation', async () => {
    const response = await t.api.query('v', publishUnder(11), { in: plan(1) }, ['supplier_admin']);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).toBe(
      'Operation runs more than 10 mutations; send the others in another request.',
    );
  });
});
