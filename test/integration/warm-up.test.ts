// After an outage each unit of work is cold (src/graph/availability.ts). Its first request is refused
// at once and the unit warms up in the background: a read unit runs (its answer thrown away), a write
// unit is only planned under EXPLAIN, so nothing is written and a client's retry of a refused mutation
// cannot apply it twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { afterAnOutage, ended } from '../support/cold-units.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

const CREATE = statement('test.warmUp.create', cypher`CREATE (:WarmUpProbe {id: $id})`);
const COUNT = statement('test.warmUp.count', cypher`MATCH (p:WarmUpProbe) RETURN count(p) AS n`);

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.driver.executeQuery('MATCH (p:WarmUpProbe) DELETE p');
});
afterAll(async () => {
  await db.driver.executeQuery('MATCH (p:WarmUpProbe) DELETE p');
  await db.close();
});

const probes = async () => {
  const { records } = await db.driver.executeQuery(COUNT.text);
  return records[0]!.get('n') as number;
};

it('refuses a cold write unit at once, plans it without running it, then runs it', async () => {
  const executor = await afterAnOutage(db.driver);
  const units: string[] = [];
  executor.observe((unit) => units.push(unit));
  const planned = ended(executor, CREATE.name);
  // "At once": the refusal comes before the plan it started has ended, an order rather than a time.
  let planEnded = false;
  void planned.then(() => (planEnded = true));
  // The breaker lets this one through as its probe: a plan, not a write.
  await expect(executor.write(CREATE, { id: 'first' })).rejects.toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
  });
  expect(planEnded).toBe(false);
  await expect(executor.write(CREATE, { id: 'second' })).rejects.toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
  });
  expect(await planned).toBe('OK');
  expect(units).toEqual([CREATE.name]);
  expect(await probes()).toBe(0);
  expect(executor.statementCount).toBe(0);

  await executor.write(CREATE, { id: 'third' });
  expect(await probes()).toBe(1);
  expect(executor.availability.open).toBe(false);
});

it('refuses a cold read unit at once and runs it in the background, then serves it', async () => {
  const executor = await afterAnOutage(db.driver);
  const warmed = ended(executor, COUNT.name);
  await expect(executor.read(COUNT, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expect(await warmed).toBe('OK');
  expect(executor.statementCount).toBe(0);
  const records = await executor.read(COUNT, {});
  expect(records[0]!.get('n')).toBe(1);
  expect(executor.statementCount).toBe(1);
});
