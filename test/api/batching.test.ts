// DataLoader batching: a supplyChain with every nested organization field costs the same number of
// Cypher statements whether it returns 3 organizations or 300.
import { expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();

const QUERY = `{
  me { organization { id name } roles }
  supplyChain(maxDepth: 5) {
    root { id name }
    tiers { tier organizations { id name country } }
    links { id supplier { id name type } customer { id name } }
  }
  organization(id: "v") { id }
}`;

/** A viewer with `width` suppliers per tier for three tiers, everything shared. */
const fan = (width: number) => {
  const g = graph().org('v', 'PURCHASER');
  let previous = ['v'];
  for (let tier = 1; tier <= 3; tier++) {
    const current = Array.from({ length: width }, (_, i) => `t${tier}-${i}`);
    for (const id of current) {
      g.org(id);
      g.link(id, previous[0]!);
      g.link(id, previous.at(-1)!, { id: `${id}>last` });
    }
    for (const owner of previous) if (owner !== 'v') g.share(owner, 'v');
    previous = current;
  }
  return g.build();
};

const statementsFor = async () => {
  await t.api.query('v', QUERY); // the first request of a viewer also checks that its organization exists
  const before = t.db.executor.statementCount;
  const response = await t.api.query('v', QUERY);
  expect(response.errors).toBeUndefined();
  const organizations = (
    response.data!['supplyChain'] as { tiers: { organizations: unknown[] }[] }
  ).tiers.flatMap((t) => t.organizations).length;
  return { statements: t.db.executor.statementCount - before, organizations };
};

it('runs a constant number of Cypher statements, whatever the chain size', async () => {
  await loadGraph(t.db, fan(1));
  const small = await statementsFor();
  await loadGraph(t.db, fan(100));
  const large = await statementsFor();
  expect(small.organizations).toBe(3);
  expect(large.organizations).toBeGreaterThan(100);
  expect(large.statements).toBe(small.statements);
  // traversal + me.organization + visible-organization batch
  expect(small.statements).toBeLessThanOrEqual(3);
});
