// A stand-in for the members of the driver that the executor's sessions use, for unit tests of the
// executor's own policy (retries, time limits): the db tier runs the executor on a real Neo4j, but
// cannot make a connection die or a deadlock happen on cue, or read back the time limit a transaction
// was given. Its managed transactions are never retried, as the driver retries no error of the
// executor's own.
import type { BookmarkManager, Driver, Record as Neo4jRecord } from 'neo4j-driver';

/** One auto-commit run as the executor asked for it, with the session it ran in. */
export interface StandInRun {
  text: string;
  timeout: number | undefined;
  accessMode: string | undefined;
  bookmarkManager: BookmarkManager | undefined;
}

interface SessionOptions {
  defaultAccessMode?: string;
  bookmarkManager?: BookmarkManager;
}

/** A driver whose runs (auto-commit or in a transaction) fail with `failures`, in order, then answer no rows. */
export function standInDriver(failures: Error[] = []) {
  const runs: StandInRun[] = [];
  const session = (options: SessionOptions) => {
    const run = (text: string, _params: unknown, config?: { timeout?: number }) => {
      runs.push({
        text,
        timeout: config?.timeout,
        accessMode: options.defaultAccessMode,
        bookmarkManager: options.bookmarkManager,
      });
      const failure = failures.shift();
      return failure === undefined
        ? Promise.resolve({ records: [] as Neo4jRecord[] })
        : Promise.reject(failure);
    };
    const managed = <T>(work: (tx: { run: typeof run }) => Promise<T>) => work({ run });
    return { run, executeRead: managed, executeWrite: managed, close: () => Promise.resolve() };
  };
  const driver = { session };
  return { driver: driver as unknown as Driver, runs };
}
