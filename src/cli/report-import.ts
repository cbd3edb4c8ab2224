import type { ImportOutcome } from '../import/import-graph.ts';
import { formatProblem } from '../import/validate.ts';
import { SECTIONS } from '../import/read-records.ts';
import { CliError } from './cli-error.ts';

/** Prints what an import did, or every problem it found (and fails the command). */
export function reportImport(what: string, outcome: ImportOutcome): void {
  const { validation } = outcome;
  if (!outcome.ok) {
    for (const problem of validation.problems) console.error(formatProblem(problem));
    const more = validation.problemCount - validation.problems.length;
    if (more > 0) console.error(`... and ${more.toLocaleString('en')} more`);
    throw new CliError(
      `${what}: ${validation.problemCount.toLocaleString('en')} problem(s) found; nothing was written.`,
    );
  }
  const total = SECTIONS.reduce((sum, s) => sum + outcome.written[s], 0);
  const counts = SECTIONS.map((s) => `${outcome.written[s].toLocaleString('en')} ${s}`).join(', ');
  const rate = Math.round(total / Math.max(outcome.seconds, 0.001));
  console.error(
    `Imported ${what}: ${counts} in ${outcome.seconds.toFixed(1)} s (${rate.toLocaleString('en')} records/s)`,
  );
}
