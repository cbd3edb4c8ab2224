// The import's throughput (issue 13.6): a generated graph imported with --reset into a Neo4j of its
// own, timed from validation to the last commit, with the CPU time each side spent. On a machine
// shared with other work the wall-clock rate says more about the neighbours than about the import; the
// CPU seconds (Neo4j's count every thread: Bolt, GC, JIT, checkpoints) compare two versions fairly.
// With a baseline (BENCH_BASELINE, a working tree of another commit) the rounds alternate between its
// importer and this one, on the same Neo4j and file, so that both meet the same neighbours.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNeo4jInstalled, startBundledNeo4j } from '../src/db/bundled-neo4j.ts';
import { createDriver } from '../src/graph/driver.ts';
import { Executor } from '../src/graph/executor.ts';
import { migrate } from '../src/graph/migrations.ts';
import { writeGraphFile } from '../src/generator/write.ts';
import type { Driver } from 'neo4j-driver';
import * as current from '../src/import/import-graph.ts';
import * as currentRepository from '../src/import/import-repository.ts';
import * as currentReader from '../src/import/read-records.ts';
import { BENCH_DIR } from './environment.ts';
import { cpuMs } from './processes.ts';

export interface ImportBenchOptions {
  orgs: number;
  /**
   * Imports in a row into the same Neo4j, each into an emptied store; the first meets a JVM that has
   * compiled nothing yet, so the best rate is the figure.
   */
  repeat: number;
  heap: string;
  /** A working tree whose importer is measured beside this one (rounds alternate). */
  baseline?: string;
  log: (line: string) => void;
  print: (line: string) => void;
}

/** One importer: this tree's or the baseline's, run against the bench's driver. */
interface Importer {
  label: string;
  run(file: string, progress: current.ImportProgress): Promise<current.ImportOutcome>;
}

function importerOf(
  label: string,
  graph: typeof current,
  repository: typeof currentRepository,
  reader: typeof currentReader,
  executor: Executor,
): Importer {
  return {
    label,
    run: (file, progress) =>
      graph.importGraph(reader.fileSource(file), new repository.ImportRepository(executor), {
        origin: reader.fileOrigin(file),
        reset: true,
        // Nobody reads this store: no API process needs the settle time.
        settleMs: 0,
        progress,
      }),
  };
}

/** The baseline tree's importer (its reader too), with its own executor over the same driver. */
async function baselineImporter(tree: string, driver: Driver): Promise<Importer> {
  const load = (path: string) => import(pathToFileURL(resolve(tree, path)).href);
  const graph = (await load('src/import/import-graph.ts')) as typeof current;
  const repository = (await load('src/import/import-repository.ts')) as typeof currentRepository;
  const reader = (await load('src/import/read-records.ts')) as typeof currentReader;
  const { Executor: BaselineExecutor } = (await load('src/graph/executor.ts')) as {
    Executor: typeof Executor;
  };
  return importerOf(
    'baseline',
    graph,
    repository,
    reader,
    new BaselineExecutor(driver, { transactionTimeoutMs: 120_000 }),
  );
}

/** CPU seconds of both sides at each phase change, to tell validation from writing. */
function phaseClock(neo4jPid: number) {
  const now = () => {
    const node = process.cpuUsage();
    return { wall: performance.now(), node: (node.user + node.system) / 1e6, neo4j: cpuMs(neo4jPid) / 1000 };
  };
  const marks: { name: string; at: ReturnType<typeof now> }[] = [];
  const progress: current.ImportProgress = {
    phase: (name) => void marks.push({ name, at: now() }),
    advance() {},
    finish() {},
  };
  const summary = () => {
    const end = now();
    return marks
      .map(({ name, at }, i) => {
        const next = marks[i + 1]?.at ?? end;
        return (
          `${name}_s=${((next.wall - at.wall) / 1000).toFixed(1)} ${name}_node_cpu_s=${(next.node - at.node).toFixed(1)} ` +
          `${name}_neo4j_cpu_s=${(next.neo4j - at.neo4j).toFixed(1)}`
        );
      })
      .join(' ');
  };
  return { progress, summary };
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
    const importers = [importerOf('current', current, currentRepository, currentReader, executor)];
    const emptyStore = () => new currentRepository.ImportRepository(executor).deleteAllData();
    if (o.baseline) importers.push(await baselineImporter(o.baseline, driver));
    o.print(
      `\nimport --reset of ${o.orgs.toLocaleString('en')} generated organizations (Neo4j heap ${o.heap})`,
    );
    for (let round = 1; round <= o.repeat; round++) {
      // Alternate which importer goes first: the first import of all meets an empty store.
      const order = round % 2 === 1 ? importers : [...importers].reverse();
      for (const importer of order) {
        // Every round imports into an empty store, as the first does: the reset's deletion of the
        // previous round's 650,000 records (some 20 s) is not the import's work.
        await emptyStore();
        const neo4jBefore = cpuMs(neo4j.pid);
        const nodeBefore = process.cpuUsage();
        const clock = phaseClock(neo4j.pid);
        const outcome = await importer.run(graphFile, clock.progress);
        if (!outcome.ok) throw new Error(`the generated graph failed validation`);
        const records = Object.values(outcome.written).reduce((a, b) => a + b, 0);
        const node = process.cpuUsage(nodeBefore);
        const nodeCpu = (node.user + node.system) / 1e6;
        const neo4jCpu = (cpuMs(neo4j.pid) - neo4jBefore) / 1000;
        o.log(
          `import round ${round} (${importer.label}): ${records} records in ${outcome.seconds.toFixed(1)} s`,
        );
        o.print(
          `RESULT import${o.baseline ? ` importer=${importer.label}` : ''} ` +
            `records_per_s=${Math.round(records / outcome.seconds)} seconds=${outcome.seconds.toFixed(1)} ` +
            `records=${records} node_cpu_s=${nodeCpu.toFixed(1)} neo4j_cpu_s=${neo4jCpu.toFixed(1)} ` +
            `records_per_cpu_s=${Math.round(records / Math.max(nodeCpu, neo4jCpu))} ${clock.summary()}`,
        );
      }
    }
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}
