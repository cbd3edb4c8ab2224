// How `tiersight serve` stops on a signal: the requests in flight first, within a deadline below the
// grace that Compose (30 s) and Kubernetes (40 s) give; then the database. The deadline covers the
// requests alone: stopping the bundled Neo4j has its own bound (src/db/bundled-neo4j.ts), and its first
// clean stop writes the JVM's class data archive, which took 5-20 s on a loaded machine. Under one
// deadline for both, such a stop said "requests still in flight" when none were (December 2026).

export interface StopSteps {
  /** Stops taking requests and resolves once those in flight are answered. */
  closeApp: () => Promise<void>;
  /** Closes the driver (and stops a bundled Neo4j). */
  closeDatabase: () => Promise<void>;
  /** Whether closeDatabase stops a Neo4j this process started (said, since it can take a while). */
  bundled: boolean;
  log: (line: string) => void;
  exit: (code: number) => void;
  deadlineMs: number;
}

/** Runs the steps for `signal`; a second call while the first runs does nothing. */
export function stopInOrder(steps: StopSteps): (signal: string) => Promise<void> {
  let stopping = false;
  return async (signal) => {
    // A second signal (Ctrl-C twice, an orchestrator repeating itself) waits for the first stop.
    if (stopping) return;
    stopping = true;
    const seconds = steps.deadlineMs / 1000;
    steps.log(`${signal}: stopping after the requests in flight (at most ${seconds} s)`);
    // Exiting on our own beats being killed unlogged.
    const deadline = setTimeout(() => {
      steps.log(`${signal}: requests still in flight after ${seconds} s; exiting`);
      steps.exit(1);
    }, steps.deadlineMs);
    deadline.unref();
    let code = 0;
    try {
      await steps.closeApp();
    } catch (error) {
      // The database is closed all the same: a bundled Neo4j must not outlive this process.
      steps.log(`${signal}: the server did not close cleanly: ${messageOf(error)}`);
      code = 1;
    } finally {
      clearTimeout(deadline);
    }
    if (steps.bundled) steps.log(`${signal}: stopping the bundled Neo4j`);
    try {
      await steps.closeDatabase();
    } catch (error) {
      steps.log(`${signal}: the database did not close cleanly: ${messageOf(error)}`);
      code = 1;
    }
    steps.exit(code);
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
