// The Neo4j outage drill shared by test/integration/outage.test.ts and bench/outage.ts: concurrent
// clients ask supplyChain over HTTP while the bundled Neo4j's JVM is SIGKILLed and restarted on the
// same port and data directory; every answer is recorded with its timing, so that one report says
// whether any answer was wrong, how fast the failures were and how soon the API served again.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { percentile } from '../../bench/stats.ts';
import { signToken } from '../../src/auth/tokens.ts';
import { loadConfig } from '../../src/config.ts';
import { Executor } from '../../src/graph/executor.ts';
import type { Logger } from '../../src/observability/logger.ts';
import { silentLogger } from './logs.ts';
import { startApp, type App } from '../../src/app/server.ts';
import type { RestartableNeo4j } from './restartable-neo4j.ts';

export const CHAIN_QUERY = `query Chain($maxDepth: Int) { supplyChain(maxDepth: $maxDepth) {
  root { id } depth
  tiers { tier organizations { id name } }
  links { id supplier { id } customer { id } } } }`;

/** The JWT secret of the app that `startServingApp` starts. */
export const DRILL_SECRET = 'outage-drill-secret-outage-drill-secret';

/**
 * The API as `serve` runs it in production (every default of src/config.ts: transaction timeout,
 * rate and concurrency limits, HTTP timeouts) over `driver`, on a free port.
 */
export async function startServingApp(
  driver: Driver,
  logger: Logger = silentLogger,
): Promise<{ app: App; executor: Executor }> {
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: DRILL_SECRET }, { dataDir: '.data' });
  const executor = new Executor(driver, {
    database: config.neo4j.database,
    transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
  });
  return { app: await startApp({ config: { ...config, port: 0 }, executor, logger }), executor };
}

export interface DrillViewer {
  viewer: string;
  /** A bearer token of this viewer. */
  token: string;
}

/** `clients` users spread over `viewers`, each with a token of their own (as separate people would be). */
export function drillViewers(viewers: readonly string[], clients: number): Promise<DrillViewer[]> {
  return Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const viewer = viewers[i % viewers.length]!;
      return {
        viewer,
        token: await signToken(
          { sub: `drill-${i}@${viewer}`, org: viewer, roles: ['analyst'] },
          DRILL_SECRET,
          3_600,
        ),
      };
    }),
  );
}

export interface Sample {
  client: number;
  viewer: string;
  /** performance.now() at the request's start and at its answer. */
  startedAt: number;
  endedAt: number;
  status: number;
  /** The first error code, null for a complete answer. */
  code: string | null;
  retryAfter: string | null;
  /** For complete answers: whether it equals the viewer's answer before the fault. */
  right: boolean | null;
}

/** A transaction the API ran (admitted by its circuit breaker), as its executor reported it. */
export interface DrillTransaction {
  unit: string;
  startedAt: number;
  endedAt: number;
  /** OK, or the error code. */
  outcome: string;
}

export interface DrillOptions {
  /** The API's /graphql URL. */
  url: string;
  /** One client per entry, looping supplyChain as that viewer. */
  viewers: readonly DrillViewer[];
  /** The right answer of each viewer (see canonicalChain), taken while Neo4j was up. */
  expected: ReadonlyMap<string, string>;
  neo4j: RestartableNeo4j;
  /** The API's executor, to see which transactions reached Neo4j and how long they took. */
  executor: Executor;
  maxDepth?: number;
  /** Pause of each client between two requests; keeps 20 clients from spinning a loaded machine. */
  thinkMs?: number;
  /** Load before the kill, and while Neo4j stays dead before the restart. */
  healthyMs?: number;
  downMs?: number;
  /** After readiness, how long to wait at most for every client to succeed again. */
  recoveryWaitMs?: number;
  log?: (line: string) => void;
}

export interface DrillReport {
  samples: Sample[];
  /** Milliseconds after the drill began. */
  killedAt: number;
  readyAt: number;
  /** Answers that are not the viewer's right answer. */
  wrongAnswers: Sample[];
  /** Every request that did not get a complete answer. */
  failures: Sample[];
  /** Failures that are not a 503 SERVICE_UNAVAILABLE with Retry-After. */
  uncoded: Sample[];
  /** How long failures took, counted from the kill for requests that were already running. */
  failureP50Ms: number;
  failureMaxMs: number;
  /** From readiness to the first complete answer to a request made after the kill (can be < 0). */
  recoveryMs: number;
  /** From readiness until every client had such an answer (Infinity if one never did). */
  allRecoveredMs: number;
  transactions: DrillTransaction[];
  /** From readiness to the start of the first transaction that Neo4j answered (can be < 0). */
  reachedMs: number;
  /**
   * Neo4j's own share of the recovery: the time, after readiness, that the first answered run of
   * each statement took (a restarted Neo4j compiles every plan afresh on a cold JVM).
   */
  coldRunsMs: number;
  /**
   * The most runs of one statement that Neo4j had to start before the first of them ended after the
   * restart: 1 when each plan was compiled once, about the number of clients in a stampede.
   */
  coldRunsAtOnce: number;
  /** Transactions after readiness that the driver could not run (dead pooled connections, say). */
  unavailableAfterReady: number;
}

async function ask(
  url: string,
  token: string,
  maxDepth: number,
): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CHAIN_QUERY, variables: { maxDepth } }),
    // A hanging request is a finding, not a reason for the drill to hang.
    signal: AbortSignal.timeout(60_000),
  });
  return {
    status: response.status,
    body: await response.json(),
    retryAfter: response.headers.get('retry-after'),
  };
}

interface ChainBody {
  data?: { supplyChain?: ChainData } | null;
  errors?: { extensions?: { code?: string } }[];
}
interface ChainData {
  root: { id: string };
  depth: number;
  tiers: { tier: number; organizations: { id: string; name: string }[] }[];
  links: { id: string; supplier: { id: string }; customer: { id: string } }[];
}

/** The answer as text that does not depend on the order of organizations within a tier or of links. */
export function canonicalChain(chain: ChainData): string {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return JSON.stringify({
    ...chain,
    tiers: chain.tiers.map((t) => ({ ...t, organizations: [...t.organizations].sort(byId) })),
    links: [...chain.links].sort(byId),
  });
}

/**
 * Each viewer's answer while the database is up: what every answer during the drill must equal. Asks
 * until it gets one (within `patienceMs`): the first queries of a fresh Neo4j compile their plans,
 * which on a loaded machine can outlast the transaction timeout.
 */
export async function expectedAnswers(
  url: string,
  viewers: readonly DrillViewer[],
  { maxDepth = 10, patienceMs = 120_000 } = {},
): Promise<Map<string, string>> {
  const deadline = performance.now() + patienceMs;
  const answers = new Map<string, string>();
  for (const { viewer, token } of viewers) {
    while (!answers.has(viewer)) {
      const { status, body } = await ask(url, token, maxDepth);
      const chain = (body as ChainBody).data?.supplyChain;
      if (status === 200 && chain !== undefined && (body as ChainBody).errors === undefined) {
        answers.set(viewer, canonicalChain(chain));
      } else if (performance.now() > deadline) {
        throw new Error(`no answer for ${viewer} before the fault: ${status} ${JSON.stringify(body)}`);
      }
    }
  }
  return answers;
}

export async function runOutageDrill(options: DrillOptions): Promise<DrillReport> {
  const {
    url,
    viewers,
    expected,
    neo4j,
    executor,
    maxDepth = 10,
    thinkMs = 50,
    healthyMs = 2_000,
    downMs = 3_000,
    recoveryWaitMs = 90_000,
    log = () => {},
  } = options;
  const began = performance.now();
  const samples: Sample[] = [];
  const transactions: DrillTransaction[] = [];
  const unobserve = executor.observe((unit, seconds, outcome) => {
    const endedAt = performance.now();
    transactions.push({ unit, startedAt: endedAt - seconds * 1000, endedAt, outcome });
  });
  let stopped = false;

  const clients = viewers.length;
  const client = async (index: number) => {
    const { viewer, token } = viewers[index]!;
    while (!stopped) {
      const startedAt = performance.now();
      let sample: Omit<Sample, 'endedAt'>;
      try {
        const { status, body, retryAfter } = await ask(url, token, maxDepth);
        const { data, errors } = body as ChainBody;
        const code = errors === undefined ? null : (errors[0]?.extensions?.code ?? 'NO_CODE');
        const chain = data?.supplyChain;
        const right =
          code === null && chain !== undefined ? canonicalChain(chain) === expected.get(viewer) : null;
        sample = { client: index, viewer, startedAt, status, code, retryAfter, right };
      } catch (error) {
        const code = error instanceof Error ? `CLIENT_${error.name}` : 'CLIENT_ERROR';
        sample = { client: index, viewer, startedAt, status: 0, code, retryAfter: null, right: null };
      }
      samples.push({ ...sample, endedAt: performance.now() });
      await sleep(thinkMs);
    }
  };
  const recoveredSince = (instant: number) => {
    const recovered = new Set<number>();
    for (const s of samples) if (s.code === null && s.startedAt >= instant) recovered.add(s.client);
    return recovered.size;
  };

  const loops = Array.from({ length: clients }, (_, i) => client(i));
  let killedAt: number;
  let readyAt: number;
  try {
    await sleep(healthyMs);
    log(`${samples.length} answers before the kill; killing Neo4j`);
    killedAt = performance.now();
    await neo4j.kill();
    await sleep(downMs);
    log(`restarting Neo4j (${samples.length} answers so far)`);
    readyAt = await neo4j.restart();
    log(`Neo4j ready ${Math.round(readyAt - killedAt)} ms after the kill`);
    const deadline = readyAt + recoveryWaitMs;
    while (recoveredSince(killedAt) < clients && performance.now() < deadline) await sleep(50);
    // A little more load after recovery: answers right after it must be right too.
    await sleep(500);
  } finally {
    stopped = true;
    await Promise.all(loops);
    unobserve();
  }
  return report(samples, transactions, began, killedAt, readyAt, clients);
}

/** Total length of the union of `intervals` clipped to [from, to]. */
function coveredMs(intervals: readonly { startedAt: number; endedAt: number }[], from: number, to: number) {
  let total = 0;
  let reach = from;
  for (const { startedAt, endedAt } of [...intervals].sort((a, b) => a.startedAt - b.startedAt)) {
    const start = Math.max(startedAt, reach);
    const end = Math.min(endedAt, to);
    if (end > start) total += end - start;
    reach = Math.max(reach, end);
  }
  return total;
}

function report(
  samples: Sample[],
  transactions: DrillTransaction[],
  began: number,
  killedAt: number,
  readyAt: number,
  clients: number,
): DrillReport {
  const failures = samples.filter((s) => s.code !== null);
  const uncoded = failures.filter(
    (s) => s.status !== 503 || s.code !== 'SERVICE_UNAVAILABLE' || !/^\d+$/.test(s.retryAfter ?? ''),
  );
  // A request already running when Neo4j died can fail no sooner than the fault: count from there.
  const failureMs = failures.map((s) => s.endedAt - Math.max(s.startedAt, killedAt));
  const firstSuccess = new Map<number, number>();
  for (const s of samples) {
    if (s.code !== null || s.startedAt < killedAt) continue;
    firstSuccess.set(s.client, Math.min(firstSuccess.get(s.client) ?? Infinity, s.endedAt));
  }
  const ends = [...firstSuccess.values()];
  const afterKill = transactions.filter((t) => t.startedAt >= killedAt);
  const answered = afterKill.filter((t) => t.outcome !== 'SERVICE_UNAVAILABLE');
  const coldRuns = new Map<string, DrillTransaction>();
  for (const t of answered)
    if (!coldRuns.has(t.unit) || t.endedAt < coldRuns.get(t.unit)!.endedAt) coldRuns.set(t.unit, t);
  const recoveredAt = Math.min(...ends);
  const atOnce = [...coldRuns.values()].map(
    (first) => answered.filter((t) => t.unit === first.unit && t.startedAt < first.endedAt).length,
  );
  return {
    samples,
    killedAt: killedAt - began,
    readyAt: readyAt - began,
    wrongAnswers: samples.filter((s) => s.right === false),
    failures,
    uncoded,
    failureP50Ms: percentile(failureMs, 50),
    failureMaxMs: failureMs.length === 0 ? 0 : Math.max(...failureMs),
    recoveryMs: Math.min(...ends) - readyAt,
    allRecoveredMs: ends.length < clients ? Infinity : Math.max(...ends) - readyAt,
    transactions,
    reachedMs: Math.min(...answered.map((t) => t.startedAt)) - readyAt,
    coldRunsMs: coveredMs([...coldRuns.values()], readyAt, recoveredAt),
    coldRunsAtOnce: Math.max(0, ...atOnce),
    unavailableAfterReady: afterKill.filter(
      (t) => t.outcome === 'SERVICE_UNAVAILABLE' && t.startedAt >= readyAt,
    ).length,
  };
}

/** One line with the figures, for logs and the benchmark. */
export function describeDrill(r: DrillReport): string {
  const codes = new Map<string, number>();
  for (const s of r.failures) {
    const key = `${s.status} ${s.code}`;
    codes.set(key, (codes.get(key) ?? 0) + 1);
  }
  return [
    `${r.samples.length} requests, ${r.failures.length} failed (${[...codes].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none'})`,
    `failure answer time p50 ${r.failureP50Ms.toFixed(0)} ms, max ${r.failureMaxMs.toFixed(0)} ms`,
    `Neo4j ready ${Math.round(r.readyAt - r.killedAt)} ms after the kill`,
    `first answer ${Math.round(r.recoveryMs)} ms after readiness (Neo4j reached after ${Math.round(r.reachedMs)} ms, ` +
      `its first runs of cold statements ${Math.round(r.coldRunsMs)} ms, at most ${r.coldRunsAtOnce} of one at once), ` +
      `every client ${Math.round(r.allRecoveredMs)} ms`,
    `${r.unavailableAfterReady} transactions failed after readiness`,
    `${r.wrongAnswers.length} wrong answers`,
  ].join('; ');
}
