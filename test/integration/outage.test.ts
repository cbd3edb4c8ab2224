// Fault injection (issue 9): the API's own Neo4j is SIGKILLed under the load of 20 clients and started
// again on the same port and store. While it is down every request must be refused fast with a coded
// 503; once it is back the API must serve again within seconds, without a restart; and no answer may
// ever be wrong. test/support/outage-drill.ts runs the drill (bench/outage.ts runs it on a big graph).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/graph/driver.ts';
import { Executor } from '../../src/graph/executor.ts';
import { migrate } from '../../src/graph/migrations.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import type { App } from '../../src/app/server.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import {
  describeDrill,
  drillViewers,
  expectedAnswers,
  runOutageDrill,
  startServingApp,
  type DrillReport,
} from '../support/outage-drill.ts';
import { FOR_TESTS } from '../support/neo4j-for-tests.ts';
import { RestartableNeo4j } from '../support/restartable-neo4j.ts';

/**
 * The aim is 2 s (one driver retry, 1 s ± 20 %, after the socket closes), measured by
 * `npm run bench:outage` and printed here. The assertion allows twice that: on a 2-core machine that is
 * also running Neo4j and the test's 20 clients, one request already in flight at the kill was seen at
 * 2.09 s, and a timing bound this tight would make the test flaky rather than the API slow.
 */
const FAIL_WITHIN_MS = 4_000;
const REACH_WITHIN_MS = 2_500;
const RECOVER_WITHIN_MS = 5_000;

/** Four viewers with four different chains (specification, section 2: shares decide how far each sees). */
const example = () =>
  graph()
    .org('p1', 'PURCHASER')
    .org('p2', 'PURCHASER')
    .org('p3', 'PURCHASER')
    .org('p4', 'PURCHASER')
    .org('r1', 'RESELLER')
    .org('b1', 'BRAND')
    .org('b2', 'BRAND')
    .org('f1', 'FACTORY')
    .org('f2', 'FACTORY')
    .org('f3', 'FACTORY')
    .link('r1', 'p1')
    .link('r1', 'p2')
    .link('b1', 'r1')
    .link('f1', 'b1')
    .link('f2', 'b1')
    .link('b2', 'p3')
    .link('f3', 'b2')
    .share('r1', 'p1')
    .share('b1', 'p1')
    .share('b2', 'p3')
    .build();

const tierIds = (answer: string | undefined): Record<number, string[]> => {
  const chain = JSON.parse(answer ?? '{}') as { tiers: { tier: number; organizations: { id: string }[] }[] };
  return Object.fromEntries(chain.tiers.map((t) => [t.tier, t.organizations.map((o) => o.id)]));
};

describe('Neo4j killed under load and restarted', () => {
  let dataDir: string;
  let neo4j: RestartableNeo4j | undefined;
  let driver: Driver | undefined;
  let app: App | undefined;
  let report: DrillReport;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiersight-outage-'));
    // The tests' JVM settings (C1 only): what is measured is the API around Neo4j's first runs, which
    // the drill times apart; they took 9-11 s after readiness with them, 17-35 s without.
    neo4j = await RestartableNeo4j.start({ dataDir, heap: '512m', pagecache: '64m', ...FOR_TESTS });
    // The driver's fail-fast defaults, as `serve` uses them.
    driver = createDriver(neo4j.uri, { user: 'neo4j', password: '' });
    const loader = new Executor(driver, { transactionTimeoutMs: 60_000 });
    await migrate(loader);
    await loadGraph(
      { driver, executor: loader, imports: new ImportRepository(loader), close: async () => {} },
      example(),
    );
    const serving = await startServingApp(driver);
    app = serving.app;

    const url = `${app.url}/graphql`;
    const viewers = await drillViewers(['p1', 'p2', 'p3', 'p4'], 20);
    const expected = await expectedAnswers(url, viewers);
    expect(tierIds(expected.get('p1'))).toEqual({ 1: ['r1'], 2: ['b1'], 3: ['f1', 'f2'] });
    expect(tierIds(expected.get('p2'))).toEqual({ 1: ['r1'] });
    expect(tierIds(expected.get('p3'))).toEqual({ 1: ['b2'], 2: ['f3'] });
    expect(tierIds(expected.get('p4'))).toEqual({});

    report = await runOutageDrill({ url, viewers, expected, neo4j, executor: serving.executor });
    console.log(`outage drill: ${describeDrill(report)}`);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await driver?.close();
    await neo4j?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives no wrong answer, before, during or after the outage', () => {
    expect(report.samples.filter((s) => s.right === true).length).toBeGreaterThan(0);
    expect(report.wrongAnswers).toEqual([]);
  });

  it('refuses while Neo4j is down, every time with 503 SERVICE_UNAVAILABLE and Retry-After', () => {
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.uncoded).toEqual([]);
  });

  it(`answers every refusal fast: within ${FAIL_WITHIN_MS / 1000} s on a loaded machine, aim 2 s (of the kill, for requests already running)`, () => {
    expect(report.failureMaxMs).toBeLessThanOrEqual(FAIL_WITHIN_MS);
  });

  it(`reaches Neo4j again within ${REACH_WITHIN_MS / 1000} s of its readiness, without a restart`, () => {
    expect(report.reachedMs).toBeLessThanOrEqual(REACH_WITHIN_MS);
  });

  it('lets Neo4j compile each cold statement once instead of once per waiting client', () => {
    expect(report.coldRunsAtOnce).toBe(1);
  });

  // A restarted Neo4j compiles every plan afresh on a cold JVM: on the reference machine the first runs
  // of the two statements of a supplyChain request take 5-9 s after readiness (10-60 s while other
  // JVMs load it), the same whether the API or a bare driver sends them. That time is Neo4j's; the API
  // must add no more than 5 s to it, for every client.
  it(`serves every client again within ${RECOVER_WITHIN_MS / 1000} s of readiness, besides Neo4j's first runs`, () => {
    expect(report.allRecoveredMs - report.coldRunsMs).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
  });
});
