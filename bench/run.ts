// `npm run bench`: supplyChain(maxDepth: 10) over HTTP against the bare Cypher of the same traversal
// through the driver (the floor), for the same viewers in the same run. Prints figures and ratios;
// it passes or fails nothing. Then the hidden/missing lookup timing of rule 6 (bench/lookup-timing.ts).
// BENCH_ORGS (default 100000), BENCH_VIEWERS (60), BENCH_REPEAT (8), BENCH_TIMING_TRIES (200).
import { signToken } from '../src/auth/tokens.ts';
import { toNeo4jDateTime } from '../src/graph/mappers.ts';
import { SUPPLY_CHAIN_BY_DEPTH } from '../src/modules/supply-chain/supply-chain-repository.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startApp } from '../src/app/server.ts';
import { benchDatabase, benchViewers } from './environment.ts';
import { LOOKUPS, measureLookupTiming } from './lookup-timing.ts';
import { fmt, percentile } from './stats.ts';

const ORGS = Number(process.env['BENCH_ORGS'] ?? 100_000);
const VIEWERS = Number(process.env['BENCH_VIEWERS'] ?? 60);
const REPEAT = Number(process.env['BENCH_REPEAT'] ?? 8);
const TIMING_TRIES = Number(process.env['BENCH_TIMING_TRIES'] ?? 200);
const DEPTH = 10;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const log = (line: string) => console.error(`[bench] ${line}`);

const QUERY = `query Chain($d: Int) { supplyChain(maxDepth: $d) {
  depth tiers { tier organizations { id name type country } }
  links { id products supplier { id } customer { id } } } }`;
const EXPOSURE = `query Exposure($d: Int) { exposure(maxDepth: $d) {
  closestTier findings { tier severity organization { id name } path { id } indicators { kind source } }
  blindSpots { id } } }`;

const db = await benchDatabase(ORGS, 1, log);
const app = await startApp({
  config: {
    port: 0,
    host: '127.0.0.1',
    environment: 'production',
    jwt: { secret: SECRET, usingDevelopmentSecret: false },
  },
  executor: db.executor,
  logger: createLogger('warn'),
});
const floorQuery = SUPPLY_CHAIN_BY_DEPTH[DEPTH - 1]!;

const viewers = await benchViewers(db.executor, VIEWERS);

const floor = async (viewer: string) => {
  const started = performance.now();
  const { records } = await db.executor.driver.executeQuery(
    floorQuery.text,
    { viewer, root: viewer, depth: DEPTH, t: toNeo4jDateTime(new Date()), historical: false, product: null },
    { routing: 'READ' },
  );
  const reached = (records[0]?.get('reached') as unknown[] | undefined)?.length ?? 0;
  return { ms: performance.now() - started, reached };
};
const api = async (viewer: string, token: string, query = QUERY) => {
  const started = performance.now();
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { d: DEPTH } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`API error for ${viewer}: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
};

const apiMs: number[] = [];
const floorMs: number[] = [];
const exposureMs: number[] = [];
const sizes: number[] = [];
log(`${viewers.length} viewers x ${REPEAT} runs, maxDepth ${DEPTH}, ${ORGS} organizations`);
for (const viewer of viewers) {
  const token = await signToken({ sub: 'bench', org: viewer, roles: ['analyst'] }, SECRET, 3600);
  await api(viewer, token); // warm-up: plan cache, page cache, JIT
  await api(viewer, token, EXPOSURE);
  const { reached } = await floor(viewer);
  sizes.push(reached);
  // Alternate API and floor so that drift on this noisy machine hits both alike.
  for (let i = 0; i < REPEAT; i++) {
    apiMs.push(await api(viewer, token));
    floorMs.push((await floor(viewer)).ms);
    exposureMs.push(await api(viewer, token, EXPOSURE));
  }
}
// Rule 6 timing: one viewer looks up an organization it may not see, and one that does not exist.
const timingViewer = viewers[0]!;
const timingToken = await signToken({ sub: 'bench', org: timingViewer, roles: ['analyst'] }, SECRET, 3600);
const ask = async (query: string, variables: Record<string, unknown>) => {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${timingToken}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: { organization?: unknown } | null };
};
const candidates = (
  await db.executor.driver.executeQuery(
    "MATCH (o:Organization {type: 'FACTORY'})-[:SUPPLIES]->() RETURN DISTINCT o.id AS id ORDER BY id LIMIT 200",
  )
).records.map((r) => r.get('id') as string);
let hiddenId: string | undefined;
for (const id of candidates) {
  if ((await ask(LOOKUPS.organization, { id })).data?.organization === null) {
    hiddenId = id;
    break;
  }
}
if (hiddenId === undefined) {
  log('no hidden organization found for the timing check');
} else {
  const missingId = `${hiddenId.slice(0, -1)}~`;
  log(`timing: viewer ${timingViewer}, hidden ${hiddenId}, missing ${missingId}`);
  await measureLookupTiming(ask, hiddenId, missingId, TIMING_TRIES, (line) => console.log(line));
}

await app.close();
await db.close();

const row = (name: string, samples: number[]) =>
  `${name.padEnd(22)} ${fmt(percentile(samples, 50)).padStart(8)} ${fmt(percentile(samples, 95)).padStart(8)} ${fmt(percentile(samples, 99)).padStart(8)}`;
console.log(
  `\nsupplyChain(maxDepth: ${DEPTH}) at ${ORGS.toLocaleString('en')} organizations, ${viewers.length} viewers x ${REPEAT}`,
);
console.log(`${'ms'.padEnd(22)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`);
console.log(row('API (HTTP, GraphQL)', apiMs));
console.log(row('floor (Cypher, driver)', floorMs));
console.log(row('exposure (HTTP)', exposureMs));
console.log(
  `reachable organizations per viewer: min ${Math.min(...sizes)}, median ${percentile(sizes, 50)}, p95 ${percentile(sizes, 95)}, max ${Math.max(...sizes)}`,
);
const ratio = percentile(apiMs, 50) / percentile(floorMs, 50);
console.log(`ratio API/floor at p50: ${ratio.toFixed(2)}`);
console.log(`RESULT p50_ratio=${ratio.toFixed(2)} p99_ms=${fmt(percentile(apiMs, 99))} orgs=${ORGS}`);
const exposureRatio = percentile(exposureMs, 50) / percentile(apiMs, 50);
console.log(
  `RESULT exposure_p50_ms=${fmt(percentile(exposureMs, 50))} exposure_ratio=${exposureRatio.toFixed(2)}`,
);
