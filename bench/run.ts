// `npm run bench`, side by side in one run (README "Measured" says what each line means):
// 1. viewers grouped by reach (~1 .. ~10,000 organizations at maxDepth 10), each group's
//    supplyChain timed over HTTP against the floor (bench/floor.ts) and, at depth 4, against the
//    generic peer (bench/peer-server.ts): `RESULT group=…` lines;
// 2. 16 concurrent clients over a 60-purchaser mix: `RESULT throughput_rps=…`;
// 3. the hidden/missing lookup timing of rule 6 (bench/lookup-timing.ts): `RESULT timing …` lines.
// It passes or fails nothing, except that it exits 1 when contenders disagree about a chain.
// BENCH_ONLY=timing runs the third alone; BENCH_TIMING_VIEWER picks its viewer (the mix's first).
import { signToken } from '../src/auth/tokens.ts';
import { benchDatabase, benchViewers } from './environment.ts';
import { floorQuery } from './floor.ts';
import { GROUPS, groupViewers, measureGroup, type Contenders } from './groups.ts';
import { LOOKUPS, measureLookupTiming } from './lookup-timing.ts';
import { startApi, startPeer } from './processes.ts';
import { reachBuyers } from './reach-addon.ts';
import { measureThroughput } from './throughput.ts';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ORGS = knob('BENCH_ORGS', 20_000);
const CANDIDATES = knob('BENCH_CANDIDATES', 600);
const PER_GROUP = knob('BENCH_GROUP_VIEWERS', 5);
const ADDON_BUYERS = knob('BENCH_ADDON_BUYERS', 3);
const REPEAT = knob('BENCH_REPEAT', 5);
const PEER_TIMEOUT_MS = knob('BENCH_PEER_TIMEOUT_MS', 60_000);
const MIX = knob('BENCH_VIEWERS', 60);
const CLIENTS = knob('BENCH_CLIENTS', 16);
const SECONDS = knob('BENCH_THROUGHPUT_SECONDS', 30);
const TIMING_TRIES = knob('BENCH_TIMING_TRIES', 200);
const TIMING_ONLY = process.env['BENCH_ONLY'] === 'timing';
const TIMING_VIEWER = process.env['BENCH_TIMING_VIEWER'];
const DEPTH = 10;
const PEER_DEPTH = 4;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const log = (line: string) => console.error(`[bench] ${line}`);
const print = (line: string) => console.log(line);

const db = await benchDatabase(ORGS, 1, log);
const driver = db.executor.driver;
const neo4j = {
  uri: db.bundled?.neo4j.uri ?? process.env['NEO4J_URI'] ?? '',
  user: process.env['NEO4J_USER'] ?? 'neo4j',
  password: process.env['NEO4J_PASSWORD'] ?? '',
};
const [api, peer] = await Promise.all([startApi(neo4j, SECRET), startPeer(neo4j, SECRET)]);
let mismatches = 0;
try {
  const mix = await benchViewers(db.executor, MIX);
  if (!TIMING_ONLY) mismatches = await compareAndLoad(mix);
  await measureTiming(TIMING_VIEWER ?? mix[0]!);
} finally {
  await Promise.all([api.stop(), peer.stop()]);
  await db.close();
}
if (mismatches > 0) {
  log(`${mismatches} answers disagreed (see MISMATCH above): the figures compare different work`);
  process.exitCode = 1;
}

/** The groups by reach and the throughput; returns how many answers disagreed. */
async function compareAndLoad(mix: readonly string[]): Promise<number> {
  let disagreed = 0;
  const addon = await reachBuyers(db.executor, [1_000, 10_000], ADDON_BUYERS, DEPTH, log);
  const contenders: Contenders = {
    apiUrl: api.url,
    peerUrl: peer.url,
    secret: SECRET,
    depth: DEPTH,
    peerDepth: PEER_DEPTH,
    peerTimeoutMs: PEER_TIMEOUT_MS,
    floor: floorQuery(driver, DEPTH),
    log,
  };
  const generated = await benchViewers(db.executor, CANDIDATES, ['PURCHASER', 'RESELLER', 'BRAND']);
  log(`measuring the reach of ${generated.length + addon.length} candidate viewers`);
  const groups = await groupViewers(contenders, [...generated, ...addon], PER_GROUP);
  print(
    `\nsupplyChain(maxDepth: ${DEPTH}) at ${ORGS.toLocaleString('en')} organizations, viewers grouped by reach`,
  );
  for (const group of GROUPS) {
    const viewers = groups.get(group) ?? [];
    if (viewers.length === 0) {
      log(`no viewer reaches about ${group} organizations at this size`);
      continue;
    }
    log(`group ${group}: ${viewers.map((v) => `${v.viewer} (${v.reach})`).join(', ')}`);
    disagreed += await measureGroup(contenders, group, viewers, REPEAT, print);
  }

  log(`throughput: ${CLIENTS} clients over ${mix.length} purchasers for ${SECONDS} s`);
  print(
    await measureThroughput({
      apiUrl: api.url,
      apiPid: api.pid,
      neo4jPid: db.bundled?.neo4j.pid ?? null,
      secret: SECRET,
      viewers: mix,
      clients: CLIENTS,
      seconds: SECONDS,
      depth: DEPTH,
    }),
  );
  return disagreed;
}

/**
 * Rule 6 timing: one viewer looks up an organization it may not see (the first generated factory it
 * may not look up), one that does not exist, and one it may see (the last of its chain's deepest tier).
 */
async function measureTiming(timingViewer: string): Promise<void> {
  const timingToken = await signToken({ sub: 'bench', org: timingViewer, roles: ['analyst'] }, SECRET, 3600);
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${timingToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: {
        organization?: unknown;
        supplyChain?: { tiers: { organizations: { id: string }[] }[] };
      } | null;
    };
  };
  const factories = (
    await driver.executeQuery(
      "MATCH (o:Organization {type: 'FACTORY'})-[:SUPPLIES]->() RETURN DISTINCT o.id AS id ORDER BY id LIMIT 200",
    )
  ).records.map((r) => r.get('id') as string);
  let hiddenId: string | undefined;
  for (const id of factories) {
    if ((await ask(LOOKUPS.organization, { id })).data?.organization === null) {
      hiddenId = id;
      break;
    }
  }
  if (hiddenId === undefined) {
    log('no hidden organization found for the timing check');
    return;
  }
  const chain = await ask(`{ supplyChain(maxDepth: ${DEPTH}) { tiers { organizations { id } } } }`, {});
  const deepest = chain.data?.supplyChain?.tiers.at(-1)?.organizations.at(-1)?.id;
  const ids = { hidden: hiddenId, missing: `${hiddenId.slice(0, -1)}~`, visible: deepest ?? timingViewer };
  log(`timing: viewer ${timingViewer}, hidden ${ids.hidden}, missing ${ids.missing}, visible ${ids.visible}`);
  await measureLookupTiming(ask, ids, TIMING_TRIES, print);
}
