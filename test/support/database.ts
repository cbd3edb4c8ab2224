// The real Neo4j started by test/global-setup.ts (or NEO4J_URI), with helpers to load documents.
import type { Driver } from 'neo4j-driver';
import type { TiersightFile } from '../../src/domain/format.ts';
import { createDriver } from '../../src/graph/driver.ts';
import { Executor } from '../../src/graph/executor.ts';
import { migrate } from '../../src/graph/migrations.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import { importGraph, type ImportOutcome } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { neo4jUri } from './neo4j-uri.ts';

export const TEST_ORIGIN = { source: 'the test graph', command: 'loadGraph()' };

export interface TestDatabase {
  driver: Driver;
  executor: Executor;
  imports: ImportRepository;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const driver = createDriver(
    neo4jUri(),
    { user: process.env['NEO4J_USER'] ?? 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? '' },
    // Patient: tests share a loaded machine; fail-fast behaviour has tests of its own.
    { connectionTimeoutMs: 60_000, acquisitionTimeoutMs: 60_000, maxRetryMs: 30_000 },
  );
  const executor = new Executor(driver, { transactionTimeoutMs: 60_000, retryBudgetMs: 30_000 });
  await migrate(executor);
  return { driver, executor, imports: new ImportRepository(executor), close: () => driver.close() };
}

/** Replaces the whole database with `file`; fails the test with every problem if the file is bad. */
export async function loadGraph(
  db: TestDatabase,
  file: TiersightFile | Record<string, unknown>,
): Promise<ImportOutcome> {
  const outcome = await importGraph(documentSource({ ...file }), db.imports, {
    origin: TEST_ORIGIN,
    reset: true,
    settleMs: 0, // the API of a test lives in this process and hears of the import run at once
  });
  if (!outcome.ok)
    throw new Error(`test graph is invalid:\n${outcome.validation.problems.map(formatProblem).join('\n')}`);
  return outcome;
}

/** The rows a statement of the test's own answers, as plain objects (for checks of what is stored). */
export async function rowsOf(
  db: TestDatabase,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const { records } = await db.driver.executeQuery(cypher, params);
  return records.map((r) => r.toObject());
}

/**
 * How many organizations, SUPPLIES links, shares and risk indicators the database holds, for tests whose
 * point is how many there are. It sees nothing else (no event, disclosure, key or property): that a
 * request wrote nothing is shown by comparing dumpGraph (test/support/graph-dump.ts) from before it.
 */
export async function countAll(db: TestDatabase): Promise<Record<string, number>> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
     CALL () { MATCH ()-[l:SUPPLIES]->() RETURN count(l) AS links }
     CALL () { MATCH (s:Share) RETURN count(s) AS shares }
     CALL () { MATCH (r:RiskIndicator) RETURN count(r) AS risks }
     RETURN organizations, links, shares, risks`,
  );
  return records[0]!.toObject() as Record<string, number>;
}
