// Getting a ready database for a command: the configured NEO4J_URI, or the bundled Neo4j when it is
// unset; then connectivity (with retries) and the schema migrations.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import {
  bundledNeo4jPresent,
  ensureNeo4jInstalled,
  startBundledNeo4j,
  type BundledNeo4j,
} from '../db/bundled-neo4j.ts';
import {
  createDriver,
  DatabaseUnreachableError,
  namedNoDatabase,
  unreachableAdvice,
  waitForDatabase,
} from '../graph/driver.ts';
import { Executor } from '../graph/executor.ts';
import { migrate, missingMigrations } from '../graph/migrations.ts';
import { withoutCredentials } from '../graph/neo4j-uri.ts';

export interface Database {
  uri: string;
  driver: Driver;
  executor: Executor;
  /** The JVM this process started, or null when NEO4J_URI points elsewhere. */
  bundled: BundledNeo4j | null;
  /** The migrations that opening the store applied (none when it was up to date). */
  migrated: string[];
  close(): Promise<void>;
}

/** The bundled Neo4j's store: every command that starts it opens the same one. */
export const bundledStoreDir = (config: Pick<Config, 'dataDir'>) => resolve(config.dataDir, 'neo4j');

/**
 * Which store a command is about to use, said before anything is written: a command run without
 * NEO4J_URI by mistake must not look as if it had written to the server the user meant.
 */
export function describeTarget(
  config: Pick<Config, 'dataDir'> & { neo4j: Pick<Config['neo4j'], 'uri'> },
  exists: (path: string) => boolean = existsSync,
): string {
  if (config.neo4j.uri !== null) {
    // Without any credentials a user may have put in the URI.
    return `Using Neo4j at ${withoutCredentials(config.neo4j.uri)} (NEO4J_URI).`;
  }
  const storeDir = bundledStoreDir(config);
  return exists(storeDir)
    ? `NEO4J_URI is unset: using the bundled store in ${storeDir}.`
    : `NEO4J_URI is unset: creating a NEW, empty bundled store in ${storeDir}.`;
}

/**
 * `apply`: bring the store up to this version first (serve, import, migrate, …). `require`: apply
 * nothing and refuse a store that lacks a migration, for commands that only read (export,
 * export-chain, user-activity): a backup or a data subject's request run with a newer checkout must not
 * migrate a production store under servers of the older version (docs/operations.md, Upgrades).
 */
export type Migrations = 'apply' | 'require';

/** The store lacks migrations of this version, and the command only reads. */
export class StoreBehindError extends Error {}

export async function openDatabase(
  config: Config,
  log: (line: string) => void,
  migrations: Migrations = 'apply',
): Promise<Database> {
  let bundled: BundledNeo4j | null = null;
  if (config.neo4j.uri === null) {
    await ensureNeo4jInstalled({ quiet: true });
    log(describeTarget(config));
    bundled = await startBundledNeo4j({
      port: config.neo4jPort,
      dataDir: bundledStoreDir(config),
      heap: config.neo4jHeap,
    });
    log(`Bundled Neo4j 5.26 started at ${bundled.uri} in ${(bundled.startupMs / 1000).toFixed(1)} s`);
  } else {
    log(describeTarget(config));
  }
  const uri = bundled?.uri ?? config.neo4j.uri ?? '';
  const driver = createDriver(uri, config.neo4j, config.neo4j.failFast);
  const close = async () => {
    await driver.close();
    await bundled?.stop();
  };
  try {
    await waitForDatabase(
      driver,
      uri,
      bundled ? 30_000 : config.neo4j.connectTimeoutMs,
      (attempt, delay, reason) =>
        log(
          `Neo4j at ${withoutCredentials(uri)} not reachable yet (attempt ${attempt}: ${reason}); retrying in ${delay} ms`,
        ),
      unreachableAdvice(bundledNeo4jPresent()),
    );
    const executor = new Executor(driver, {
      database: config.neo4j.database,
      transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
      readRouting: config.neo4j.readRouting,
      retryBudgetMs: config.neo4j.failFast.maxRetryMs,
    });
    const migrated = await (
      migrations === 'apply' ? migrate(executor) : requireMigrated(executor, uri)
    ).catch((error: unknown) => {
      throw missingDatabase(error, uri, config.neo4j.database) ?? error;
    });
    return { uri, driver, executor, bundled, migrated, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function requireMigrated(executor: Executor, uri: string): Promise<string[]> {
  const missing = await missingMigrations(executor);
  if (missing.length === 0) return [];
  throw new StoreBehindError(
    `The store at ${withoutCredentials(uri)} lacks ${missing.length === 1 ? 'migration' : 'migrations'} ${missing.join(', ')} of this version. ` +
      'This command only reads, so it applies none: run `tiersight migrate` first (docs/operations.md, Upgrades), ' +
      "or run this command with the Tiersight version the store's servers run.",
  );
}

/**
 * The server answers, but not for NEO4J_DATABASE: the first statement (the migrations') is where that
 * shows, and it would otherwise surface as a failed 'migration.applied' with the driver's error inside.
 */
function missingDatabase(error: unknown, uri: string, database: string | undefined): Error | null {
  if (database === undefined || !namedNoDatabase(error)) return null;
  return new DatabaseUnreachableError(
    `NEO4J_DATABASE names no database of Neo4j at ${withoutCredentials(uri)}, got "${database}" ` +
      "(unset it to use the server's default database).",
  );
}
