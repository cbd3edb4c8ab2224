// Replicas that start together all run the migrations at once on a database that has none yet.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { migrate } from '../../src/graph/migrations.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

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
