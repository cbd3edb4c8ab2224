// Commands get their configuration and database through here, so a bad variable or an unreachable
// Neo4j ends as one clear message instead of a stack trace.
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { LauncherError } from '../db/bundled-neo4j.ts';
import { DatabaseUnreachableError } from '../graph/driver.ts';
import { openDatabase, StoreBehindError, type Database, type Migrations } from '../runtime/database.ts';
import { DEFAULT_DATA_DIR } from '../runtime/paths.ts';
import { CliError } from './cli-error.ts';

export function commandConfig(): Config {
  try {
    return loadConfig(process.env, { dataDir: DEFAULT_DATA_DIR });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

export async function commandDatabase(
  config: Config,
  log = (line: string) => console.error(line),
  migrations: Migrations = 'apply',
): Promise<Database> {
  try {
    return await openDatabase(config, log, migrations);
  } catch (error: unknown) {
    if (error instanceof StoreBehindError) throw new CliError(error.message);
    if (error instanceof LauncherError || error instanceof DatabaseUnreachableError) {
      const hint =
        error instanceof LauncherError && config.neo4j.uri === null
          ? `\nIf \`tiersight serve\` or \`tiersight db\` is already running on this store, point this command at it: NEO4J_URI=bolt://127.0.0.1:${config.neo4jPort}`
          : '';
      throw new CliError(`${error.message}${hint}`);
    }
    throw error;
  }
}

/**
 * Runs `work` with a database and always closes it (and stops a bundled Neo4j this process started).
 * `require`: for a command that only reads, which must find the store migrated and migrate nothing.
 */
export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  migrations: Migrations = 'apply',
): Promise<T> {
  const database = await commandDatabase(commandConfig(), undefined, migrations);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
