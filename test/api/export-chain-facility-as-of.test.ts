// `tiersight export-chain --facility X --as-of T`: when the viewer could not look X up at T (though it
// may now), the refusal says "at T", not that it may not look X up at all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/export-chain.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { captured } from '../support/captured-command.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

let db: TestDatabase;
const savedUri = process.env['NEO4J_URI'];

beforeAll(async () => {
  db = await openTestDatabase();
  process.env['NEO4J_URI'] = neo4jUri();
  await loadGraph(
    db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('factory', 'FACTORY')
      .link('factory', 'buyer', { validFrom: '2020-01-01', recordedAt: '2019-12-01' })
      .build(),
  );
});
afterAll(async () => {
  if (savedUri === undefined) delete process.env['NEO4J_URI'];
  else process.env['NEO4J_URI'] = savedUri;
  await db.close();
});

async function refusal(args: string[]): Promise<CliError> {
  const failure = await captured(run, args).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(failure instanceof CliError)) throw new Error(`expected a CliError, got ${String(failure)}`);
  return failure;
}

it('names the instant when the facility could not be looked up then, though it can now', async () => {
  // Now the buyer may look the factory up (the link holds); on 2019-06-01 it could not.
  const { stdout } = await captured(run, ['--org', 'buyer', '--facility', 'factory']);
  expect(JSON.parse(stdout)).toMatchObject({ name: 'Facility record of Org factory' });
  const error = await refusal(['--org', 'buyer', '--facility', 'factory', '--as-of', '2019-06-01']);
  expect(error.exitCode).toBe(2);
  expect(error.message).toContain('2019-06-01');
});
