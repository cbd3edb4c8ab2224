// An import in two passes over the data: validate everything, and only when nothing is wrong, write
// in batches. Organizations are written before what refers to them; a file that lists them later is
// passed over once more for the rest. The records validation read are kept for writing up to a bound
// (KEPT_RECORDS); a larger file is read again for each pass. The writes happen inside an import run (src/domain/import-runs.ts):
// readers are refused from before the first write until the last one, and a run that does not finish
// keeps them refused until the same import is run again.
import { DomainError } from '../domain/errors.ts';
import { IMPORT_SETTLE_MS, type ImportRun } from '../domain/import-runs.ts';
import type { ImportRepository } from './import-repository.ts';
import { isDeadlock } from '../graph/executor.ts';
import { SECTIONS, sectionCounts, type ItemSource, type Section } from './read-records.ts';
import {
  checkRecord,
  validate,
  type CheckedRecord,
  type Problem,
  type SectionRecords,
  type ValidationResult,
} from './validate.ts';

export interface ImportProgress {
  /** A new phase starts ('validating', 'writing'); `total` records when known. */
  phase(name: string, total?: number): void;
  /** Records done so far in the current phase. */
  advance(done: number): void;
  finish(): void;
}

const silent: ImportProgress = { phase() {}, advance() {}, finish() {} };

export type ImportOutcome =
  | {
      ok: false;
      validation: ValidationResult;
      /** Runs that were unfinished before this import and still are. */
      unfinished: ImportRun[];
    }
  | {
      ok: true;
      validation: ValidationResult;
      written: Record<Section, number>;
      seconds: number;
      /** Unfinished runs of the same import, which this one completed. */
      completed: ImportRun[];
      /** Unfinished runs of other imports, whose partial store this one replaced (it reset). */
      replaced: ImportRun[];
      /** The store was emptied first: asked for, or because a completed run had emptied it. */
      reset: boolean;
    };

/** What is imported, for the import run and for messages. */
export interface ImportOrigin {
  /** As the operator names it: a file's absolute path, 'the demo scenario'. */
  source: string;
  /** The command that imports it, without --reset. */
  command: string;
}

export interface ImportOptions {
  origin: ImportOrigin;
  /** Empty the database first; references then resolve against the file only. */
  reset?: boolean;
  batchSize?: number;
  progress?: ImportProgress;
  maxProblems?: number;
  /**
   * The import's instant: the recording time of every record that does not state an earlier one, and
   * the latest one a file may state (default: when the import starts).
   */
  importedAt?: Date;
  /**
   * The wait between marking the run and the first write (default IMPORT_SETTLE_MS), so that API
   * processes elsewhere see the mark first. Only a caller whose readers all live in this process
   * (they hear of the run at once) may shorten it.
   */
  settleMs?: number;
  /** Stops the import at the next record (Ctrl-C); after the run began, the run stays unfinished. */
  signal?: AbortSignal;
  /**
   * The caller's own checks against the store, made again with the file's once API writes are held off
   * (import-facilities plans from the store before the import): the problems they find now.
   */
  checkAgain?: () => Promise<Problem[]>;
}

/** Records per write transaction (see README, "Measured"). */
const BATCH_SIZE = 5_000;

/**
 * How many records validation keeps in memory for writing, instead of parsing the file again (about
 * a third of the import's time in Node at 100k organizations). 100k organizations with their links
 * and shares are some 650,000 records and 300 MB of heap; a file past the bound is read again.
 */
const KEPT_RECORDS = 1_500_000;

const rerun = (origin: ImportOrigin, reset: boolean) => `${origin.command}${reset ? ' --reset' : ''}`;

/** Another import's run is unfinished, and this import would not complete it. */
export class ImportBlockedError extends Error {
  constructor(
    readonly run: ImportRun,
    origin: ImportOrigin,
  ) {
    super(
      `the store is incomplete: the import of ${run.source} started at ${run.startedAt.toISOString()} did not ` +
        `finish, so the API answers SERVICE_UNAVAILABLE. Complete it with \`${run.command}\`, or replace the ` +
        `whole store with \`${rerun(origin, true)}\`. Nothing was written.`,
    );
    this.name = 'ImportBlockedError';
  }
}

/** What went wrong, for the operator: our message, and the driver's or system's error code under it. */
function reason(error: unknown): string {
  let code: string | null = null;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (!(e instanceof DomainError) && 'code' in e && typeof e.code === 'string') code = e.code;
  }
  const message = error instanceof Error ? error.message : String(error);
  return code === null ? message : `${message} [${code}]`;
}

/** The import failed after its run began: the store is incomplete until it is run again. */
export class ImportInterruptedError extends Error {
  constructor(
    readonly run: ImportRun,
    readonly written: number,
    options: { cause: unknown },
  ) {
    super(
      `the store is incomplete: the import of ${run.source} was interrupted after ` +
        `${written.toLocaleString('en')} of ${run.total.toLocaleString('en')} records (${reason(options.cause)}). ` +
        `The API answers SERVICE_UNAVAILABLE until it completes: run \`${run.command}\` again.`,
      options,
    );
    this.name = 'ImportInterruptedError';
  }
}

/**
 * An import stopped (an error, Ctrl-C) after marking its run but before its first write: it removed its
 * run again, so the store and its readers are as they were.
 */
export class ImportNotStartedError extends Error {
  constructor(run: ImportRun, options: { cause: unknown }) {
    super(
      `the import of ${run.source} stopped before it wrote anything (${reason(options.cause)}); the store is as it was`,
      options,
    );
    this.name = 'ImportNotStartedError';
  }
}

export async function importGraph(
  items: ItemSource,
  repository: ImportRepository,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const { signal } = options;
  const source: ItemSource = async function* () {
    for await (const item of items()) {
      signal?.throwIfAborted();
      yield item;
    }
  };
  const started = performance.now();
  const progress = options.progress ?? silent;
  const importedAt = options.importedAt ?? new Date();
  const unfinished = (await repository.runs.list()).filter((run) => run.finishedAt === null);
  // Over a partial store, only the same import or a reset yields a graph that is the one or the other.
  const blocking = unfinished.find((run) => !options.reset && run.source !== options.origin.source);
  if (blocking) throw new ImportBlockedError(blocking, options.origin);
  const reset = options.reset === true || unfinished.some((run) => run.reset);

  progress.phase('validating');
  let kept: CheckedRecord[] | null = [];
  const counted: ItemSource = async function* () {
    let seen = 0;
    for await (const item of source()) {
      if (item.kind === 'record') progress.advance(++seen);
      yield item;
    }
  };
  const keep = (item: CheckedRecord) => {
    if (kept === null) return;
    if (kept.length < KEPT_RECORDS) kept.push(item);
    else kept = null;
  };
  const { result: validation, checkStoreAgain } = await validate(counted, {
    existing: reset ? null : repository,
    onRecord: keep,
    importedAt,
    ...(options.maxProblems ? { maxProblems: options.maxProblems } : {}),
  });
  progress.finish();
  if (validation.problemCount > 0) return { ok: false, validation, unfinished };

  const total = SECTIONS.reduce((sum, s) => sum + validation.counts[s], 0);
  const run = await repository.runs.begin({
    source: options.origin.source,
    command: rerun(options.origin, reset),
    reset,
    total,
  });
  progress.phase('writing', total);
  const writer = new BatchWriter(repository, options.batchSize ?? BATCH_SIZE, progress, importedAt, reset);
  let writing = false;
  try {
    const settleMs = options.settleMs ?? IMPORT_SETTLE_MS;
    if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
    signal?.throwIfAborted();
    if (!reset) {
      // The API's writes admitted before the run was marked have committed by now, and no other is
      // admitted: what the file refers to in the store is read once more, so that a write that landed
      // since validation (an open request, a merge of a referenced organization) refuses the file
      // rather than being written over unseen or leaving a record with nothing to attach to.
      const checked = await checkStoreAgain(repository);
      const more = (await options.checkAgain?.()) ?? [];
      const again = {
        ...checked,
        problems: [...checked.problems, ...more],
        problemCount: checked.problemCount + more.length,
      };
      if (again.problemCount > 0) {
        await repository.runs.abandon(run);
        progress.finish();
        return { ok: false, validation: again, unfinished };
      }
    }
    writing = true;
    if (reset) await repository.deleteAllData();
    // A request names the shares its grant created, so shares are written before requests.
    const order = validation.sectionOrder;
    const inOrder =
      order.indexOf('organizations') <= 0 &&
      (!order.includes('accessRequests') || order.indexOf('shares') < order.indexOf('accessRequests'));
    const passes: Section[][] = inOrder
      ? [[...SECTIONS]]
      : [
          ['organizations'],
          ['links', 'shares', 'risks', 'disclosures', 'merges', 'screeningCandidates'],
          ['accessRequests'],
        ];
    const records = kept === null ? checkedAgain(source) : replay(kept, signal);
    for (const sections of passes) await writer.pass(records, new Set(sections));
    await repository.runs.finish(run);
  } catch (error) {
    progress.finish();
    // Before the first write nothing needs completing: the run's mark goes, or the API would refuse
    // every request until the import is run again. So too when no batch committed (the first one
    // rolled back) into a store that was not emptied. If even that fails, the mark stays, as after a
    // write.
    if (
      (!writing || (!reset && writer.done === 0)) &&
      (await repository.runs.abandon(run).then(
        () => true,
        () => false,
      ))
    )
      throw new ImportNotStartedError(run, { cause: error });
    throw new ImportInterruptedError(run, writer.done, { cause: error });
  }
  progress.finish();
  return {
    ok: true,
    validation,
    written: writer.written,
    seconds: (performance.now() - started) / 1000,
    completed: unfinished.filter((run) => run.source === options.origin.source),
    replaced: unfinished.filter((run) => run.source !== options.origin.source),
    reset,
  };
}

/** Where a write pass takes its records from: checked once more, or as validation kept them. */
type RecordSource = () => AsyncIterable<CheckedRecord>;

/** The records validation kept, in file order. */
const replay = (records: readonly CheckedRecord[], signal: AbortSignal | undefined): RecordSource =>
  async function* () {
    for (const record of records) {
      signal?.throwIfAborted();
      yield record;
    }
  };

/** The records of a file read again (it was too big to keep), each checked as validation did. */
const checkedAgain = (source: ItemSource): RecordSource =>
  async function* () {
    for await (const item of source()) {
      if (item.kind !== 'record' && item.kind !== 'unreadable') continue;
      const { checked } = item.kind === 'record' ? checkRecord(item.section, item.value) : { checked: null };
      if (checked === null) throw new Error(`${item.section}[${item.index}] changed since it was validated`);
      yield checked;
    }
  };

/** A batch of records per section; only the section being collected holds any. */
type Batches = { [S in Section]: SectionRecords[S][] };

const noBatches = (): Batches => ({
  organizations: [],
  links: [],
  shares: [],
  risks: [],
  accessRequests: [],
  disclosures: [],
  merges: [],
  screeningCandidates: [],
});

/**
 * Collects records into batches and writes them in file order, a section after the one before it has
 * committed. While a batch is being written the next one is prepared, so Node's work and Neo4j's
 * overlap. Into an emptied store, organizations and links go two batches at a time: creating them
 * takes no lock another batch waits for, except on an organization's relationship counts, where Neo4j
 * may find two batches waiting on each other; the one it stops is written again alone once the others
 * have ended, and the rest of the import goes one batch at a time. Everything else is written one
 * batch at a time, because an upsert locks what it merges and parallel batches that touch the same
 * organizations would deadlock.
 */
class BatchWriter {
  readonly written: Record<Section, number> = sectionCounts();
  private readonly batches: Batches = noBatches();
  private batchSection: Section | null = null;
  /** Records whose batch has committed. */
  done = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private writingSection: Section | null = null;
  private failure: { error: unknown } | null = null;
  private writers: number;
  /** Writes of batches that a deadlock rolled back, to run again one at a time. */
  private readonly stopped: (() => Promise<void>)[] = [];
  /** How each section's batch is written. */
  private readonly writes: { [S in Section]: (batch: SectionRecords[S][]) => Promise<void> };

  constructor(
    repository: ImportRepository,
    private readonly batchSize: number,
    private readonly progress: ImportProgress,
    importedAt: Date,
    /** The import emptied the store first: organizations, links, shares and disclosures are created, not merged. */
    intoEmpty: boolean,
  ) {
    this.writers = intoEmpty ? 2 : 1;
    this.writes = {
      organizations: (batch) => repository.upsertOrganizations(batch, importedAt, intoEmpty),
      links: (batch) => repository.upsertLinks(batch, importedAt, intoEmpty),
      shares: (batch) => repository.upsertShares(batch, importedAt, intoEmpty),
      risks: (batch) => repository.upsertRisks(batch, importedAt),
      accessRequests: (batch) => repository.upsertAccessRequests(batch),
      disclosures: (batch) => repository.upsertDisclosures(batch, importedAt, intoEmpty),
      merges: (batch) => repository.upsertMerges(batch),
      screeningCandidates: (batch) => repository.upsertScreeningCandidates(batch, importedAt),
    };
  }

  async pass(records: RecordSource, sections: Set<Section>): Promise<void> {
    try {
      for await (const item of records()) {
        if (!sections.has(item.section)) continue;
        if (item.section !== this.batchSection) await this.flush();
        this.batchSection = item.section;
        if (this.collect(item) >= this.batchSize) await this.flush();
      }
      await this.flush();
    } catch (error) {
      // Let the batches being written end first, so that `done` counts those that commit.
      await Promise.allSettled(this.inFlight);
      throw error;
    }
    await this.drain();
  }

  /** Adds `item` to its section's batch; returns the batch's size. */
  private collect<S extends Section>(item: CheckedRecord<S>): number {
    const batch: SectionRecords[S][] = this.batches[item.section];
    batch.push(item.record);
    return batch.length;
  }

  /** The batch of `section`, which starts again empty. */
  private take<S extends Section>(section: S): SectionRecords[S][] {
    const batch: SectionRecords[S][] = this.batches[section];
    this.batches[section] = [];
    return batch;
  }

  /** Starts writing the current batch once a writer is free; returns when it has started. */
  private async flush(): Promise<void> {
    const section = this.batchSection;
    if (section === null || this.batches[section].length === 0) return;
    const batch = this.take(section);
    if (section !== this.writingSection) await this.drain();
    this.writingSection = section;
    const writers = section === 'organizations' || section === 'links' ? this.writers : 1;
    while (this.inFlight.size >= writers) await Promise.race(this.inFlight).catch(() => {});
    if (this.failure) throw this.failure.error;
    const write = this.writeOnce(section, batch, writers > 1).finally(() => this.inFlight.delete(write));
    this.inFlight.add(write);
    // A failure surfaces at the next flush or at the end of the pass.
    write.catch((error: unknown) => void (this.failure ??= { error }));
  }

  /** Waits for every write started, then writes the batches a deadlock stopped; throws the first failure. */
  private async drain(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    if (this.failure) throw this.failure.error;
    for (const write of this.stopped.splice(0)) await write();
  }

  private async writeOnce<S extends Section>(section: S, batch: SectionRecords[S][], beside: boolean) {
    try {
      await this.write(section, batch);
    } catch (error) {
      if (!beside || !isDeadlock(error)) throw error;
      // The batch rolled back whole; it is written again alone when the section's other batches end.
      this.writers = 1;
      this.stopped.push(() => this.write(section, batch));
    }
  }

  private async write<S extends Section>(section: S, batch: SectionRecords[S][]): Promise<void> {
    await this.writes[section](batch);
    this.written[section] += batch.length;
    this.done += batch.length;
    this.progress.advance(this.done);
  }
}
