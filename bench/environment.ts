// A database holding a generated graph for benchmarks: reuses bench/data/ between runs (the graph
// file, and the Neo4j store with a marker saying which file it holds), so a second run starts fast.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startBundledNeo4j,
  ensureNeo4jInstalled,
  type BundledNeo4j,
  type StartOptions,
} from '../src/db/bundled-neo4j.ts';
import { createDriver } from '../src/graph/driver.ts';
import { Executor } from '../src/graph/executor.ts';
import { migrate } from '../src/graph/migrations.ts';
import { ImportRepository } from '../src/import/import-repository.ts';
import { importGraph } from '../src/import/import-graph.ts';
import { fileOrigin, fileSource } from '../src/import/read-records.ts';
import { REPO_ROOT } from '../src/runtime/paths.ts';
import { writeGraphFile } from '../src/generator/write.ts';
import { ADDON_PREFIX } from './reach-addon.ts';

export const BENCH_DIR = join(REPO_ROOT, 'bench', 'data');

export interface BenchDatabase {
  executor: Executor;
  graphFile: string;
  /** The Neo4j this process started and how (null when NEO4J_URI points elsewhere). */
  bundled: { neo4j: BundledNeo4j; options: StartOptions } | null;
  close(): Promise<void>;
}

export async function benchDatabase(
  orgs: number,
  seed: number,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  // `-d`: generated with disclosures; a file from before them is not reused.
  const graphFile = join(BENCH_DIR, `graph-${orgs}-s${seed}-d.json`);
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(graphFile)) {
    log(`generating ${graphFile}`);
    await writeGraphFile({ orgs, seed, out: graphFile });
  }
  let bundled: BundledNeo4j | null = null;
  let uri = process.env['NEO4J_URI'];
  const dataDir = join(BENCH_DIR, `neo4j-${orgs}-s${seed}`);
  const options: StartOptions = {
    dataDir,
    heap: process.env['BENCH_NEO4J_HEAP'] ?? '3g',
    pagecache: process.env['BENCH_NEO4J_PAGECACHE'] ?? '3g',
  };
  if (!uri) {
    await ensureNeo4jInstalled({ quiet: true });
    bundled = await startBundledNeo4j(options);
    uri = bundled.uri;
    log(`bundled Neo4j at ${uri} (started in ${bundled.startupMs} ms)`);
  }
  const driver = createDriver(uri, {
    user: process.env['NEO4J_USER'] ?? 'neo4j',
    password: process.env['NEO4J_PASSWORD'] ?? '',
  });
  const executor = new Executor(driver, { transactionTimeoutMs: 120_000 });
  await migrate(executor);
  const marker = join(dataDir, 'tiersight-bench-graph.txt');
  // A bundled store remembers which file it holds; an external database is reused when it holds
  // exactly that many organizations besides the reach add-on (set BENCH_REIMPORT=1 to force an import).
  const count = await driver.executeQuery(
    'MATCH (o:Organization) WHERE NOT o.id STARTS WITH $prefix RETURN count(o) AS n',
    { prefix: ADDON_PREFIX },
  );
  const loaded =
    process.env['BENCH_REIMPORT'] !== '1' &&
    (bundled
      ? existsSync(marker) && readFileSync(marker, 'utf8') === graphFile
      : count.records[0]?.get('n') === orgs);
  if (!loaded) {
    log(`importing ${graphFile} (once; the store is kept in ${dataDir})`);
    const outcome = await importGraph(fileSource(graphFile), new ImportRepository(executor), {
      origin: fileOrigin(graphFile),
      reset: true,
    });
    if (!outcome.ok)
      throw new Error(`generated graph failed validation (${outcome.validation.problemCount} problems)`);
    const total = Object.values(outcome.written).reduce((a, b) => a + b, 0);
    log(
      `imported ${total} records in ${outcome.seconds.toFixed(1)} s (${Math.round(total / outcome.seconds)} records/s)`,
    );
    if (bundled) writeFileSync(marker, graphFile);
  }
  return {
    executor,
    graphFile,
    bundled: bundled && { neo4j: bundled, options },
    close: async () => {
      await driver.close();
      await bundled?.stop();
    },
  };
}

/** `count` generated organizations of `types` (purchasers by default) spread over the id range. */
export async function benchViewers(
  executor: Executor,
  count: number,
  types: readonly string[] = ['PURCHASER'],
): Promise<string[]> {
  const ids = (
    await executor.driver.executeQuery(
      'MATCH (o:Organization) WHERE o.type IN $types AND NOT o.id STARTS WITH $prefix RETURN o.id AS id ORDER BY id',
      { types, prefix: ADDON_PREFIX },
    )
  ).records.map((r) => r.get('id') as string);
  return spread(ids, count);
}

/** At most `count` items evenly spaced over `items`, the same ones on every run. */
export function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}
