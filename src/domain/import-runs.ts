// An import run is the marker an import keeps in the store while it writes: from before its first
// write until after its last, readers are refused (SERVICE_UNAVAILABLE) instead of being served a
// graph that is neither the previous one nor the new one. A run that is never finished (the importer
// or the database was killed) keeps the store closed until the same import is run again.

export interface ImportRun {
  id: string;
  /** What is imported: a file's absolute path, or 'the demo scenario'. */
  source: string;
  /** The command that completes the run when started again, e.g. `tiersight import /data/g.json --reset`. */
  command: string;
  /** The run empties the store before writing; a run that completes it must too. */
  reset: boolean;
  /** Records the run writes. */
  total: number;
  startedAt: Date;
  /** Null while the run is unfinished. The last finished run is kept so that readers see that it happened. */
  finishedAt: Date | null;
}

/**
 * How old an API process's view of the import runs may be (src/import/import-gate.ts checks at most
 * this often while no import is running).
 */
export const IMPORT_STATE_MAX_AGE_MS = 1_000;

/**
 * How long an importer waits between marking its run and its first write. Longer than any API
 * process's view may be old, so that by the first write every process has seen the mark: a request
 * admitted on an older view is refused when it answers (the view it was admitted on changed).
 */
export const IMPORT_SETTLE_MS = IMPORT_STATE_MAX_AGE_MS + 500;
