// `tiersight migrate`: the migrations `serve` runs at start-up, run as a command of their own (a job
// before a rolling upgrade), against NEO4J_URI. A migration whose record is missing is applied and
// recorded again; running it twice changes nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/graph/migrations.ts';
import { openTestDatabase, rowsOf, type TestDatabase } from '../support/database.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

const CLI = fileURLToPath(new URL('../../bin/tiersight.js', import.meta.url));
const LAST = MIGRATIONS.at(-1)?.id ?? '';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const migrateCommand = () =>
  spawnSync(process.execPath, [CLI, 'migrate'], {
    env: { ...process.env, NEO4J_URI: neo4jUri() },
    encoding: 'utf8',
    timeout: 120_000,
  });

const recorded = async (id: string) =>
  (await rowsOf(db, 'MATCH (m:TiersightMigration {id: $id}) RETURN m.id AS id', { id })).length;

it('applies and records a migration the store lacks, and exits 0 saying so', async () => {
  await rowsOf(db, 'MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: LAST });
  expect(await recorded(LAST)).toBe(0);
  const run = migrateCommand();
  expect(run.stderr).toMatch(/^Using Neo4j at bolt:\/\//);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(
    `The store is migrated: ${MIGRATIONS.length} migrations, the last ${LAST}; applied now: ${LAST}.\n`,
  );
  expect(await recorded(LAST)).toBe(1);
  const again = migrateCommand();
  expect(again.status).toBe(0);
  expect(again.stdout).toBe(
    `The store is migrated: ${MIGRATIONS.length} migrations, the last ${LAST}; none was missing.\n`,
  );
  expect(await recorded(LAST)).toBe(1);
}, 240_000);
