// The cost of the risk assessment (issue 15): the same viewer's `exposure` and `riskAssessment` on the
// same chain, interleaved (each round starts with the other query, so drift on a busy machine hits
// both alike), and the ranking alone (the same statement and model with a small answer). The aim: the
// whole assessment costs at most 2x exposure. Each request's CPU time is read from /proc on both sides
// (the API's process and Neo4j's JVM; requests run one at a time), which load changes much less than
// wall-clock time. The dashboard's own question (every score lean, the inputs of the top 50 alone) is
// timed beside them, since that is what most users' requests for a big chain's ranking look like.
import { signToken } from '../src/auth/tokens.ts';
import { post } from './clients.ts';
import { cpuMs } from './processes.ts';
import { fmt, percentile } from './stats.ts';
import { riskOperation } from '../web/src/risk.ts';
import { ALL_CAPABILITIES } from '../web/src/api.ts';

export const RISK_AIM = 2;

const EXPOSURE = `query Exposure($d: Int) { exposure(maxDepth: $d) {
  closestTier findings { tier organization { id } indicators { id } disclosedIndicators { kind } }
  blindSpotDetails { tier organization { id } recommendation } } }`;

const RISK = `query Risk($d: Int) { riskAssessment(maxDepth: $d) {
  organizations { rank score tier organization { id name country } components { name value weight contribution inputs { label value source } } }
  summary { byTier { tier organizations meanScore maxScore } byCountry { country maxScore } byComponent { name share } }
  actions { kind text organization { id } } } }`;

/** What the dashboard asks, at depth $maxDepth: every score lean, the top's inputs. */
const DASHBOARD = riskOperation({ maxDepth: 0, rootId: null, asOf: '', product: '' }, ALL_CAPABILITIES).query;

/** The ranking alone: the same statement and model, a small answer (what the inputs' size costs). */
const RANKING = `query Ranking($d: Int) { riskAssessment(maxDepth: $d) { organizations { rank score organization { id } } } }`;

interface RiskAnswer {
  riskAssessment: { organizations: { components: { name: string; value: number }[] }[]; actions: unknown[] };
}

export interface RiskBench {
  apiUrl: string;
  /** Which API the line measures, when the bench runs two (BENCH_BASELINE); null otherwise. */
  label: string | null;
  apiPid: number;
  /** Null when the bench uses a Neo4j it did not start (NEO4J_URI). */
  neo4jPid: number | null;
  secret: string;
  depth: number;
}

interface Sample {
  ms: number;
  apiCpuMs: number;
  neo4jCpuMs: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Times one viewer's two queries and prints a RESULT line. */
export async function measureRisk(
  b: RiskBench,
  viewer: string,
  repeat: number,
  print: (line: string) => void,
): Promise<void> {
  const token = await signToken({ sub: 'bench', org: viewer, roles: ['analyst'] }, b.secret, 3600);
  const exposure = () => post(b.apiUrl, token, EXPOSURE, { d: b.depth });
  const risk = () => post(b.apiUrl, token, RISK, { d: b.depth });
  const ranking = () => post(b.apiUrl, token, RANKING, { d: b.depth });
  const dashboard = () => post(b.apiUrl, token, DASHBOARD, { maxDepth: b.depth });
  const neo4jCpu = () => (b.neo4jPid === null ? NaN : cpuMs(b.neo4jPid));
  const timed = async (run: () => Promise<unknown>): Promise<Sample> => {
    const [api, db, started] = [cpuMs(b.apiPid), neo4jCpu(), performance.now()];
    await run();
    const ms = performance.now() - started;
    return { ms, apiCpuMs: cpuMs(b.apiPid) - api, neo4jCpuMs: neo4jCpu() - db };
  };
  // Warm-up, which also tells what the assessment held.
  await exposure();
  await dashboard();
  const { riskAssessment } = (await risk()) as RiskAnswer;
  const evidenced = riskAssessment.organizations.filter(
    (o) => o.components.find((c) => c.name === 'DISCLOSED_EVIDENCE')!.value !== 0,
  ).length;
  const samples = {
    exposure: [] as Sample[],
    risk: [] as Sample[],
    ranking: [] as Sample[],
    dashboard: [] as Sample[],
  };
  const runs = [
    async () => void samples.exposure.push(await timed(exposure)),
    async () => void samples.risk.push(await timed(risk)),
    async () => void samples.ranking.push(await timed(ranking)),
    async () => void samples.dashboard.push(await timed(dashboard)),
  ];
  for (let i = 0; i < repeat; i++) for (let j = 0; j < runs.length; j++) await runs[(i + j) % runs.length]!();
  const p = (xs: Sample[], q: number) =>
    percentile(
      xs.map((x) => x.ms),
      q,
    );
  const ratio = p(samples.risk, 50) / p(samples.exposure, 50);
  // Mean CPU per request: /proc counts in clock ticks (10 ms), too coarse for a percentile.
  const cpu = (xs: Sample[], side: 'apiCpuMs' | 'neo4jCpuMs') => mean(xs.map((x) => x[side]));
  const cpuRatio = (side: 'apiCpuMs' | 'neo4jCpuMs' | 'both') => {
    const of = (xs: Sample[]) =>
      side === 'both' ? cpu(xs, 'apiCpuMs') + cpu(xs, 'neo4jCpuMs') : cpu(xs, side);
    return (of(samples.risk) / of(samples.exposure)).toFixed(2);
  };
  print(
    `RESULT risk ${b.label === null ? '' : `api=${b.label} `}viewer=${viewer} organizations=${riskAssessment.organizations.length} ` +
      `with_disclosed_evidence=${evidenced} actions=${riskAssessment.actions.length} ` +
      `exposure_p50_ms=${fmt(p(samples.exposure, 50))} exposure_p95_ms=${fmt(p(samples.exposure, 95))} ` +
      `risk_p50_ms=${fmt(p(samples.risk, 50))} risk_p95_ms=${fmt(p(samples.risk, 95))} ` +
      `ratio=${ratio.toFixed(2)} p95_ratio=${(p(samples.risk, 95) / p(samples.exposure, 95)).toFixed(2)} ` +
      `ranking_only_p50_ms=${fmt(p(samples.ranking, 50))} ranking_only_ratio=${(p(samples.ranking, 50) / p(samples.exposure, 50)).toFixed(2)} ` +
      `dashboard_p50_ms=${fmt(p(samples.dashboard, 50))} dashboard_ratio=${(p(samples.dashboard, 50) / p(samples.exposure, 50)).toFixed(2)} ` +
      `exposure_api_cpu_ms=${fmt(cpu(samples.exposure, 'apiCpuMs'))} exposure_neo4j_cpu_ms=${fmt(cpu(samples.exposure, 'neo4jCpuMs'))} ` +
      `risk_api_cpu_ms=${fmt(cpu(samples.risk, 'apiCpuMs'))} risk_neo4j_cpu_ms=${fmt(cpu(samples.risk, 'neo4jCpuMs'))} ` +
      `ranking_api_cpu_ms=${fmt(cpu(samples.ranking, 'apiCpuMs'))} ranking_neo4j_cpu_ms=${fmt(cpu(samples.ranking, 'neo4jCpuMs'))} ` +
      `cpu_ratio=${cpuRatio('both')} api_cpu_ratio=${cpuRatio('apiCpuMs')} neo4j_cpu_ratio=${cpuRatio('neo4jCpuMs')} ` +
      `aim=${RISK_AIM} ${ratio <= RISK_AIM ? 'met' : 'missed'} samples=${samples.risk.length}`,
  );
}
