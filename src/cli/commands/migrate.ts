import { MIGRATIONS } from '../../graph/migrations.ts';
import { parseCommandArgs } from '../args.ts';
import { withDatabase } from '../environment.ts';

const HELP = `Usage: tiersight migrate

Brings the schema and data of NEO4J_URI (or the bundled Neo4j when it is unset) up to this version:
the migrations \`serve\` runs at every start, run once and then exit. Before a rolling upgrade of
a large store, run it as a job of its own, so that no server's start-up probe waits on a backfill;
a migration already applied is not run again, so running it twice is harmless.`;

export async function run(args: string[]): Promise<void> {
  parseCommandArgs('migrate', args, {}, HELP);
  // Opening the database runs the migrations (src/runtime/database.ts), as `serve` does.
  await withDatabase(async ({ migrated }) => {
    console.log(
      `The store is migrated: ${MIGRATIONS.length} migrations, the last ${MIGRATIONS.at(-1)?.id ?? 'none'}; ` +
        (migrated.length === 0 ? 'none was missing.' : `applied now: ${migrated.join(', ')}.`),
    );
  });
}
