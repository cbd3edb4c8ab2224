import { join, resolve } from 'node:path';
import {
  ensureNeo4jInstalled,
  LauncherError,
  startBundledNeo4j,
  type BundledNeo4j,
} from '../../db/bundled-neo4j.ts';
import { ConfigError, loadBundledNeo4jConfig, type BundledNeo4jConfig } from '../../config.ts';
import { bundledStoreDir } from '../../runtime/database.ts';
import { DEFAULT_DATA_DIR } from '../../runtime/paths.ts';
import { parseCommandArgs, parseWholeNumber } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { quote } from '../../domain/quote.ts';

const HELP = `Usage: tiersight db [--port P] [--data DIR] [--heap SIZE]

Runs the bundled Neo4j 5.26 (Community, embedded) with Bolt on 127.0.0.1 only and authentication
off, until Ctrl-C. Other commands can then use it with NEO4J_URI=bolt://127.0.0.1:P.
The first run needs Java 17+ and Maven to fetch the jars. The defaults are those \`serve\` and the
other commands use for the bundled Neo4j, so that they all open the same store.

Options:
  --port P      Bolt port (default TIERSIGHT_NEO4J_PORT, else 7687)
  --data DIR    database directory (default TIERSIGHT_DATA_DIR/neo4j, else .data/neo4j in the checkout)
  --heap SIZE   JVM heap, such as 512m or 2g (default TIERSIGHT_NEO4J_HEAP, else 1g)`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(
    'db',
    args,
    { port: { type: 'string' }, data: { type: 'string' }, heap: { type: 'string' } },
    HELP,
  );
  let defaults: BundledNeo4jConfig;
  try {
    defaults = loadBundledNeo4jConfig(process.env, { dataDir: DEFAULT_DATA_DIR });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const port = parseWholeNumber('db', '--port', values.port, 1, 65535) ?? defaults.neo4jPort;
  const heap = values.heap ?? defaults.neo4jHeap;
  if (!/^\d+[mMgG]$/.test(heap)) {
    throw new CliError(
      `db: --heap must be a size in megabytes or gigabytes such as 512m or 2g, got ${quote(heap)}`,
      2,
    );
  }
  const dataDir = resolve(values.data ?? bundledStoreDir(defaults));

  let neo4j: BundledNeo4j;
  try {
    await ensureNeo4jInstalled();
    neo4j = await startBundledNeo4j({ port, dataDir, heap, onLog: (line) => console.error(line) });
  } catch (error) {
    if (error instanceof LauncherError) throw new CliError(error.message);
    throw error;
  }
  console.log(`Neo4j 5.26 (bundled) ready at ${neo4j.uri} in ${neo4j.startupMs} ms (data: ${dataDir})`);

  const reason = await untilStopped(neo4j);
  if (reason === 'signal') {
    console.error('Stopping Neo4j...');
    await neo4j.stop();
    console.error('Neo4j stopped.');
    return;
  }
  throw new CliError(
    // No exit code means a signal ended the JVM (the kernel's OOM killer, a kill -9): "exit code none" said neither.
    `Neo4j ${reason.code === null ? 'was killed by a signal' : `exited unexpectedly with code ${reason.code}`}; see ${join(dataDir, 'logs', 'debug.log')}`,
  );
}

/** Resolves on SIGINT/SIGTERM, or when the JVM exits on its own (a crash, out of memory). */
function untilStopped(neo4j: BundledNeo4j): Promise<'signal' | { code: number | null }> {
  return new Promise((resolveStop) => {
    const onSignal = () => {
      cleanup();
      resolveStop('signal');
    };
    const cleanup = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    void neo4j.exited.then((code) => {
      cleanup();
      resolveStop({ code });
    });
  });
}
