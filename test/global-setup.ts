// The run's Neo4j: NEO4J_URI when set, else bundled ones on free ports with fresh data directories
// that are removed afterwards, one per worker of the db tier (vitest.config.ts), so that its files can
// run side by side, each resetting only its own database. A file leases a free one with neo4jUri()
// (test/support/neo4j-uri.ts).
//
// Vitest runs every project's global setup before the first test of any project, so waiting here for
// the JVMs would hold up the unit project, which needs no database, by the whole start-up (some 25 s
// on a loaded 2-core machine). The bundled Neo4js start in the background instead: each one, once it
// is ready, writes its Bolt URI to `<i>.uri` in the leases directory (or why it failed to
// `<i>.failed`), and neo4jUri() waits for one.
//
// The db and e2e projects (vitest.config.ts) both list this file, and vitest calls a project's global
// setup once per project that has files queued, each project importing the file through its own module
// runner: module state is not shared between them, the process is. So the running Neo4j is kept on
// globalThis, started by the first project that asks and stopped when the last one tears down.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureNeo4jInstalled, startBundledNeo4j } from '../src/db/bundled-neo4j.ts';
import { announce } from './support/announcement.ts';
import { DATABASE_WORKERS } from './support/database-workers.ts';
import { FOR_TESTS } from './support/neo4j-for-tests.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * NEO4J_URI when set (one database for every file); else empty, and the bundled Neo4js announce
     * themselves in neo4jLeases as they become ready.
     */
    neo4jUris: string[];
    /** How many bundled Neo4js are starting (0 with NEO4J_URI). */
    neo4jDatabases: number;
    /** Where the bundled Neo4js' URIs and the files' leases on them are kept, empty for each run. */
    neo4jLeases: string;
  }
}

declare global {
  var tiersightTestNeo4j: SharedNeo4j | undefined;
}

interface RunningNeo4j {
  uri: string;
  stop(): Promise<void>;
}

interface SharedNeo4j {
  leases: Promise<string>;
  /** Settles once every Neo4j is ready or has failed, with those that are running. */
  running: Promise<RunningNeo4j[]>;
  projects: number;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.NEO4J_URI;
  if (external !== undefined && external !== '') {
    project.provide('neo4jUris', [external]);
    project.provide('neo4jDatabases', 0);
    project.provide('neo4jLeases', '');
    return undefined;
  }

  const shared = (globalThis.tiersightTestNeo4j ??= startAll());
  shared.projects += 1;
  project.provide('neo4jUris', []);
  project.provide('neo4jDatabases', DATABASE_WORKERS);
  project.provide('neo4jLeases', await shared.leases);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    globalThis.tiersightTestNeo4j = undefined;
    const running = await shared.running;
    await Promise.all(running.map((neo4j) => neo4j.stop()));
    await rm(await shared.leases, { recursive: true, force: true });
  };
}

function startAll(): SharedNeo4j {
  const leases = mkdtemp(join(tmpdir(), 'tiersight-test-leases-'));
  const running = (async () => {
    const directory = await leases;
    const installed = ensureNeo4jInstalled({ quiet: true });
    const started = await Promise.allSettled(
      Array.from({ length: DATABASE_WORKERS }, async (_, index) => {
        try {
          await installed;
          const neo4j = await startNeo4j();
          await announce(directory, `${index}.uri`, neo4j.uri);
          return neo4j;
        } catch (error) {
          await announce(
            directory,
            `${index}.failed`,
            error instanceof Error ? error.message : String(error),
          );
          throw error;
        }
      }),
    );
    return started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  })();
  return { leases, running, projects: 0 };
}

async function startNeo4j(): Promise<RunningNeo4j> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiersight-test-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const neo4j = await startBundledNeo4j({
      dataDir,
      heap: '1g',
      ...FOR_TESTS,
      onLog: (line) => console.error(`[neo4j] ${line}`),
    });
    console.log(`Bundled Neo4j 5.26 for the tests at ${neo4j.uri}, started in ${neo4j.startupMs} ms`);
    return {
      uri: neo4j.uri,
      stop: async () => {
        await neo4j.stop();
        await removeDataDir();
      },
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}
