// Probes for load balancers and orchestrators. /livez: the process answers (restart it if not).
// /readyz: this replica can serve (Neo4j answers, migrations are applied, and every other readiness
// check passes, such as "no import is unfinished"); take it out of rotation if not. /health is an
// alias of /readyz. Results are cached briefly so that frequent probes cost Neo4j almost nothing.
import type { ServerResponse } from 'node:http';
import type { HealthRepository } from '../graph/health-repository.ts';
import type { ImportGate } from '../import/import-gate.ts';
import { sendJson } from '../api/http/responses.ts';

interface CheckResult {
  ok: boolean;
  detail?: string;
}

export interface ReadinessCheck {
  name: string;
  run(): Promise<CheckResult>;
}

const CACHE_MS = 1_000;

export function neo4jReadiness(health: HealthRepository): ReadinessCheck {
  return {
    name: 'neo4j',
    async run() {
      try {
        const pending = await health.pendingMigrations();
        return pending.length === 0
          ? { ok: true }
          : { ok: false, detail: `migrations not applied: ${pending.join(', ')}` };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : 'unreachable' };
      }
    },
  };
}

export function importReadiness(gate: ImportGate): ReadinessCheck {
  return {
    name: 'import',
    async run() {
      try {
        const { unfinished } = await gate.state();
        return unfinished === null
          ? { ok: true }
          : // Not the file or the command: a probe answers whoever reaches the API, and a server's
            // paths are the operator's, to whom the import gate's log line names both.
            {
              ok: false,
              detail: 'an import is unfinished: the server log names it and the command that completes it',
            };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : 'unreadable' };
      }
    },
  };
}

export function healthRoutes(checks: readonly ReadinessCheck[]) {
  let cached: { at: number; ready: boolean; body: unknown } | null = null;
  const readiness = async () => {
    if (cached !== null && Date.now() - cached.at < CACHE_MS) return cached;
    const results = await Promise.all(checks.map(async (c) => [c.name, await c.run()] as const));
    const ready = results.every(([, r]) => r.ok);
    cached = {
      at: Date.now(),
      ready,
      body: { status: ready ? 'ready' : 'unready', checks: Object.fromEntries(results) },
    };
    return cached;
  };
  return {
    livez(response: ServerResponse) {
      sendJson(response, 200, { status: 'live' }, { 'cache-control': 'no-store' });
    },
    async readyz(response: ServerResponse) {
      const { ready, body } = await readiness();
      sendJson(response, ready ? 200 : 503, body, { 'cache-control': 'no-store' });
    },
  };
}
