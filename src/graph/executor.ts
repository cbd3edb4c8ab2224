// The one place that talks to the driver: opens a session per unit of work, runs it with
// executeRead/executeWrite (retried by the driver on transient errors), or a single read statement as
// an auto-commit transaction, sets a timeout and metadata on every transaction, closes the session in
// `finally`, and turns Neo4j failures into domain errors so that no driver text reaches a client.
import neo4j, {
  isRetryableError,
  Neo4jError,
  type BookmarkManager,
  type Driver,
  type Record as Neo4jRecord,
} from 'neo4j-driver';
import { DEFAULT_FAIL_FAST, type ReadRouting } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import type { QueryContext } from '../domain/viewer-scope.ts';
import { Availability, unavailable, type Admission, type Reach } from './availability.ts';
import type { Statement } from './cypher.ts';
import { TimeLimits, type Purpose } from './time-limits.ts';

export type Params = Record<string, unknown>;

/** What runs a statement's text: a managed transaction, or the session itself (auto-commit). */
interface Runner {
  run(text: string, params: Params): Promise<{ records: Neo4jRecord[] }>;
}

interface Unit<T> {
  mode: 'READ' | 'WRITE';
  name: string;
  context: QueryContext;
  work: (tx: Transaction) => Promise<T>;
  /** One statement on its own, without BEGIN and COMMIT (see Executor.read). */
  autoCommit: boolean;
  admission: Admission;
  purpose: Purpose;
}

export interface Transaction {
  run(query: Statement, params?: Params): Promise<Neo4jRecord[]>;
}

interface ExecutorOptions {
  database?: string | undefined;
  transactionTimeoutMs: number;
  /** The circuit breaker in front of Neo4j (default: one of its own). */
  availability?: Availability;
  /** Where read transactions run on a cluster (docs/operations.md); default 'leader'. */
  readRouting?: ReadRouting;
  /**
   * How long a unit that keeps losing deadlocks is run again (NEO4J_MAX_RETRY_MS, the driver's budget
   * for its own retries); default DEFAULT_FAIL_FAST's.
   */
  retryBudgetMs?: number;
}

/** Told about every unit of work: its name, how long it took and how it ended (an error code or OK). */
type UnitListener = (name: string, seconds: number, outcome: string) => void;

/** Told when the leader's store turned out older than what this process committed (see `forget`). */
type ReplacedStoreListener = (detail: string) => void;

/**
 * The first wait before a unit that lost a deadlock runs again, doubling (with jitter, so that the two
 * do not meet again in step) up to the longest.
 */
const FIRST_DEADLOCK_RETRY_MS = 10;
const LONGEST_DEADLOCK_RETRY_MS = 1_000;

/**
 * A deadlock met inside a managed transaction, carried out of it as an error the driver does not retry,
 * so that the executor retries it sooner than the driver would: neo4j-driver waits a second before
 * any retry (its initial delay has no setting), which two users writing one record at once (a
 * double-click) paid in full, though Neo4j has rolled the loser back by the time it reports one.
 */
class Deadlocked extends Error {
  constructor(deadlock: unknown) {
    super('deadlock', { cause: deadlock });
  }
}

/** The driver's fetch size for "send every record at once". */
const FETCH_ALL = -1;

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
  // What Neo4j 5 sends when a transaction waiting on a lock is stopped by its timeout.
  'Neo.ClientError.Transaction.LockClientStopped',
]);
const REACH_BY_CODE = new Map<string, Reach>([
  ['SERVICE_UNAVAILABLE', 'unavailable'],
  ['TIMEOUT', 'timed-out'],
]);
const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  // Bolt already accepts connections while a restarted database is still recovering its store.
  'Neo.TransientError.General.DatabaseUnavailable',
  // The store has not reached this process's bookmarks (`attempts`): a follower or a leader behind.
  'Neo.TransientError.Transaction.BookmarkTimeout',
]);

export class Executor {
  /** Statements run through this executor since it was made (tests use it to prove batching). */
  statementCount = 0;
  /** Sessions open right now: the share of the driver's pool this process is using. */
  sessionsInUse = 0;
  readonly availability: Availability;
  private readonly listeners = new Set<UnitListener>();
  private readonly replacedStoreListeners = new Set<ReplacedStoreListener>();
  /**
   * One bookmark manager for the whole process: every transaction starts after all that this process
   * committed, so a replica reads its own writes even on a follower that lags. Replaced when the
   * store it points into was (`forget`).
   */
  private bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private readonly limits: TimeLimits;
  /** The contexts (one per request) of requests that have committed a write. */
  private readonly wrote = new WeakSet<QueryContext>();

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {
    this.availability = options.availability ?? new Availability();
    this.limits = new TimeLimits(options.transactionTimeoutMs);
  }

  /** Calls `listener` after every unit of work until the returned function is called. */
  observe(listener: UnitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` each time this process finds its database replaced by an older store. */
  onReplacedStore(listener: ReplacedStoreListener): () => void {
    this.replacedStoreListeners.add(listener);
    return () => this.replacedStoreListeners.delete(listener);
  }

  /**
   * One statement in an auto-commit transaction: the driver sends it in one message with no BEGIN and
   * COMMIT around it, a round trip less than a managed transaction, and both sides do less (measured
   * on a one-row lookup: 3.6 against 5.3 ms, half the CPU on each side). A statement is atomic on its
   * own, so nothing is lost for a read; the driver's retry, which only managed transactions get, is
   * replaced by one immediate retry on a retryable failure (a connection that died, a cluster
   * whose leader moved).
   */
  read(query: Statement, params: Params, context: QueryContext = {}): Promise<Neo4jRecord[]> {
    return this.transaction('READ', query.name, context, (tx) => tx.run(query, params), true);
  }

  write(query: Statement, params: Params, context: QueryContext = {}): Promise<Neo4jRecord[]> {
    return this.writeTransaction(query.name, context, (tx) => tx.run(query, params));
  }

  /**
   * Several statements in one read transaction: not a snapshot (Neo4j's isolation is read committed, so
   * a write that commits between two statements shows in the second).
   */
  readTransaction<T>(name: string, context: QueryContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', name, context, work, false);
  }

  /** Several statements that commit or roll back together. */
  writeTransaction<T>(
    name: string,
    context: QueryContext,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.transaction('WRITE', name, context, work, false);
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    name: string,
    context: QueryContext,
    work: (tx: Transaction) => Promise<T>,
    autoCommit: boolean,
  ): Promise<T> {
    // A request that has committed a write (a mutation, before the read that builds its answer) is
    // never refused for a cold unit: its client would take the 503 for "nothing happened" and retry,
    // and a creating mutation without an idempotency key would then create twice.
    const mustAnswer = this.wrote.has(context);
    const admission = this.availability.admit(name, mustAnswer);
    if (admission !== 'ordinary' && mustAnswer)
      return this.run({ mode, name, context, work, autoCommit, admission, purpose: 'first-run' });
    if (admission !== 'ordinary') {
      // A cold unit after an outage: its first run plans the statements on a restarted Neo4j, which
      // can outlast the transaction timeout and would keep this request waiting. The unit runs in the
      // background instead, with a time limit of its own and its answer thrown away, and this request
      // is refused at once like the others until it has run. A write unit only plans its statements
      // (EXPLAIN): nothing is written, so a client's retry of the refused mutation applies it once.
      const purpose = mode === 'READ' ? 'warm-up' : 'plan';
      void this.run({ mode, name, context, work, autoCommit, admission, purpose }).catch(() => {});
      throw unavailable();
    }
    return this.run({ mode, name, context, work, autoCommit, admission, purpose: 'run' });
  }

  private async run<T>(unit: Unit<T>): Promise<T> {
    const { mode, name, context, admission, purpose } = unit;
    const started = performance.now();
    let outcome = 'OK';
    this.sessionsInUse++;
    let reach: Reach = 'answered';
    try {
      const result = await this.attempts(unit);
      if (mode === 'WRITE' && purpose !== 'plan') this.wrote.add(context);
      return result;
    } catch (error) {
      const mapped = toDomainError(name, error);
      reach = REACH_BY_CODE.get(mapped.code) ?? 'answered';
      outcome = mapped.code;
      throw mapped;
    } finally {
      this.availability.settled(name, admission, reach);
      this.limits.ended(name);
      this.sessionsInUse--;
      const seconds = (performance.now() - started) / 1000;
      for (const listener of this.listeners) listener(name, seconds, outcome);
    }
  }

  /**
   * Runs the unit where it belongs (reads on followers when told so), and again when the store turned
   * out older than this process's bookmarks: a follower that lags that far is asked no more for this
   * unit, and the leader that lags is a store put back from a backup (no committed transaction can be
   * missing from the leader), whose history this process's bookmarks no longer describe. Neither
   * attempt had begun a transaction (Neo4j waits for the bookmark before it begins one), so running
   * the unit again cannot apply a write twice.
   */
  private async attempts<T>(unit: Unit<T>): Promise<T> {
    const onFollowers = unit.mode === 'READ' && this.options.readRouting === 'followers';
    let bookmarks = this.bookmarks;
    try {
      return await this.attempt(unit, onFollowers, bookmarks);
    } catch (error) {
      if (!storeBehindBookmarks(error)) throw error;
      if (onFollowers) {
        try {
          return await this.attempt(unit, false, bookmarks);
        } catch (again) {
          if (!storeBehindBookmarks(again)) throw again;
          bookmarks = this.forget(bookmarks, again);
          return await this.attempt(unit, false, bookmarks);
        }
      }
      bookmarks = this.forget(bookmarks, error);
      return await this.attempt(unit, false, bookmarks);
    }
  }

  /**
   * Starts a new history of bookmarks after the leader's store was found older than `stale` says:
   * without it, every transaction would wait for a version the store never reaches, and the replica
   * would answer nothing until restarted. Units that failed on the same stale manager meanwhile find
   * it replaced already and keep what the first one began (its writes' bookmarks included).
   */
  private forget(stale: BookmarkManager, error: unknown): BookmarkManager {
    if (this.bookmarks === stale) {
      this.bookmarks = neo4j.bookmarkManager();
      const detail = error instanceof Error ? error.message : String(error);
      for (const listener of this.replacedStoreListeners) listener(detail);
    }
    return this.bookmarks;
  }

  private async attempt<T>(unit: Unit<T>, onFollowers: boolean, bookmarks: BookmarkManager): Promise<T> {
    const { name, context, work, autoCommit, purpose } = unit;
    // Reads go to the leader unless told otherwise (see above); an auto-commit transaction is routed
    // by the session's access mode.
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: onFollowers ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: bookmarks,
      // Every unit keeps all its records (`result.records`), so pulling them in batches of 1,000 only
      // adds round trips: a chain of 10,000 organizations took 20 of them.
      fetchSize: FETCH_ALL,
    });
    const config = {
      timeout: this.limits.limitFor(name, purpose),
      metadata: { app: 'tiersight', unit: name, ...(context.viewer ? { viewer: context.viewer } : {}) },
    };
    const body = (tx: Runner) =>
      work({
        run: async (query, params = {}) => {
          // Neo4j caches the plan of an EXPLAINed statement under the statement's own text.
          if (purpose === 'plan') {
            await withoutCallerStack(() => tx.run(`EXPLAIN ${query.text}`, params));
            return [];
          }
          if (purpose === 'run' || purpose === 'first-run') this.statementCount++;
          const result = await withoutCallerStack(() => tx.run(query.text, params)).catch(
            (error: unknown) => {
              throw isDeadlock(error) ? new Deadlocked(error) : error;
            },
          );
          return result.records;
        },
      });
    const autoCommitted = { run: (text: string, params: Params) => session.run(text, params, config) };
    try {
      // The leader has applied every committed write: another replica's revoke is then seen by the
      // next request here, as specification, section 4 requires (executeWrite routes there).
      if (autoCommit)
        return await body(autoCommitted).catch((error: unknown) => {
          // Waiting for the bookmark again would only fail again, as late.
          if (storeBehindBookmarks(error)) throw error;
          if (isRetryableError(error) || deletedMeanwhile(error)) return body(autoCommitted);
          throw error;
        });
      const managed = () =>
        this.retryingDeadlocks(() =>
          onFollowers ? session.executeRead(body, config) : session.executeWrite(body, config),
        );
      return await managed().catch((error: unknown) => {
        if (deletedMeanwhile(error)) return managed();
        throw error;
      });
    } finally {
      await session.close().catch(() => {});
    }
  }

  /**
   * Runs `run` (a managed transaction) again while it loses deadlocks, after a short wait that doubles,
   * for as long as the retry budget lasts; then fails with the last deadlock. The loser was rolled
   * back whole, so running it again applies its writes once.
   */
  private async retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const budget = this.options.retryBudgetMs ?? DEFAULT_FAIL_FAST.maxRetryMs;
    for (let delay = FIRST_DEADLOCK_RETRY_MS; ; delay = Math.min(delay * 2, LONGEST_DEADLOCK_RETRY_MS)) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof Deadlocked)) throw error;
        if (performance.now() - started >= budget) throw error.cause;
        const wait = delay * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

/**
 * Runs `start`, a driver call that makes a Result, without recording the caller's stack: the driver
 * takes one for every statement, to put on its error if it fails, and formatting it through tsx's
 * source maps was ~6 % of the API's CPU per request under the throughput mix (CPU profile:
 * captureStacktrace and Node's stack preparation). A failure here becomes a DomainError naming its
 * unit, which says more than the stack did. Synchronous: no other code runs while the limit is 0.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Whether a unit failed because a node it had read was deleted by another transaction before this one
 * could lock it: a merge deletes the organization merged away, and a write of that organization's own
 * user, begun a moment before, then met the gone node (a 500 to the client). The unit rolled back; run
 * again, it reads the store as the merge left it and answers as it would a moment later.
 */
function deletedMeanwhile(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Statement.EntityNotFound';
}

/**
 * Whether Neo4j gave up waiting for its store to reach a transaction this process's bookmarks name: a
 * follower that lags (readRouting 'followers'), or a store older than the one written to.
 */
function storeBehindBookmarks(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.TransientError.Transaction.BookmarkTimeout';
}

/**
 * Whether a write failed because Neo4j found two transactions waiting on each other's locks (the
 * error, or one it was caused by): the importer retries such a batch alone. Only src/graph knows
 * Neo4j's codes.
 */
export function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === 'Neo.TransientError.Transaction.DeadlockDetected') return true;
  }
  return false;
}

/** Maps driver and server failures to domain errors; the original stays as `cause` for the logs. */
export function toDomainError(unit: string, error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof Neo4jError) {
    if (TIMEOUT_CODES.has(error.code)) {
      return new DomainError(
        'TIMEOUT',
        'The operation took longer than its time limit and was stopped; ask for less (a smaller depth, one product) or retry later.',
        {
          cause: error,
        },
      );
    }
    // The pool's acquisition timeout has no code of its own: every connection is busy or unreachable.
    if (UNAVAILABLE_CODES.has(error.code) || error.message.startsWith('Connection acquisition timed out')) {
      return unavailable(error);
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new DomainError('BAD_USER_INPUT', 'A record with that id already exists.', { cause: error });
    }
  }
  return new DomainError('INTERNAL_SERVER_ERROR', `Database operation '${unit}' failed.`, { cause: error });
}
