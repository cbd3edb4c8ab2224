import { existsSync, readFileSync, statSync } from 'node:fs';
import { FacilityRepository } from '../../import/facility-repository.ts';
import { planFacilities, writeFacilities } from '../../import/import-facilities.ts';
import { ImportRepository } from '../../import/import-repository.ts';
import {
  FacilitiesFileError,
  formatFacilityProblem,
  readFacilities,
  type FacilityProblem,
} from '../../import/open-supply-hub.ts';
import { fileOrigin } from '../../import/read-records.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';
import { terminalProgress } from '../progress.ts';
import { runImport } from '../report-import.ts';
import { quote } from '../../domain/quote.ts';

const HELP = `Usage: tiersight import-facilities FILE.csv

Loads an Open Supply Hub facilities download (CSV) into NEO4J_URI (or the bundled Neo4j when it is
unset) as FACTORY organizations keyed by os_id: a facility Tiersight does not know yet becomes a
listed organization with id osh-<os_id>; one it knows (same os_id) is updated. Every bad row is
listed by row, column and value, and then nothing is written. Running the same file again changes
nothing. The column mapping is in docs/open-supply-hub.md.`;

const fail = (problems: FacilityProblem[], what: string): never => {
  for (const problem of problems) console.error(formatFacilityProblem(problem));
  const rows = new Set(problems.map((p) => p.row)).size;
  throw new CliError(
    `import-facilities: ${problems.length} problem(s) in ${rows} ${what}; nothing was written.`,
  );
};

export async function run(args: string[]): Promise<void> {
  const { positionals } = parseCommandArgs('import-facilities', args, {}, HELP, true);
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new CliError(`import-facilities takes exactly one FILE\n\n${HELP}`, 2);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new CliError(`import-facilities: no such file ${quote(file)}`, 2);
  let read: ReturnType<typeof readFacilities>;
  try {
    read = readFacilities(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof FacilitiesFileError)
      throw new CliError(`import-facilities: ${file}: ${error.message}; nothing was written.`);
    throw error;
  }
  if (read.problems.length > 0) fail(read.problems, 'row(s)');
  await withDatabase(async ({ executor }) => {
    const facilityRepository = new FacilityRepository(executor);
    const plan = await planFacilities(read.facilities, facilityRepository);
    if (plan.problems.length > 0) fail(plan.problems, 'row(s) that conflict with the store');
    console.error(
      `${file}: ${plan.created.length} new, ${plan.updated.length} changed, ${plan.unchanged} unchanged facilities`,
    );
    const imports = new ImportRepository(executor);
    // An empty plan still completes an interrupted run of this file, which kept readers away.
    const unfinished = (await imports.runs.list()).some((r) => r.finishedAt === null);
    if (plan.created.length + plan.updated.length === 0 && !unfinished) return;
    await runImport('import-facilities', `the facilities of ${file}`, (signal) =>
      writeFacilities(plan, read.facilities, facilityRepository, imports, {
        origin: fileOrigin(file, 'import-facilities'),
        progress: terminalProgress(),
        signal,
      }),
    );
  });
}
