// The whole graph as one tiersight/v1 document: every section paged out of the database in id order
// and streamed through the writer, so memory holds a page and a chunk whatever the graph's size. The
// file is what `tiersight import` reads back to the same graph.
import type { ImportRun } from '../domain/import-runs.ts';
import type { ExportRepository } from './export-repository.ts';
import type { ImportProgress } from '../import/import-graph.ts';
import { SECTIONS, sectionCounts, type Section } from '../import/read-records.ts';
import type { TiersightWriter } from './tiersight-writer.ts';

export interface ExportOutcome {
  written: Record<Section, number>;
  bytes: number;
  seconds: number;
  /**
   * False when the counts before, the records written and the counts after disagree: something wrote to
   * the graph meanwhile, and the pages (one transaction each) may not fit together.
   */
  quiet: boolean;
}

interface ExportOptions {
  /** Records per database round trip. */
  pageSize?: number;
  /** The same one-line progress as import's (src/cli/progress.ts). */
  progress?: ImportProgress;
}

/** Where export learns whether an import is writing (src/import/import-run-repository.ts). */
interface ImportRuns {
  list(): Promise<ImportRun[]>;
}

/**
 * An import was unfinished before or during the export: the store is then neither the graph before
 * that import nor the one after it, and a backup of it would restore that mix.
 */
export class ImportUnfinishedError extends Error {
  constructor(run: ImportRun, when: 'before' | 'during') {
    super(
      when === 'before'
        ? `the import of ${run.source} started at ${run.startedAt.toISOString()} has not finished, so the store holds part of it. Let it finish (if it is not running, run \`${run.command}\`), then export`
        : `an import of ${run.source} started at ${run.startedAt.toISOString()}, while the graph was being exported. Export again once it has finished`,
    );
    this.name = 'ImportUnfinishedError';
  }
}

/** Refuses while an import is unfinished (the store then holds part of it). */
export async function assertNoImport(runs: ImportRuns, when: 'before' | 'during'): Promise<void> {
  const unfinished = (await runs.list()).find((run) => run.finishedAt === null);
  if (unfinished) throw new ImportUnfinishedError(unfinished, when);
}

const silent: ImportProgress = { phase() {}, advance() {}, finish() {} };

/** Writes the graph and ends the writer; on failure the writer is aborted (a file leaves nothing). */
export async function exportGraph(
  repository: ExportRepository,
  importRuns: ImportRuns,
  writer: TiersightWriter,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const started = performance.now();
  const progress = options.progress ?? silent;
  const pageSize = options.pageSize ?? 10_000;
  const written: Record<Section, number> = sectionCounts();
  let quiet: boolean;
  try {
    await assertNoImport(importRuns, 'before');
    const expected = await repository.counts();
    progress.phase(
      'exporting',
      SECTIONS.reduce((sum, s) => sum + expected[s], 0),
    );
    let done = 0;
    for (const section of SECTIONS) {
      writer.startSection(section);
      for await (const page of repository.pages(section, pageSize)) {
        await writer.write(page);
        written[section] += page.length;
        done += page.length;
        progress.advance(done);
      }
    }
    await assertNoImport(importRuns, 'during');
    const after = await repository.counts();
    quiet = SECTIONS.every((s) => expected[s] === written[s] && after[s] === written[s]);
    await writer.end();
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    progress.finish();
  }
  return { written, bytes: writer.bytes, seconds: (performance.now() - started) / 1000, quiet };
}
