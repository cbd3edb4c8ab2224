// The API and the peer each run in a process of their own, as in production: the bench's clients do
// not share their event loop, and each server's CPU time can be read from /proc on its own.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/runtime/paths.ts';

export interface Server {
  /** The GraphQL endpoint. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Spawns `args` and waits for a line on stderr that `ready` turns into the endpoint's URL. */
function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: (line: string) => string | null,
  cwd = REPO_ROOT,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      output += chunk;
      for (const line of output.split('\n')) {
        const url = ready(line);
        if (url !== null) {
          child.stderr!.removeAllListeners('data');
          child.stderr!.resume();
          resolve({ url, pid: child.pid!, stop });
          return;
        }
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

export interface Neo4jAccess {
  uri: string;
  user: string;
  password: string;
}

/**
 * BENCH_API_CPU_PROFILE=<directory>: each API process writes a V8 CPU profile there when it stops
 * (open it in Chrome's DevTools), to see where a part's API time goes.
 */
function apiProfiling(): string[] {
  const directory = process.env['BENCH_API_CPU_PROFILE'];
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}

/**
 * `tiersight serve` against the bench's Neo4j, with the client limits off (they are not measured); of
 * this checkout, or of `checkout` (another commit's working tree, to compare with).
 */
export const startApi = (neo4j: Neo4jAccess, secret: string, checkout = REPO_ROOT): Promise<Server> =>
  startServer(
    'the API',
    [...apiProfiling(), join(checkout, 'bin', 'tiersight.js'), 'serve'],
    {
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_TX_TIMEOUT_MS: '120000',
      JWT_SECRET: secret,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_TOKEN: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      CONCURRENT_PER_TOKEN: '0',
      HTTP_REQUEST_TIMEOUT_MS: '600000',
    },
    (line) => /GraphQL API at (\S+\/graphql)/.exec(line)?.[1] ?? null,
    checkout,
  );

/** The generic peer: bench/peer-server.ts (the Neo4j GraphQL Library) on the same Neo4j. */
export const startPeer = (neo4j: Neo4jAccess, secret: string): Promise<Server> =>
  startServer(
    'the peer',
    ['--import', 'tsx', join(REPO_ROOT, 'bench', 'peer-server.ts')],
    {
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      JWT_SECRET: secret,
    },
    (line) => /peer GraphQL at (\S+)/.exec(line)?.[1] ?? null,
  );

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are
  // fields 14 and 15 of the line, so 12 and 13 after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
