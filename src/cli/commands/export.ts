import { exportGraph, ImportUnfinishedError, type ExportOutcome } from '../../export/export-graph.ts';
import { TiersightWriter } from '../../export/tiersight-writer.ts';
import { ExportRepository, UnexportableRecordError } from '../../export/export-repository.ts';
import { ImportRunRepository } from '../../import/import-run-repository.ts';
import { SECTIONS } from '../../import/read-records.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';
import { terminalProgress } from '../progress.ts';
import { writeFailure } from '../write-errors.ts';

const HELP = `Usage: tiersight export [--out FILE]

Writes the whole graph in NEO4J_URI (or the bundled Neo4j when it is unset) as one tiersight/v1
JSON file: organizations with their listing, supply links, shares with their times and audit
trail, risk indicators, disclosures with every version, access requests, merges, and screening
candidates with their decisions. 'tiersight import FILE --reset' reads it back to the same graph. The graph is read
page by page and streamed, so memory stays flat whatever its size; progress goes to stderr.
It refuses to run while an import is unfinished (the store then holds part of it).

Options:
  --out FILE   where to write (the file appears only once complete);
               '-' or no --out: standard output`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs('export', args, { out: { type: 'string' } }, HELP);
  const out = values.out ?? '-';
  if (out.trim() === '') throw new CliError(`export: --out must name a file or '-'\n\n${HELP}`, 2);
  const toStdout = out === '-';
  const name = toStdout ? 'standard output' : out;

  await withDatabase(async ({ executor }) => {
    let outcome: ExportOutcome;
    try {
      // Open the file before reading anything, so a bad path fails at once.
      const writer = toStdout ? TiersightWriter.toStream(process.stdout) : await TiersightWriter.toFile(out);
      outcome = await exportGraph(new ExportRepository(executor), new ImportRunRepository(executor), writer, {
        progress: terminalProgress(),
      });
    } catch (error) {
      const lost = toStdout ? 'the output is incomplete' : 'nothing was written';
      if (error instanceof UnexportableRecordError || error instanceof ImportUnfinishedError)
        throw new CliError(`export: ${error.message}; ${lost}.`);
      throw writeFailure('export', name, error) ?? error;
    }
    reportExport(name, outcome);
  }, 'require');
}

function reportExport(name: string, outcome: ExportOutcome): void {
  const total = SECTIONS.reduce((sum, s) => sum + outcome.written[s], 0);
  const counts = SECTIONS.map((s) => `${outcome.written[s].toLocaleString('en')} ${s}`).join(', ');
  const rate = Math.round(total / Math.max(outcome.seconds, 0.001));
  const megabytes = (outcome.bytes / 1e6).toFixed(1);
  console.error(
    `Exported ${counts} to ${name} (${megabytes} MB) in ${outcome.seconds.toFixed(1)} s (${rate.toLocaleString('en')} records/s)`,
  );
  if (!outcome.quiet) {
    console.error(
      'Warning: the graph changed while it was being exported, so the file may not fit together ' +
        '(each page is read on its own). Export again while nothing writes; see docs/operations.md.',
    );
  }
}
