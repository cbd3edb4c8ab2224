// The demo's first visitor should not wait for Neo4j to plan. `serve` in local demo mode starts the
// bundled Neo4j itself, so its plan cache is empty and its JVM cold, and the dashboard's first load asks
// for nine statements at once: on a quiet 2-core machine that load took 15.8 s where the second took
// 0.3 s (December 2026), almost all of it Neo4j planning each statement on its first run. So `serve`
// sends the dashboard's first load (web/src/first-load.ts) once in the background, as the demo
// organization whose token it prints, one operation at a time, which leaves a core to a visitor who
// arrives meanwhile and finds part of the work done (one 6 s after the server served waited 7.8 s
// instead of 17 s). Answers are thrown away; reads only, so nothing is written.
import type { Operation } from '../../web/src/first-load.ts';

export interface WarmUpOutcome {
  ms: number;
  /** How many operations did not answer without errors, and the first such answer's reason. */
  failed: number;
  firstFailure: string | null;
}

/** What one answer's failure was, or null for an answer without errors. */
async function failureOf(response: Response): Promise<string | null> {
  const body: unknown = await response.json().catch(() => null);
  const errors = typeof body === 'object' && body !== null && 'errors' in body ? body.errors : undefined;
  if (response.ok && errors === undefined) return null;
  return `${response.status} ${JSON.stringify(errors ?? body).slice(0, 200)}`;
}

/**
 * Sends `operations` to `endpoint` one after the other with `token`; stops early when `signal` aborts
 * (the server is stopping), and then rejects with the abort's reason.
 */
export async function warmUp(
  endpoint: string,
  token: string,
  operations: readonly Operation[],
  signal: AbortSignal,
): Promise<WarmUpOutcome> {
  const started = performance.now();
  let failed = 0;
  let firstFailure: string | null = null;
  for (const operation of operations) {
    signal.throwIfAborted();
    const response = await fetch(endpoint, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(operation),
    });
    const failure = await failureOf(response);
    if (failure !== null) {
      failed += 1;
      firstFailure ??= failure;
    }
  }
  return { ms: performance.now() - started, failed, firstFailure };
}

/**
 * The demo's warm-up as `serve` runs it: the dashboard's first load against `apiUrl` (the server's
 * base URL), said on `log` when it starts and ends. Never throws: a failed warm-up costs only time.
 */
export async function warmUpDashboard(
  apiUrl: string,
  token: string,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  try {
    // Loaded here, not at the top: the dashboard's sources are in a checkout, where the demo runs, and
    // not in the production image, which holds only their build.
    const { firstLoadOperations } = await import('../../web/src/first-load.ts');
    const operations = firstLoadOperations();
    log(`Warming up: the dashboard's first load (${operations.length} operations) on the fresh Neo4j…`);
    const outcome = await warmUp(`${apiUrl}/graphql`, token, operations, signal);
    const seconds = (outcome.ms / 1000).toFixed(1);
    log(
      outcome.failed === 0
        ? `Warmed up in ${seconds} s: the dashboard's queries are planned`
        : `Warm-up done in ${seconds} s; ${outcome.failed} of ${operations.length} operations failed, the first with ${outcome.firstFailure}`,
    );
  } catch (error) {
    if (signal.aborted) return;
    log(`Warm-up stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
