// Fault injection: the database under a running API is replaced by an older copy of its store (a
// backup put back, an Aura snapshot restored). The API's bookmarks then name transactions that the
// store never reaches; before, every request failed until the process was restarted. It must serve
// the store as it is now, on its own, and read its own writes again after it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { signToken } from '../../src/auth/tokens.ts';
import { startBundledNeo4j, type BundledNeo4j, type StartOptions } from '../../src/db/bundled-neo4j.ts';
import { createDriver } from '../../src/graph/driver.ts';
import { Executor } from '../../src/graph/executor.ts';
import { migrate } from '../../src/graph/migrations.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import { postGraphQL } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { captureLogger } from '../support/logs.ts';
import { FOR_TESTS } from '../support/neo4j-for-tests.ts';
import { DRILL_SECRET, startServingApp } from '../support/outage-drill.ts';
import { TIER_IDS, tierIdsOf } from '../support/reached.ts';
import { NOT_SHARED, resellerChain, SHARE, SHARED } from '../support/reseller-share.ts';

/** Neo4j's wait for a bookmark (30 s by default), short so that the test does not wait for it long. */
const BOOKMARK_WAIT = '2s';
const RECOVER_WITHIN_MS = 90_000;

const bearer = async (org: string, role: 'analyst' | 'supplier_admin') =>
  `Bearer ${await signToken({ sub: `user@${org}`, org, roles: [role] }, DRILL_SECRET, 3600)}`;

describe('the store replaced under a running API by an older copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiersight-replaced-'));
  const dataDir = join(dir, 'data');
  const backupDir = join(dir, 'backup');
  const options: StartOptions = {
    dataDir,
    heap: '512m',
    pagecache: '64m',
    settings: { ...FOR_TESTS.settings, 'db.transaction.bookmark_ready_timeout': BOOKMARK_WAIT },
    jvmOptions: FOR_TESTS.jvmOptions,
  };
  const logs = captureLogger();
  let neo4j: BundledNeo4j | undefined;
  let driver: Driver | undefined;
  let app: App | undefined;
  let admin: string;
  let buyer: string;
  const ask = (authorization: string, query: string) => postGraphQL(app!.url, authorization, query);

  beforeAll(async () => {
    neo4j = await startBundledNeo4j(options);
    driver = createDriver(neo4j.uri, { user: 'neo4j', password: '' });
    const loader = new Executor(driver, { transactionTimeoutMs: 60_000 });
    await migrate(loader);
    await loadGraph(
      { driver, executor: loader, imports: new ImportRepository(loader), close: async () => {} },
      resellerChain(),
    );
    // The backup: a copy of the stopped store, as `neo4j-admin database dump` would give back.
    await neo4j.stop();
    cpSync(dataDir, backupDir, { recursive: true });
    neo4j = await startBundledNeo4j({ ...options, port: neo4j.port });
    app = (await startServingApp(driver, logs.logger)).app;
    [admin, buyer] = await Promise.all([bearer('reseller', 'supplier_admin'), bearer('buyer', 'analyst')]);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await driver?.close();
    await neo4j?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the older store on its own, then reads its own writes again', { timeout: 300_000 }, async () => {
    // Writes after the backup move this process's bookmarks past the backup's last transaction.
    expect(tierIdsOf(await ask(admin, SHARE).then(() => ask(buyer, TIER_IDS)))).toEqual(SHARED);

    await neo4j!.stop();
    rmSync(dataDir, { recursive: true });
    cpSync(backupDir, dataDir, { recursive: true });
    neo4j = await startBundledNeo4j({ ...options, port: neo4j!.port });
    const restoredAt = performance.now();

    const failures: string[] = [];
    let answer: string[] | null = null;
    while (answer === null && performance.now() - restoredAt < RECOVER_WITHIN_MS) {
      const response = await ask(buyer, TIER_IDS);
      answer = tierIdsOf(response);
      if (answer === null) {
        failures.push(`${response.status} ${response.errors?.[0]?.extensions?.code}`);
        await sleep(250);
      }
    }
    // The share made after the backup is gone with the store it was written to.
    expect(answer, `no answer within ${RECOVER_WITHIN_MS / 1000} s: ${failures.join(', ')}`).toEqual(
      NOT_SHARED,
    );
    // While Neo4j starts and the store is found older, requests are refused as unavailable, never
    // answered wrongly or with an internal error.
    expect(failures.filter((f) => f !== '503 SERVICE_UNAVAILABLE')).toEqual([]);
    expect(logs.lines.filter((l) => l['level'] === 'warn').map((l) => l['msg'])).toContain(
      'The database is older than transactions this process committed (a backup or snapshot put back?): serving it as it is now',
    );

    // The new history of bookmarks starts with the next write: the read after it sees it.
    const shared = await ask(admin, SHARE);
    expect(shared.errors).toBeUndefined();
    expect(tierIdsOf(await ask(buyer, TIER_IDS))).toEqual(SHARED);
  });
});
