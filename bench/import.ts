// The import's throughput (issue 13.6): a generated graph imported with --reset into a Neo4j of its
// own, timed from validation to the last commit, with the CPU time each side spent. On a machine
// shared with other work the wall-clock rate says more about the neighbours than about the import; the
// CPU seconds (Neo4j's count every thread: Bolt, GC, JIT, checkpoints) compare two versions fairly.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNeo4jInstalled, startBundledNeo4j } from '../src/db/bundled-neo4j.ts';
import { createDriver } from '../src/graph/driver.ts';
import { Executor } from '../src/graph/executor.ts';
import { migrate } from '../src/graph/migrations.ts';
import { writeGraphFile } from '../src/generator/write.ts';
import { importGraph } from '../src/import/import-graph.ts';
import { ImportRepository } from '../src/import/import-repository.ts';
import { fileOrigin, fileSource } from '../src/import/read-records.ts';
import { BENCH_DIR } from './environment.ts';
import { cpuMs } from './processes.ts';

export interface ImportBenchOptions {
  orgs: number;
  /** Imports in a row into the same store (each empties it first); the best rate is the figure. */
  repeat: number;
  heap: string;
  log: (line: string) => void;
  print: (line: string) => void;
}

export async function measureImport(o: ImportBenchOptions): Promise<void> {
  const graphFile = join(BENCH_DIR, `graph-${o.orgs}-s1-d.json`);
  mkdirSync(BENCH_DIR, { recursive: true });
  await writeGraphFile({ orgs: o.orgs, seed: 1, out: graphFile });
  const dataDir = join(BENCH_DIR, `import-${o.orgs}`);
  rmSync(dataDir, { recursive: true, force: true });
  await ensureNeo4jInstalled({ quiet: true });
  const neo4j = await startBundledNeo4j({ dataDir, heap: o.heap });
  const driver = createDriver(neo4j.uri, { user: 'neo4j', password: '' });
  try {
    const executor = new Executor(driver, { transactionTimeoutMs: 120_000 });
    await migrate(executor);
    o.print(
      `\nimport --reset of ${o.orgs.toLocaleString('en')} generated organizations (Neo4j heap ${o.heap})`,
    );
    for (let run = 1; run <= o.repeat; run++) {
      const neo4jBefore = cpuMs(neo4j.pid);
      const nodeBefore = process.cpuUsage();
      const outcome = await importGraph(fileSource(graphFile), new ImportRepository(executor), {
        origin: fileOrigin(graphFile),
        reset: true,
        // Nobody reads this store: no API process needs the settle time.
        settleMs: 0,
      });
      if (!outcome.ok) throw new Error(`the generated graph failed validation`);
      const records = Object.values(outcome.written).reduce((a, b) => a + b, 0);
      const node = process.cpuUsage(nodeBefore);
      const nodeCpu = (node.user + node.system) / 1e6;
      const neo4jCpu = (cpuMs(neo4j.pid) - neo4jBefore) / 1000;
      o.log(`import run ${run}: ${records} records in ${outcome.seconds.toFixed(1)} s`);
      o.print(
        `RESULT import records_per_s=${Math.round(records / outcome.seconds)} seconds=${outcome.seconds.toFixed(1)} ` +
          `records=${records} node_cpu_s=${nodeCpu.toFixed(1)} neo4j_cpu_s=${neo4jCpu.toFixed(1)} ` +
          `records_per_cpu_s=${Math.round(records / Math.max(nodeCpu, neo4jCpu))}`,
      );
    }
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}
