import { ImportBlockedError, ImportInterruptedError, type ImportOutcome } from '../import/import-graph.ts';
import { FileSyntaxError, SECTIONS } from '../import/read-records.ts';
import { formatProblem } from '../import/validate.ts';
import { CliError } from './cli-error.ts';

/** Prints what an import did, or every problem it found (and fails the command). */
export function reportImport(what: string, outcome: ImportOutcome): void {
  const { validation } = outcome;
  if (!outcome.ok) {
    for (const problem of validation.problems) console.error(formatProblem(problem));
    const more = validation.problemCount - validation.problems.length;
    if (more > 0) console.error(`... and ${more.toLocaleString('en')} more`);
    const still = outcome.unfinished[0];
    throw new CliError(
      `${what}: ${validation.problemCount.toLocaleString('en')} problem(s) found; nothing was written.` +
        (still
          ? ` The store is still incomplete from the interrupted import of ${still.source}; the API answers SERVICE_UNAVAILABLE.`
          : ''),
    );
  }
  for (const run of outcome.completed) {
    console.error(
      `Completed the interrupted import of ${run.source} (started ${run.startedAt.toISOString()})` +
        (run.reset ? '; like it, this import emptied the store first.' : '.'),
    );
  }
  for (const run of outcome.replaced) {
    console.error(
      `Replaced what the interrupted import of ${run.source} (started ${run.startedAt.toISOString()}) had written.`,
    );
  }
  const total = SECTIONS.reduce((sum, s) => sum + outcome.written[s], 0);
  const counts = SECTIONS.map((s) => `${outcome.written[s].toLocaleString('en')} ${s}`).join(', ');
  const rate = Math.round(total / Math.max(outcome.seconds, 0.001));
  console.error(
    `Imported ${what}: ${counts} in ${outcome.seconds.toFixed(1)} s (${rate.toLocaleString('en')} records/s)`,
  );
}

/**
 * Runs an import for `command` and reports it as `what`; a failure ends as one message that says what
 * state the store is in.
 */
export async function runImport(
  command: string,
  what: string,
  work: () => Promise<ImportOutcome>,
): Promise<void> {
  let outcome: ImportOutcome;
  try {
    outcome = await work();
  } catch (error) {
    if (error instanceof ImportInterruptedError || error instanceof ImportBlockedError)
      throw new CliError(`${command}: ${error.message}`);
    if (error instanceof FileSyntaxError)
      throw new CliError(`${command}: ${error.message}; nothing was written.`);
    throw error;
  }
  reportImport(what, outcome);
}
