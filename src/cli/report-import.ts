import {
  ImportBlockedError,
  ImportInterruptedError,
  ImportNotStartedError,
  type ImportOutcome,
} from '../import/import-graph.ts';
import { FileSyntaxError, SECTIONS } from '../import/read-records.ts';
import { formatProblem } from '../import/validate.ts';
import { CliError } from './cli-error.ts';

/** Imports of fewer records than this print no rate. */
const RATE_FROM_RECORDS = 10_000;

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
  // A rate says something of a big file; of a few dozen records (the demo: "68 records in 6 s, 11
  // records/s") it measures the store's start-up and reads like a fault.
  const rate =
    total < RATE_FROM_RECORDS
      ? ''
      : ` (${Math.round(total / Math.max(outcome.seconds, 0.001)).toLocaleString('en')} records/s)`;
  console.error(`Imported ${what}: ${counts} in ${outcome.seconds.toFixed(1)} s${rate}`);
}

/**
 * Runs an import for `command` and reports it as `what`; a failure ends as one message that says what
 * state the store is in.
 */
export async function runImport(
  command: string,
  what: string,
  work: (signal: AbortSignal) => Promise<ImportOutcome>,
): Promise<void> {
  // Ctrl-C (or SIGTERM) stops the import at the next record, so that it can say what it left behind;
  // a second one ends the process at once.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort(new StoppedError(`stopped by ${signal}`));
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  let outcome: ImportOutcome;
  try {
    outcome = await work(stop.signal);
  } catch (error) {
    if (
      error instanceof ImportInterruptedError ||
      error instanceof ImportBlockedError ||
      error instanceof ImportNotStartedError
    )
      throw new CliError(`${command}: ${error.message}`);
    if (error instanceof FileSyntaxError || error instanceof StoppedError)
      throw new CliError(`${command}: ${error.message}; nothing was written.`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  reportImport(what, outcome);
}

class StoppedError extends Error {}
