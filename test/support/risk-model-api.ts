// The API started with an operator's RISK_MODEL file over the test database, as `serve` would load it:
// what a change of weights or table values does to an assessment.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startApp } from '../../src/app/server.ts';
import { loadConfig } from '../../src/config.ts';
import { postGraphQL, TEST_SECRET } from './api.ts';
import type { Harness } from './harness.ts';
import { silentLogger } from './logs.ts';

/** `query`'s data, asked as `viewer` of an API that reads `content` as its RISK_MODEL file. */
export async function askWithRiskModel(
  { db, api }: Harness,
  content: unknown,
  viewer: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'risk-model-'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(content));
  const config = loadConfig({ RISK_MODEL: join(dir, 'model.json') }, { dataDir: dir });
  const app = await startApp({
    config: { ...config, port: 0, jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false } },
    executor: db.executor,
    logger: silentLogger,
    importStateMaxAgeMs: 3_600_000,
  });
  try {
    const response = await postGraphQL(app.url, `Bearer ${await api.token(viewer)}`, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  } finally {
    await app.close();
  }
}
