// Neo4j's own count of a statement's work (PROFILE db hits), for the abuse tests that show a lookup of
// something hidden costs what a lookup of something missing costs (contract rule 6). A count, unlike a
// time, is exact on a loaded machine.
import type { ProfiledPlan, Record as Neo4jRecord } from 'neo4j-driver';
import { registeredStatements } from '../../src/graph/cypher.ts';
import type { TestDatabase } from './database.ts';

const dbHits = (plan: ProfiledPlan): number =>
  plan.dbHits + plan.children.reduce((sum, child) => sum + dbHits(child), 0);

/**
 * Runs the registered statement `name` (its module must have been imported) under PROFILE: its records
 * and the total db hits of its plan.
 */
export async function profiled(
  db: TestDatabase,
  name: string,
  params: Record<string, unknown>,
): Promise<{ hits: number; records: Neo4jRecord[] }> {
  const found = registeredStatements().find((s) => s.name === name);
  if (found === undefined) throw new Error(`the statement ${name} is not registered`);
  const result = await db.driver.executeQuery(`PROFILE ${found.text}`, params);
  const profile = result.summary.profile;
  if (profile === false) throw new Error(`no profile of ${name}`);
  return { hits: dbHits(profile), records: result.records };
}
