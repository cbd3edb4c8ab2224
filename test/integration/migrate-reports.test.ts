// `tiersight migrate` is how an operator runs a migration again (data-model.md, 020; operations.md,
// Upgrades: delete its record, migrate). It printed the same line whether it ran anything or not, so
// nobody could tell that the step had done its work; migrate() now answers what it applied.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await migrate(db.executor);
  await db.close();
});

it('answers the migrations it applied: none on a store up to date, the one whose record was deleted', async () => {
  await migrate(db.executor);
  expect(await migrate(db.executor)).toEqual([]);

  await db.driver.executeQuery(
    `MATCH (m:TiersightMigration) WHERE m.id IN ['020-declared-supplier-sources', '021-event-keys'] DELETE m`,
  );
  expect(await migrate(db.executor)).toEqual(['020-declared-supplier-sources', '021-event-keys']);
  expect(await migrate(db.executor)).toEqual([]);

  const { records } = await db.driver.executeQuery('MATCH (m:TiersightMigration) RETURN count(m) AS n');
  expect(Number(records[0]!.get('n'))).toBe(MIGRATIONS.length);
});
