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
//
// TIERSIGHT_TEST_NEO4J=latest starts the newest calendar-versioned Neo4j instead of the bundled 5.26
// (db/pom.xml, profile neo4j-latest; a JDK 21+ in JAVA_HOME), with Cypher 25 as its database's default
// language, as Neo4j 2026.02+ configures a new server: `npm run test:neo4j-latest`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureNeo4jInstalled, startBundledNeo4j, type Neo4jLine } from '../src/db/bundled-neo4j.ts';
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

  // Read before anything starts, so a mistyped value fails the run at once.
  const line = testedLine();
  const shared = (globalThis.tiersightTestNeo4j ??= startAll(line));
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

function testedLine(): Neo4jLine {
  const value = process.env['TIERSIGHT_TEST_NEO4J'] ?? '';
  if (value === '' || value === 'bundled') return 'bundled';
  if (value === 'latest') return 'latest';
  throw new Error(`TIERSIGHT_TEST_NEO4J must be bundled or latest, got '${value}'`);
}

/**
 * The latest line's extra settings: Cypher 25 as the default language of the database it creates, which
 * the neo4j.conf of Neo4j 2026.02 and later sets for every new server (Aura chooses per instance). The
 * statements must run in Cypher 5 (5.26, older databases) and Cypher 25 alike.
 */
const LATEST_SETTINGS = { 'db.query.default_language': 'CYPHER_25' };

function startAll(line: Neo4jLine): SharedNeo4j {
  const leases = mkdtemp(join(tmpdir(), 'tiersight-test-leases-'));
  const running = (async () => {
    const directory = await leases;
    const installed = ensureNeo4jInstalled({ quiet: true, line });
    const started = await Promise.allSettled(
      Array.from({ length: DATABASE_WORKERS }, async (_, index) => {
        try {
          const { neo4jVersion } = await installed;
          const neo4j = await startNeo4j(line, neo4jVersion).catch((error: unknown) => {
            // A start that outlasted the launcher's limit on a machine busy with the unit tests and
            // other work would fail every file of the db tier: one more try, in a fresh directory.
            console.error(`The bundled Neo4j ${index} did not start; trying once more: ${String(error)}`);
            return startNeo4j(line, neo4jVersion);
          });
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

async function startNeo4j(line: Neo4jLine, version: string): Promise<RunningNeo4j> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tiersight-test-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const neo4j = await startBundledNeo4j({
      dataDir,
      heap: '1g',
      ...FOR_TESTS,
      settings: { ...FOR_TESTS.settings, ...(line === 'latest' ? LATEST_SETTINGS : {}) },
      line,
      onLog: (text) => console.error(`[neo4j] ${text}`),
    });
    console.log(`Bundled Neo4j ${version} for the tests at ${neo4j.uri}, started in ${neo4j.startupMs} ms`);
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
