// A test file's own API in production mode over a test database that holds `graph`: for files that
// need settings of their own (rate limits, a captured log), which useApi's shared set-up does not take.
import { afterAll, beforeAll } from 'vitest';
import { startApp, type App } from '../../src/app/server.ts';
import type { RateLimitConfig } from '../../src/config.ts';
import type { Logger } from '../../src/observability/logger.ts';
import { silentLogger } from './logs.ts';
import { TEST_SECRET } from './api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from './database.ts';

export interface ProductionApp {
  db: TestDatabase;
  app: App;
}

export function useProductionApp(
  graph: Parameters<typeof loadGraph>[1],
  settings: { rateLimits?: RateLimitConfig; logger?: Logger } = {},
): ProductionApp {
  const started = {} as ProductionApp;
  beforeAll(async () => {
    started.db = await openTestDatabase();
    await loadGraph(started.db, graph);
    started.app = await startApp({
      config: {
        port: 0,
        host: '127.0.0.1',
        environment: 'production',
        jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
        ...(settings.rateLimits ? { rateLimits: settings.rateLimits } : {}),
      },
      executor: started.db.executor,
      logger: settings.logger ?? silentLogger,
    });
  });
  afterAll(async () => {
    await started.app?.close();
    await started.db?.close();
  });
  return started;
}
