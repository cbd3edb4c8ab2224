// Issue 8, item 5: `paths` to an organization that exists but is hidden from the viewer must cost
// what `paths` to an id that exists nowhere costs, or its answer time tells the two apart (contract
// rule 6). Measured as Neo4j's own count of the work (PROFILE db hits), not as a time: the same
// statement, the same parameters but the target, the same total (the statement before the fix, which
// looked the target up by id, did 27 db hits for a hidden one against 17 for a missing one here).
// npm run bench prints the times.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredStatements } from '../../src/graph/cypher.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/exposure/exposure-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

let db: TestDatabase;

const DEPTH = 6;

beforeAll(async () => {
  db = await openTestDatabase();
  // v sees its chain a <- b <- c (a and b shared their sourcing with it); h and its own suppliers exist but v has no way to them, and they
  // are wired densely so that a search that reached for h would do visibly more work.
  let built = graph()
    .org('v', 'PURCHASER')
    .org('a', 'RESELLER')
    .org('b', 'BRAND')
    .org('c', 'FACTORY')
    .link('a', 'v')
    .link('b', 'a')
    .link('c', 'b')
    .share('a', 'v')
    .share('b', 'v')
    .org('h', 'BRAND');
  for (let i = 0; i < 12; i++) built = built.org(`h${i}`, 'FACTORY').link(`h${i}`, 'h').link(`h${i}`, 'c');
  await loadGraph(db, built.build());
});

afterAll(async () => {
  await db?.close();
});

/** Total db hits of a profiled plan. */
function dbHits(plan: { dbHits: number; children: unknown[] }): number {
  return plan.dbHits + plan.children.reduce<number>((sum, child) => sum + dbHits(child as typeof plan), 0);
}

async function profiledPaths(toId: string): Promise<{ hits: number; paths: number }> {
  const paths = registeredStatements().find((s) => s.name === `analysis.paths.depth${DEPTH}`);
  if (paths === undefined) throw new Error('the paths statement is not registered');
  const result = await db.driver.executeQuery(`PROFILE ${paths.text}`, {
    viewer: 'v',
    t: toNeo4jDateTime(new Date()),
    historical: false,
    product: null,
    root: 'v',
    toId,
    depth: DEPTH,
    limit: neo4j.int(10),
  });
  const profile = result.summary.profile;
  if (profile === false) throw new Error('no profile');
  const found: unknown = result.records[0]?.get('paths');
  return { hits: dbHits(profile), paths: Array.isArray(found) ? found.length : -1 };
}

describe('paths to a hidden organization', () => {
  it('does exactly the work of paths to one that does not exist', async () => {
    await profiledPaths('nope'); // plans the statement outside the measurement
    const missing = await profiledPaths('nope');
    for (const hidden of ['h', 'h0', 'h11']) expect(await profiledPaths(hidden), hidden).toEqual(missing);
    expect(missing.paths).toBe(0);
    expect((await profiledPaths('c')).paths).toBe(1);
  });
});
