import { existsSync, statSync } from 'node:fs';
import { ImportRepository } from '../../import/import-repository.ts';
import { importGraph } from '../../import/import-graph.ts';
import { fileOrigin, fileSource } from '../../import/read-records.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';
import { terminalProgress } from '../progress.ts';
import { runImport } from '../report-import.ts';
import { quote } from '../../domain/quote.ts';

const HELP = `Usage: tiersight import FILE [--reset]

Loads a tiersight/v1 JSON file into NEO4J_URI (or the bundled Neo4j when it is unset).
The whole file is validated first; if any record is bad, every problem is listed and nothing is
written. Records are upserted by id, so importing the same file twice leaves the same graph.
While it writes, the API answers SERVICE_UNAVAILABLE; if it is interrupted, the API goes on
doing so until the same import is run again, which completes it.

Options:
  --reset   empty the database before importing`;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    'import',
    args,
    { reset: { type: 'boolean' } },
    HELP,
    true,
  );
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new CliError(`import takes exactly one FILE\n\n${HELP}`, 2);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new CliError(`import: no such file ${quote(file)}`, 2);
  await withDatabase(({ executor }) =>
    runImport('import', file, (signal) =>
      importGraph(fileSource(file), new ImportRepository(executor), {
        origin: fileOrigin(file),
        reset: values.reset === true,
        progress: terminalProgress(),
        signal,
      }),
    ),
  );
}
