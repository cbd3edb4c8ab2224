// The cost of disclosures in a chain (issue 12): the same viewer's supplyChain asked plain and asked
// with every organization's disclosures and their actions, interleaved (each round starts with the
// other query, so drift on a busy machine hits both alike). The aim: asking for disclosures costs at
// most 1.3x the plain chain. Beside the wall-clock times, the CPU time each request cost the API
// process and the Neo4j JVM (from /proc), which other work on a busy machine changes far less.
import { signToken } from '../src/auth/tokens.ts';
import { CHAIN, apiChainIds, post } from './clients.ts';
import { sameChain } from './floor.ts';
import { cpuMs } from './processes.ts';
import { fmt, percentile } from './stats.ts';

export const AIM = 1.3;

/** The bench's chain query, each organization also with what it discloses (contract section 8). */
export const CHAIN_WITH_DISCLOSURES = CHAIN.replace(
  'organizations { id name type country }',
  'organizations { id name type country disclosures { id kind title actions { id status overdue } } }',
);

interface Answer {
  supplyChain: { tiers: { organizations: { disclosures: { actions: { overdue: boolean }[] }[] }[] }[] };
}

/** How many organizations show disclosures, how many disclosures and actions, how many overdue. */
function disclosed(data: unknown) {
  const organizations = (data as Answer).supplyChain.tiers.flatMap((t) => t.organizations);
  const disclosures = organizations.flatMap((o) => o.disclosures);
  const actions = disclosures.flatMap((d) => d.actions);
  return {
    organizations: organizations.length,
    withDisclosures: organizations.filter((o) => o.disclosures.length > 0).length,
    disclosures: disclosures.length,
    actions: actions.length,
    overdue: actions.filter((a) => a.overdue).length,
  };
}

export interface DisclosureBench {
  apiUrl: string;
  /** Which API the line measures, when the bench runs two (BENCH_BASELINE); null otherwise. */
  label: string | null;
  secret: string;
  /** The API's process, whose CPU time is read. */
  apiPid: number;
  /** The bundled Neo4j's JVM; null when the bench uses a Neo4j of yours (its CPU is then not read). */
  neo4jPid: number | null;
  depth: number;
  log: (line: string) => void;
}

interface Samples {
  ms: number[];
  apiCpuMs: number;
  neo4jCpuMs: number;
}

const samplesOf = (): Samples => ({ ms: [], apiCpuMs: 0, neo4jCpuMs: 0 });

/** Runs one request and adds its time and both sides' CPU time to `samples`. */
async function timed(b: DisclosureBench, samples: Samples, run: () => Promise<unknown>): Promise<void> {
  const api = cpuMs(b.apiPid);
  const neo4j = b.neo4jPid === null ? 0 : cpuMs(b.neo4jPid);
  const started = performance.now();
  await run();
  samples.ms.push(performance.now() - started);
  samples.apiCpuMs += cpuMs(b.apiPid) - api;
  samples.neo4jCpuMs += b.neo4jPid === null ? 0 : cpuMs(b.neo4jPid) - neo4j;
}

/** Mean CPU ms per request of each side, and the ratio of their sums (with over plain). */
function cpu(plain: Samples, rich: Samples): string {
  const per = (s: Samples, ms: number) => (ms / s.ms.length).toFixed(1);
  const ratio = (rich.apiCpuMs + rich.neo4jCpuMs) / Math.max(1, plain.apiCpuMs + plain.neo4jCpuMs);
  return (
    `plain_api_cpu_ms=${per(plain, plain.apiCpuMs)} with_api_cpu_ms=${per(rich, rich.apiCpuMs)} ` +
    `plain_neo4j_cpu_ms=${per(plain, plain.neo4jCpuMs)} with_neo4j_cpu_ms=${per(rich, rich.neo4jCpuMs)} ` +
    `cpu_ratio=${ratio.toFixed(2)}`
  );
}

/** Times one viewer's two queries and prints a RESULT line; returns 1 when the chains disagree. */
export async function measureDisclosures(
  b: DisclosureBench,
  viewer: string,
  repeat: number,
  print: (line: string) => void,
): Promise<number> {
  const token = await signToken({ sub: 'bench', org: viewer, roles: ['analyst'] }, b.secret, 3600);
  const plain = () => post(b.apiUrl, token, CHAIN, { d: b.depth });
  const withDisclosures = () => post(b.apiUrl, token, CHAIN_WITH_DISCLOSURES, { d: b.depth });
  // Warm-up, which also checks that both answers list the same chain.
  const rich = await withDisclosures();
  const mismatch = !sameChain(apiChainIds(await plain()), apiChainIds(rich));
  if (mismatch) b.log(`MISMATCH: the chain of ${viewer} differs when disclosures are asked for`);
  const seen = disclosed(rich);
  const samples = { plain: samplesOf(), with: samplesOf() };
  const runs = [() => timed(b, samples.plain, plain), () => timed(b, samples.with, withDisclosures)];
  for (let i = 0; i < repeat; i++) for (let j = 0; j < runs.length; j++) await runs[(i + j) % 2]!();
  const p = (s: Samples, q: number) => percentile(s.ms, q);
  const ratio = p(samples.with, 50) / p(samples.plain, 50);
  print(
    `RESULT disclosures ${b.label === null ? '' : `api=${b.label} `}viewer=${viewer} reach=${seen.organizations} ` +
      `plain_p50_ms=${fmt(p(samples.plain, 50))} plain_p95_ms=${fmt(p(samples.plain, 95))} ` +
      `with_p50_ms=${fmt(p(samples.with, 50))} with_p95_ms=${fmt(p(samples.with, 95))} ` +
      `ratio=${ratio.toFixed(2)} p95_ratio=${(p(samples.with, 95) / p(samples.plain, 95)).toFixed(2)} ` +
      `aim=${AIM} ${ratio <= AIM ? 'met' : 'missed'} organizations_with_disclosures=${seen.withDisclosures} ` +
      `disclosures=${seen.disclosures} actions=${seen.actions} overdue=${seen.overdue} ` +
      `${cpu(samples.plain, samples.with)} samples=${samples.plain.ms.length}`,
  );
  return mismatch ? 1 : 0;
}
