// Throughput: `clients` concurrent clients, each asking supplyChain for the next viewer of the mix as
// soon as its previous answer is in, for a fixed time; with the CPU time the API process and the
// Neo4j JVM spent per request (from /proc, so it counts every thread, JIT and GC included).
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
  depth: number;
}

export async function measureThroughput(o: ThroughputOptions): Promise<string> {
  const tokens = await Promise.all(
    o.viewers.map((org) => signToken({ sub: 'bench', org, roles: ['analyst'] }, o.secret, 3600)),
  );
  const ask = (i: number) => post(o.apiUrl, tokens[i % tokens.length]!, CHAIN, { d: o.depth });
  for (let i = 0; i < tokens.length; i++) await ask(i); // warm: plans, caches, JIT
  let next = 0;
  let done = 0;
  const apiCpu = cpuMs(o.apiPid);
  const neo4jCpu = o.neo4jPid === null ? 0 : cpuMs(o.neo4jPid);
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.clients }, async () => {
      while (performance.now() < deadline) {
        await ask(next++);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const perRequest = (ms: number) => (ms / done).toFixed(2);
  const neo4j = o.neo4jPid === null ? '-' : perRequest(cpuMs(o.neo4jPid) - neo4jCpu);
  return (
    `RESULT throughput_rps=${(done / elapsed).toFixed(1)} node_cpu_ms_per_req=${perRequest(cpuMs(o.apiPid) - apiCpu)} ` +
    `neo4j_cpu_ms_per_req=${neo4j} clients=${o.clients} viewers=${o.viewers.length} requests=${done} seconds=${elapsed.toFixed(1)}`
  );
}
