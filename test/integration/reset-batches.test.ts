// `import --reset` empties the store batch by batch (ImportRepository.deleteAllData), each batch a
// transaction of its own, and stops at the first batch smaller than its size: a store of more than
// one batch of relationships and of nodes is emptied all the same, and the records of migrations and
// import runs stay.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const count = async (query: string) => (await db.driver.executeQuery(query)).records[0]!.get('n') as number;

it('empties a store of more than one batch of relationships (20,000) and of nodes (10,000)', async () => {
  await db.imports.deleteAllData();
  await db.driver.executeQuery(
    `UNWIND range(1, 12500) AS i
     CREATE (:Organization {id: 'o-' + i})-[:SUPPLIES {id: 'l-' + i}]->(:Organization {id: 'c-' + i})`,
  );
  expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(12_500);
  await db.driver.executeQuery(
    `MATCH (o:Organization) WHERE o.id STARTS WITH 'o-'
     WITH o MATCH (c:Organization {id: 'c-' + substring(o.id, 2)})
     CREATE (o)-[:SUPPLIES {id: 'm-' + o.id}]->(c)`,
  );
  expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(25_000);
  const kept = await count('MATCH (n) WHERE n:TiersightMigration OR n:ImportRun RETURN count(n) AS n');
  expect(kept).toBeGreaterThan(0);

  await db.imports.deleteAllData();

  expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(0);
  expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(kept);
});
