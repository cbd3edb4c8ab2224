// An API whose Neo4j cannot be reached (nothing listens on the port), for tests of what clients and
// operators see while the database is away. `use` gets the app; everything is closed afterwards.
import { createDriver } from '../../src/graph/driver.ts';
import { Executor } from '../../src/graph/executor.ts';
import type { Logger } from '../../src/observability/logger.ts';
import { silentLogger } from './logs.ts';
import { startApp, type App, type AppOptions } from '../../src/app/server.ts';

export async function withUnreachableNeo4j(
  config: AppOptions['config'],
  use: (app: App) => Promise<void>,
  logger: Logger = silentLogger,
): Promise<void> {
  const driver = createDriver('bolt://127.0.0.1:9', { user: 'neo4j', password: '' });
  const app = await startApp({
    config,
    executor: new Executor(driver, { transactionTimeoutMs: 2_000 }),
    logger,
  });
  try {
    await use(app);
  } finally {
    await app.close();
    await driver.close();
  }
}
