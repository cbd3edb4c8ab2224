// The driver's default retry budget against a Neo4j that refuses connections (nothing listens on the
// port): every transaction, however unlucky its retry jitter, must give up within 2 s.
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { createDriver } from '../../src/graph/driver.ts';
import { Executor } from '../../src/graph/executor.ts';
import { HealthRepository } from '../../src/graph/health-repository.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

it('20 transactions at once to an unreachable Neo4j each fail with SERVICE_UNAVAILABLE within 2 s', async () => {
  const driver = createDriver(`bolt://127.0.0.1:${await closedPort()}`, { user: 'neo4j', password: '' });
  const health = new HealthRepository(new Executor(driver, { transactionTimeoutMs: 15_000 }));
  try {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const started = performance.now();
        const error: unknown = await health.pendingMigrations().catch((e: unknown) => e);
        return { ms: performance.now() - started, code: (error as { code?: unknown }).code };
      }),
    );
    expect(outcomes.map((o) => o.code)).toEqual(Array(20).fill('SERVICE_UNAVAILABLE'));
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(2_000);
  } finally {
    await driver.close();
  }
});
