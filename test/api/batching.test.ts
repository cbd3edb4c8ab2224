// DataLoader batching: a supplyChain with every nested organization field costs the same number of
// Cypher statements whether it returns 3 organizations or 300.
import { expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { countStatements } from '../support/statement-count.ts';

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
  const { answer: response, statements } = await countStatements(t.db.executor, () =>
    t.api.query('v', QUERY),
  );
  expect(response.errors).toBeUndefined();
  const organizations = (
    response.data!['supplyChain'] as { tiers: { organizations: unknown[] }[] }
  ).tiers.flatMap((t) => t.organizations).length;
  return { statements, organizations };
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

it('reads the tiers’ risk indicators with the chain at its own instant, and any other instant in one batch', async () => {
  await loadGraph(
    t.db,
    graph()
      .org('v', 'PURCHASER')
      .org('a')
      .org('b')
      .org('c')
      .link('a', 'v')
      .link('b', 'a')
      .link('c', 'b')
      .share('a', 'v')
      .share('b', 'v')
      .risk('a', { id: 'r-a-2' })
      .risk('a', { id: 'r-a-1' })
      .risk('a', { id: 'r-a-0', severity: 'CRITICAL' })
      .risk('b', { id: 'r-b', severity: 'LOW' })
      .build(),
  );
  const chainWith = (fields: string, asOf = '') =>
    `{ supplyChain(maxDepth: 3${asOf && `, asOf: "${asOf}"`}) { tiers { organizations { id ${fields} } } } }`;
  const statements = async (query: string) => {
    const { answer: response, statements: count } = await countStatements(t.db.executor, () =>
      t.api.query('v', query),
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return {
      count,
      organizations: (
        response.data!['supplyChain'] as {
          tiers: { organizations: { id: string; risks: { id: string }[]; later: { id: string }[] }[] }[];
        }
      ).tiers.flatMap((tier) => tier.organizations),
    };
  };
  // One more indicator, recorded after an instant the chain is then asked at.
  const then = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await t.db.executor.driver.executeQuery(
    `MATCH (b:Organization {id: 'b'}) SET b:RiskSubject
     CREATE (b)-[:HAS_RISK]->(:RiskIndicator {id: 'r-b-later', kind: 'REPORT', source: 'Test source',
       severity: 'HIGH', recordedAt: datetime()})`,
  );
  const plain = await statements(chainWith(''));
  const now = await statements(chainWith('risks { id severity }'));
  const both = await statements(chainWith('risks { id } later: risks(asOf: "3000-01-01T00:00:00Z") { id }'));
  expect(now.count).toBe(plain.count);
  expect(both.count).toBe(plain.count + 1);
  const risksOf = (id: string) => now.organizations.find((o) => o.id === id)!.risks.map((r) => r.id);
  expect(risksOf('a')).toEqual(['r-a-0', 'r-a-1', 'r-a-2']);
  expect(risksOf('b')).toEqual(['r-b-later', 'r-b']);
  expect(risksOf('c')).toEqual([]);
  for (const o of both.organizations) expect(o.later).toEqual(o.risks);
  // At an instant in the past (before r-b-later was recorded) the chain reads them as recorded by
  // then, with the chain, for the field without an asOf of its own (it is the chain's instant), and
  // another instant in one batch.
  const plainThen = await statements(chainWith('', then));
  const atThen = await statements(
    chainWith('risks { id } later: risks(asOf: "3000-01-01T00:00:00Z") { id }', then),
  );
  expect(atThen.count).toBe(plainThen.count + 1);
  const b = atThen.organizations.find((o) => o.id === 'b')!;
  expect(b.risks.map((r) => r.id)).toEqual(['r-b']);
  expect(b.later.map((r) => r.id)).toEqual(['r-b-later', 'r-b']);
});
