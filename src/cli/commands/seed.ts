import { ImportRepository } from '../../import/import-repository.ts';
import { loadDemoScenario } from '../../runtime/demo.ts';
import { parseCommandArgs } from '../args.ts';
import { withDatabase } from '../environment.ts';
import { runImport } from '../report-import.ts';

const HELP = `Usage: tiersight seed [--reset]

Loads the demo scenario (Region Stockholm, Atea, Dell and the factories of the DanWatch 2013 and
ASPI 2020 reports, with their sources) into NEO4J_URI (or the bundled Neo4j when it is unset).
Records marked ILLUSTRATIVE are invented for the demo; see docs/demo-scenario.md.

Options:
  --reset   empty the database first`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs('seed', args, { reset: { type: 'boolean' } }, HELP);
  await withDatabase(({ executor }) =>
    runImport('seed', 'the demo scenario', () =>
      loadDemoScenario(new ImportRepository(executor), values.reset === true),
    ),
  );
}
