// The usual set-up of an API test file: the test database and the API over HTTP, for all its tests.
import { afterAll, beforeAll } from 'vitest';
import type { TokenSettings } from '../../src/auth/verify-token.ts';
import { startTestApi, type TestApi } from './api.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

export interface Harness {
  db: TestDatabase;
  api: TestApi;
}

export function useApi(
  environment: 'development' | 'production' = 'development',
  tokens: Omit<TokenSettings, 'secret'> = {},
): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.db = await openTestDatabase();
    harness.api = await startTestApi(harness.db, environment, tokens);
  });
  afterAll(async () => {
    await harness.api?.close();
    await harness.db?.close();
  });
  return harness;
}
