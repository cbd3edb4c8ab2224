// `npm run bench`, side by side in one run (README "Measured" says what each line means):
// 1. viewers grouped by reach (~1 .. ~10,000 organizations at maxDepth 10), each group's
//    supplyChain timed over HTTP against the floor (bench/floor.ts) and, at depth 4, against the
//    generic peer (bench/peer-server.ts): `RESULT group=…` lines;
// 2. 16 concurrent clients over a 60-purchaser mix: `RESULT throughput_rps=…`;
// 3. the hidden/missing lookup timing of rule 6 (bench/lookup-timing.ts): `RESULT timing …` lines;
// 4. on a graph of its own size (100,000 organizations by default), the chain of viewers with a big
//    reach asked plain and with every organization's disclosures (bench/disclosures.ts):
//    `RESULT disclosures …` lines;
// 5. watch-list screening (bench/screening.ts, no database): precision and recall over the labelled
//    set and the time for 100,000 organizations against 30,000 list entries: `RESULT screening …`;
// 6. on a graph of its own size (20,000 organizations by default), buyers reaching ~1,000 organizations
//    (with every disclosure of their chain shared with them), exposure against the whole risk
//    assessment (bench/risk.ts): `RESULT risk …` lines;
// 7. `tiersight import --reset` of a generated graph (100,000 organizations by default) into a Neo4j
//    of its own, with each side's CPU time (bench/import.ts): `RESULT import …` lines.
// It passes or fails nothing, except that it exits 1 when contenders disagree about a chain.
// BENCH_ONLY=groups,timing,disclosures,screening,risk,import (any of them, comma-separated) runs only those parts ("groups"
// includes the throughput); BENCH_TIMING_VIEWER picks the timing's viewer (the mix's first).
// BENCH_BASELINE=<a working tree of another commit> also measures that commit's API in the disclosures
// and risk parts, viewer by viewer beside this one's, on the same Neo4j (lines tagged api=current / api=baseline),
// and that commit's importer in the import part, round by round (importer=current / importer=baseline).
import { signToken } from '../src/auth/tokens.ts';
import { AIM, measureDisclosures } from './disclosures.ts';
import { measureImport } from './import.ts';
import { RISK_AIM, measureRisk } from './risk.ts';
import { benchDatabase, benchViewers, type BenchDatabase } from './environment.ts';
import { floorQuery } from './floor.ts';
import { GROUPS, groupViewers, measureGroup, type Contenders } from './groups.ts';
import { LOOKUPS, measureLookupTiming } from './lookup-timing.ts';
import { startApi, startPeer, type Server } from './processes.ts';
import { reachBuyers } from './reach-addon.ts';
import { runScreeningBench } from './screening.ts';
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
const WARMUP_SECONDS = knob('BENCH_THROUGHPUT_WARMUP_SECONDS', 15);
const TIMING_TRIES = knob('BENCH_TIMING_TRIES', 200);
const TIMING_VIEWER = process.env['BENCH_TIMING_VIEWER'];
const DISCLOSURE_ORGS = knob('BENCH_DISCLOSURE_ORGS', 100_000);
const DISCLOSURE_REACHES = (process.env['BENCH_DISCLOSURE_REACHES'] ?? '1000,10000').split(',').map(Number);
const DISCLOSURE_BUYERS = knob('BENCH_DISCLOSURE_BUYERS', 2);
const BASELINE = process.env['BENCH_BASELINE'];
const RISK_ORGS = knob('BENCH_RISK_ORGS', 20_000);
const RISK_REACHES = (process.env['BENCH_RISK_REACHES'] ?? '1000').split(',').map(Number);
const RISK_BUYERS = knob('BENCH_RISK_BUYERS', 2);
const IMPORT_ORGS = knob('BENCH_IMPORT_ORGS', 100_000);
const IMPORT_REPEAT = knob('BENCH_IMPORT_REPEAT', 2);
const PARTS = ['groups', 'timing', 'disclosures', 'screening', 'risk', 'import'] as const;
const only = (process.env['BENCH_ONLY'] ?? PARTS.join(',')).split(',').map((p) => p.trim());
const unknownParts = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknownParts.length > 0)
  throw new Error(`BENCH_ONLY names unknown parts: ${unknownParts.join(', ')} (parts: ${PARTS.join(', ')})`);
const runs = (part: (typeof PARTS)[number]) => only.includes(part);
const DEPTH = 10;
const PEER_DEPTH = 4;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const log = (line: string) => console.error(`[bench] ${line}`);
const print = (line: string) => console.log(line);

const access = (bench: { bundled: { neo4j: { uri: string } } | null }) => ({
  uri: bench.bundled?.neo4j.uri ?? process.env['NEO4J_URI'] ?? '',
  user: process.env['NEO4J_USER'] ?? 'neo4j',
  password: process.env['NEO4J_PASSWORD'] ?? '',
});
const started = performance.now();
let mismatches = 0;
if (runs('groups') || runs('timing')) {
  const db = await benchDatabase(ORGS, 1, log);
  const [api, peer] = await Promise.all([startApi(access(db), SECRET), startPeer(access(db), SECRET)]);
  try {
    const mix = await benchViewers(db.executor, MIX);
    if (runs('groups')) mismatches += await compareAndLoad(db, api, peer, mix);
    if (runs('timing')) await measureTiming(db, api, TIMING_VIEWER ?? mix[0]!);
  } finally {
    await Promise.all([api.stop(), peer.stop()]);
    await db.close();
  }
}
// After the other parts' Neo4j has stopped: two bundled ones at once would not fit beside other work.
if (runs('disclosures')) mismatches += await compareDisclosures();
if (runs('screening')) {
  runScreeningBench(print, log, {
    organizations: knob('BENCH_SCREENING_ORGS', 100_000),
    entries: knob('BENCH_SCREENING_ENTRIES', 30_000),
  });
}
if (runs('risk')) await compareRisk();
if (runs('import'))
  await measureImport({
    orgs: IMPORT_ORGS,
    repeat: IMPORT_REPEAT,
    heap: process.env['BENCH_IMPORT_HEAP'] ?? '1g',
    ...(BASELINE ? { baseline: BASELINE } : {}),
    log,
    print,
  });
log(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
if (mismatches > 0) {
  log(`${mismatches} answers disagreed (see MISMATCH above): the figures compare different work`);
  process.exitCode = 1;
}

/** The groups by reach and the throughput; returns how many answers disagreed. */
async function compareAndLoad(
  db: BenchDatabase,
  api: Server,
  peer: Server,
  mix: readonly string[],
): Promise<number> {
  let disagreed = 0;
  const driver = db.executor.driver;
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

  log(
    `throughput: ${CLIENTS} clients over ${mix.length} purchasers for ${SECONDS} s, after ${WARMUP_SECONDS} s of the same load unmeasured`,
  );
  print(
    await measureThroughput({
      apiUrl: api.url,
      apiPid: api.pid,
      neo4jPid: db.bundled?.neo4j.pid ?? null,
      secret: SECRET,
      viewers: mix,
      clients: CLIENTS,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      depth: DEPTH,
    }),
  );
  return disagreed;
}

/**
 * Rule 6 timing: one viewer looks up an organization it may not see (the first generated factory it
 * may not look up), one that does not exist, and one it may see (the last of its chain's deepest tier).
 */
async function measureTiming(db: BenchDatabase, api: Server, timingViewer: string): Promise<void> {
  const driver = db.executor.driver;
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

/**
 * This checkout's API, and with BENCH_BASELINE the baseline tree's beside it on the same Neo4j, each
 * labelled for the RESULT lines (no label without a baseline).
 */
async function startApis(db: BenchDatabase): Promise<{ label: string | null; server: Server }[]> {
  // This checkout's API first: its migrations run before an older one starts.
  const apis = [
    { label: BASELINE === undefined ? null : 'current', server: await startApi(access(db), SECRET) },
  ];
  if (BASELINE !== undefined) {
    try {
      apis.push({ label: 'baseline', server: await startApi(access(db), SECRET, BASELINE) });
    } catch (error) {
      await apis[0]!.server.stop();
      throw error;
    }
  }
  return apis;
}

/** The disclosures part on its own graph; returns how many chains differed with disclosures asked. */
async function compareDisclosures(): Promise<number> {
  let disagreed = 0;
  const db = await benchDatabase(DISCLOSURE_ORGS, 1, log);
  try {
    const viewers = await reachBuyers(db.executor, DISCLOSURE_REACHES, DISCLOSURE_BUYERS, DEPTH, log, true);
    const apis = await startApis(db);
    try {
      print(
        `\nsupplyChain(maxDepth: ${DEPTH}) at ${DISCLOSURE_ORGS.toLocaleString('en')} organizations, plain and with every organization's disclosures (aim: at most ${AIM}x)`,
      );
      for (const viewer of viewers)
        for (const { label, server } of apis)
          disagreed += await measureDisclosures(
            {
              apiUrl: server.url,
              label,
              secret: SECRET,
              apiPid: server.pid,
              neo4jPid: db.bundled?.neo4j.pid ?? null,
              depth: DEPTH,
              log,
            },
            viewer,
            REPEAT,
            print,
          );
    } finally {
      await Promise.all(apis.map(({ server }) => server.stop()));
    }
  } finally {
    await db.close();
  }
  return disagreed;
}

/** The risk part on its own graph: exposure against the whole assessment for the same viewers. */
async function compareRisk(): Promise<void> {
  const db = await benchDatabase(RISK_ORGS, 1, log);
  try {
    const viewers = await reachBuyers(db.executor, RISK_REACHES, RISK_BUYERS, DEPTH, log, true);
    const apis = await startApis(db);
    try {
      print(
        `\nexposure and riskAssessment(maxDepth: ${DEPTH}) at ${RISK_ORGS.toLocaleString('en')} organizations (aim: at most ${RISK_AIM}x)`,
      );
      for (const viewer of viewers)
        for (const { label, server } of apis)
          await measureRisk(
            {
              apiUrl: server.url,
              label,
              apiPid: server.pid,
              neo4jPid: db.bundled?.neo4j.pid ?? null,
              secret: SECRET,
              depth: DEPTH,
            },
            viewer,
            REPEAT,
            print,
          );
    } finally {
      await Promise.all(apis.map(({ server }) => server.stop()));
    }
  } finally {
    await db.close();
  }
}
