// Throughput: `clients` concurrent clients, each asking supplyChain for the next viewer of the mix as
// soon as its previous answer is in, for a fixed time; with the CPU time the API process and the
// Neo4j JVM spent per request (from /proc, so it counts every thread, JIT and GC included). The same
// load runs unmeasured first: a server's steady state is what it serves all day, and the first
// seconds of a load measure the JIT compilers of Neo4j's JVM and V8 (15 s runs in a row on a freshly
// started pair: 168, 301, 349 requests/s). The warm-up's own rate is printed beside it.
import { signToken } from '../src/auth/tokens.ts';
import { CHAIN, post } from './clients.ts';
import { cpuMs } from './processes.ts';

export interface ThroughputOptions {
  apiUrl: string;
  apiPid: number;
  /** The bundled Neo4j's JVM; null when the bench uses a Neo4j of yours (its CPU is then not read). */
  neo4jPid: number | null;
  secret: string;
  viewers: readonly string[];
  clients: number;
  seconds: number;
  /** The unmeasured load before the measured one. */
  warmupSeconds: number;
  depth: number;
}

export async function measureThroughput(o: ThroughputOptions): Promise<string> {
  const tokens = await Promise.all(
    o.viewers.map((org) => signToken({ sub: 'bench', org, roles: ['analyst'] }, o.secret, 3600)),
  );
  const ask = (i: number) => post(o.apiUrl, tokens[i % tokens.length]!, CHAIN, { d: o.depth });
  for (let i = 0; i < tokens.length; i++) await ask(i); // every viewer's plan and caches
  let next = 0;
  /** `clients` clients asking for `seconds`: how many answers per second. */
  const load = async (seconds: number) => {
    let done = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: o.clients }, async () => {
        while (performance.now() < deadline) {
          await ask(next++);
          done++;
        }
      }),
    );
    return { done, elapsed: (performance.now() - started) / 1000 };
  };
  const warmup = o.warmupSeconds > 0 ? await load(o.warmupSeconds) : null;
  const apiCpu = cpuMs(o.apiPid);
  const neo4jCpu = o.neo4jPid === null ? 0 : cpuMs(o.neo4jPid);
  const { done, elapsed } = await load(o.seconds);
  const perRequest = (ms: number) => (ms / done).toFixed(2);
  const neo4j = o.neo4jPid === null ? '-' : perRequest(cpuMs(o.neo4jPid) - neo4jCpu);
  return (
    `RESULT throughput_rps=${(done / elapsed).toFixed(1)} node_cpu_ms_per_req=${perRequest(cpuMs(o.apiPid) - apiCpu)} ` +
    `neo4j_cpu_ms_per_req=${neo4j} clients=${o.clients} viewers=${o.viewers.length} requests=${done} seconds=${elapsed.toFixed(1)} ` +
    `warmup_rps=${warmup === null ? '-' : (warmup.done / warmup.elapsed).toFixed(1)} warmup_seconds=${o.warmupSeconds}`
  );
}
