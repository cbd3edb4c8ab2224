// How long a transaction may run. A statement's first run on a Neo4j that has not run it yet plans
// it, and on a cold JVM (the bundled Neo4j right after `serve` or `db` started it, or a server after
// a restart) planning a deep unrolled traversal takes seconds of CPU: the dashboard's first load
// after `npm start` asks for nine of them at once, and on a busy 2-core machine they ran out of the
// 15 s limit together (TIMEOUT in every panel) where their second run took 60 ms. So a unit's
// transactions get the warm-up limit until its first run in this process has ended (those beside the
// first wait for the same plan: two of the dashboard's requests read the viewer's grants); every
// later one gets the configured limit. The exemption is spent when the first run ends, whatever its
// end, so a query too big for the limit runs long only while the first run of its unit is running.

/**
 * Time limit of a statement's warm-up (its first run in this process, or a cold unit's pilot after an
 * outage), or the transaction timeout if longer: a cold JVM can take longer to plan a deep traversal
 * than a query may take to run.
 */
export const WARM_UP_TIMEOUT_MS = 120_000;

/**
 * Why a transaction runs: a client's request, the executor's own warm-up or planning of a unit, or a
 * client's request that runs a cold unit itself (`first-run`: it has written, and must be answered).
 */
export type Purpose = 'run' | 'warm-up' | 'plan' | 'first-run';

export class TimeLimits {
  /** Units whose first transaction in this process has ended. */
  private readonly planned = new Set<string>();

  constructor(private readonly transactionTimeoutMs: number) {}

  /** The limit for a transaction of unit `name` starting now. */
  limitFor(name: string, purpose: Purpose): number {
    return purpose !== 'run' || !this.planned.has(name)
      ? Math.max(WARM_UP_TIMEOUT_MS, this.transactionTimeoutMs)
      : this.transactionTimeoutMs;
  }

  /** A transaction of unit `name` has ended, however: its plan is made (or cannot be). */
  ended(name: string): void {
    this.planned.add(name);
  }
}
