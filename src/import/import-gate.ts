// Keeps readers off a store that an import is writing (docs/data-model.md, "Import"). A request is
// admitted only while no import run is unfinished, and a query's answer is sent only if the runs did
// not change while it ran; otherwise the client gets SERVICE_UNAVAILABLE (HTTP 503, Retry-After).
//
// The runs are read at most once per IMPORT_STATE_MAX_AGE_MS while no import is running, so this costs
// no round trip per request. That is safe because an importer waits IMPORT_SETTLE_MS (longer than that
// age) between marking its run and its first write: a request that reads anything the import wrote
// answers after the first write, by which time this process's view was taken after the mark, so the
// view it answers on differs from the one it was admitted on (or shows the unfinished run). A view that
// shows an unfinished run is never reused: the next request reads again, so readers come back as soon as
// the import finishes.
import type { AnswerCheck } from '../api/apollo.ts';
import { DomainError, UnavailableError } from '../domain/errors.ts';
import { IMPORT_STATE_MAX_AGE_MS, type ImportRun } from '../domain/import-runs.ts';

/** What a request was admitted on. */
export interface ImportTicket {
  readonly generation: string;
}

interface ImportGateState {
  /** False while an import is unfinished: readiness probes should fail. */
  ready: boolean;
  /** The oldest unfinished run, if any. */
  unfinished: ImportRun | null;
}

export interface ImportGateOptions {
  /** Default IMPORT_STATE_MAX_AGE_MS; importers in other processes rely on it (see above). */
  maxAgeMs?: number;
  /** A counter of run changes made in this process: when it moves, the view is read again at once. */
  localChanges?: () => number;
  log?: (message: string) => void;
  /** A monotonic clock in milliseconds (default performance.now). */
  now?: () => number;
}

export const IMPORT_INCOMPLETE_MESSAGE =
  'Import in progress or incomplete: the data is unavailable until it completes. ' +
  'If no import is running, run `tiersight import FILE` again (same file and options) to complete it.';
const CHANGED_MESSAGE = 'An import started or finished while this request ran; send it again.';

/** Seconds a client should wait: an import usually takes a while, a changed view clears at once. */
const RETRY_AFTER_INCOMPLETE = 10;
const RETRY_AFTER_CHANGED = 1;

interface View {
  unfinished: ImportRun | null;
  /** Changes whenever a run starts or finishes. */
  generation: string;
  /** When the read was sent (the gate's clock): the view is at least this recent. */
  takenAt: number;
  local: number;
}

export class ImportGate {
  private view: View | null = null;
  private reading: { sentAt: number; local: number; view: Promise<View> } | null = null;
  private readonly maxAgeMs: number;
  private readonly localChanges: () => number;
  private readonly log: (message: string) => void;
  private readonly now: () => number;

  constructor(
    private readonly readRuns: () => Promise<ImportRun[]>,
    options: ImportGateOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? IMPORT_STATE_MAX_AGE_MS;
    this.localChanges = options.localChanges ?? (() => 0);
    this.log = options.log ?? (() => {});
    this.now = options.now ?? (() => performance.now());
  }

  /** Call before a request reads anything: a ticket to check the answer with, or the error to answer. */
  async admit(): Promise<ImportTicket | DomainError> {
    const view = await this.current();
    if (view instanceof DomainError) return view;
    if (view.unfinished !== null)
      return new UnavailableError(IMPORT_INCOMPLETE_MESSAGE, RETRY_AFTER_INCOMPLETE);
    return { generation: view.generation };
  }

  /** Call before answering a query: null when the store stayed as it was at admission. */
  async recheck(ticket: ImportTicket): Promise<DomainError | null> {
    const view = await this.current();
    if (view instanceof DomainError) return view;
    if (view.unfinished !== null)
      return new UnavailableError(IMPORT_INCOMPLETE_MESSAGE, RETRY_AFTER_INCOMPLETE);
    if (view.generation !== ticket.generation)
      return new UnavailableError(CHANGED_MESSAGE, RETRY_AFTER_CHANGED);
    return null;
  }

  /** For a readiness probe. Throws when the database cannot be read. */
  async state(): Promise<ImportGateState> {
    const view = await this.current();
    if (view instanceof DomainError) throw view;
    return { ready: view.unfinished === null, unfinished: view.unfinished };
  }

  /**
   * Refuses a query's answer when an import started or finished while it ran. Mutations are left
   * alone: their write has happened, and a refusal would invite a client to write twice. The ticket
   * is the one the request was admitted on (`importTicket` in its context).
   */
  answerCheck<Context extends { importTicket: ImportTicket }>(): AnswerCheck<Context> {
    return async ({ contextValue, operation, response }) => {
      if (operation?.operation !== 'query' || response.body.kind !== 'single') return;
      const refused = await this.recheck(contextValue.importTicket);
      if (refused === null) return;
      // The status follows from the code; an import's own wait replaces the default Retry-After.
      response.body.singleResult = {
        errors: [{ message: refused.message, extensions: { code: refused.code } }],
      };
      if (refused instanceof UnavailableError)
        response.http.headers.set('retry-after', String(refused.retryAfterSeconds));
    };
  }

  private async current(): Promise<View | DomainError> {
    const now = this.now();
    const local = this.localChanges();
    const view = this.view;
    if (view && view.unfinished === null && view.local === local && now - view.takenAt < this.maxAgeMs)
      return view;
    // Requests that arrive while a read is under way share it, if it is recent enough for them.
    let reading = this.reading;
    if (reading === null || reading.local !== local || now - reading.sentAt >= this.maxAgeMs) {
      const sentAt = now;
      reading = { sentAt, local, view: this.read(sentAt, local) };
      this.reading = reading;
      void reading.view
        .finally(() => {
          if (this.reading === reading) this.reading = null;
        })
        .catch(() => {});
    }
    try {
      return await reading.view;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  }

  private async read(sentAt: number, local: number): Promise<View> {
    const runs = await this.readRuns();
    const unfinished = runs.find((run) => run.finishedAt === null) ?? null;
    const view: View = {
      unfinished,
      generation: runs.map((run) => run.id).join(' '),
      takenAt: sentAt,
      local,
    };
    if (this.view === null || sentAt >= this.view.takenAt) {
      this.announce(this.view, view);
      this.view = view;
    }
    return view;
  }

  private announce(before: View | null, after: View): void {
    const run = after.unfinished;
    if (run !== null && before?.unfinished?.id !== run.id) {
      this.log(
        `Import of ${run.source} (started ${run.startedAt.toISOString()}, ${run.total} records) is unfinished: ` +
          `answering SERVICE_UNAVAILABLE until it completes. If it is not running, run \`${run.command}\`.`,
      );
    } else if (run === null && before?.unfinished) {
      this.log(`Import of ${before.unfinished.source} is complete: serving the store again.`);
    }
  }
}
