// `npm run bench:outage`: the outage drill of test/integration/outage.test.ts on a generated graph.
// Clients ask supplyChain(maxDepth: 10) as different purchasers while the bundled Neo4j is SIGKILLed,
// left dead for a while and restarted on the same store and port. Prints how fast and how the API
// answered during the outage, how soon after Neo4j's readiness it served again, and how many answers
// were wrong; it passes or fails nothing. BENCH_ORGS (default 10000), BENCH_CLIENTS (20),
// BENCH_DOWN_MS (3000). Needs the bundled Neo4j (NEO4J_URI unset): it cannot kill a server of yours.
import {
  describeDrill,
  drillViewers,
  expectedAnswers,
  runOutageDrill,
  startServingApp,
} from '../test/support/outage-drill.ts';
import { coldStartFloorMs, RestartableNeo4j } from '../test/support/restartable-neo4j.ts';
import { benchDatabase, benchViewers } from './environment.ts';
import { fmt } from './stats.ts';

const ORGS = Number(process.env['BENCH_ORGS'] ?? 10_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 20);
const DOWN_MS = Number(process.env['BENCH_DOWN_MS'] ?? 3_000);
const log = (line: string) => console.error(`[bench:outage] ${line}`);

if (process.env['NEO4J_URI']) {
  console.error('bench:outage kills and restarts the bundled Neo4j; unset NEO4J_URI to run it.');
  process.exit(2);
}
const db = await benchDatabase(ORGS, 1, log);
const neo4j = RestartableNeo4j.adopt(db.bundled!.neo4j, db.bundled!.options);
const { app, executor } = await startServingApp(db.executor.driver);
try {
  const url = `${app.url}/graphql`;
  const purchasers = await benchViewers(db.executor, CLIENTS);
  const floorMs = await coldStartFloorMs(neo4j, purchasers[0]!);
  log(`Neo4j alone: ${Math.round(floorMs)} ms from readiness to a cold supplyChain request's statements`);
  const viewers = await drillViewers(purchasers, CLIENTS);
  log(`${CLIENTS} clients as ${new Set(viewers.map((v) => v.viewer)).size} purchasers; warming up`);
  const expected = await expectedAnswers(url, viewers);
  const report = await runOutageDrill({
    url,
    viewers,
    expected,
    neo4j,
    executor,
    downMs: DOWN_MS,
    recoveryWaitMs: 120_000,
    log,
  });
  console.log(`\noutage drill at ${ORGS.toLocaleString('en')} organizations: ${describeDrill(report)}`);
  console.log(
    `RESULT outage_p50_ms=${fmt(report.failureP50Ms)} outage_max_ms=${fmt(report.failureMaxMs)} ` +
      `recovery_ms=${fmt(report.recoveryMs)} wrong_answers=${report.wrongAnswers.length}`,
  );
  console.log(`RESULT neo4j_cold_floor_ms=${fmt(floorMs)} over_floor_ms=${fmt(report.recoveryMs - floorMs)}`);
} finally {
  await app.close();
  await db.close();
  await neo4j.stop();
}
