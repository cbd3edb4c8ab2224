// The migrations at start-up: replicas that start together all run them at once on a database that
// has none yet, and a migration that moves data runs once, as its recorded id promises.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';

const REPLICAS = 4;
let db: TestDatabase;

async function schemaNames(): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    `SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name`,
  );
  return records.map((record) => String(record.get('name')));
}

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await migrate(db.executor);
  await db.close();
});

it('succeed when several processes run them at once on an empty schema', async () => {
  const applied = await schemaNames();
  for (let round = 0; round < 3; round++) {
    const { records } = await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name');
    for (const record of records)
      await db.driver.executeQuery(`DROP CONSTRAINT ${String(record.get('name'))}`);
    for (const name of await schemaNames()) await db.driver.executeQuery(`DROP INDEX ${name}`);
    await db.driver.executeQuery('MATCH (m:TiersightMigration) DELETE m');

    const replicas = Array.from(
      { length: REPLICAS },
      () => new Executor(db.driver, { transactionTimeoutMs: 60_000 }),
    );
    await Promise.all(replicas.map((executor) => migrate(executor)));
    expect(await schemaNames()).toEqual(applied);
  }
});

it('record every id, and run a data-moving migration only while its id is not recorded', async () => {
  await loadGraph(db, {
    format: 'tiersight/v1',
    organizations: [
      { id: 'm-supplier', name: 'Supplier', type: 'FACTORY', country: 'CN' },
      { id: 'm-customer', name: 'Customer', type: 'BRAND', country: 'SE' },
    ],
    links: [{ id: 'm-link', supplier: 'm-supplier', customer: 'm-customer', products: [] }],
  });
  await migrate(db.executor);
  const { records } = await db.driver.executeQuery(
    'MATCH (m:TiersightMigration) RETURN m.id AS id ORDER BY id',
  );
  expect(records.map((r) => String(r.get('id')))).toEqual(MIGRATIONS.map((m) => m.id).sort());

  // What the recordedAt backfill would fill in, were it to run again.
  const recordedAt = async () => {
    const result = await db.driver.executeQuery(
      `MATCH ()-[l:SUPPLIES {id: 'm-link'}]->() RETURN l.recordedAt IS NULL AS missing`,
    );
    return result.records[0]?.get('missing') === true ? 'missing' : 'set';
  };
  await db.driver.executeQuery(`MATCH ()-[l:SUPPLIES {id: 'm-link'}]->() REMOVE l.recordedAt`);
  await migrate(db.executor);
  expect(await recordedAt()).toBe('missing');

  const backfill = MIGRATIONS.find((m) => (m.backfills ?? []).length > 0)!;
  await db.driver.executeQuery('MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: backfill.id });
  await migrate(db.executor);
  expect(await recordedAt()).toBe('set');
});
