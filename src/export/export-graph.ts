// The whole graph as one tiersight/v1 document: every section paged out of the database in id order
// and streamed through the writer, so memory holds a page and a chunk whatever the graph's size. The
// file is what `tiersight import` reads back to the same graph.
import type { ExportRepository } from '../graph/repositories/export-repository.ts';
import type { ImportProgress } from '../import/import-graph.ts';
import { SECTIONS, type Section } from '../import/read-records.ts';
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

export interface ExportOptions {
  /** Records per database round trip. */
  pageSize?: number;
  /** The same one-line progress as import's (src/cli/progress.ts). */
  progress?: ImportProgress;
}

const silent: ImportProgress = { phase() {}, advance() {}, finish() {} };

/** Writes the graph and ends the writer; on failure the writer is aborted (a file leaves nothing). */
export async function exportGraph(
  repository: ExportRepository,
  writer: TiersightWriter,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const started = performance.now();
  const progress = options.progress ?? silent;
  const pageSize = options.pageSize ?? 10_000;
  const written: Record<Section, number> = { organizations: 0, links: 0, shares: 0, risks: 0 };
  let quiet: boolean;
  try {
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
