// After an outage each unit of work is cold (src/graph/availability.ts). Its first request is refused
// at once and the unit warms up in the background: a read unit runs (its answer thrown away), a write
// unit is only planned under EXPLAIN, so nothing is written and a client's retry of a refused mutation
// cannot apply it twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

const CREATE = statement('test.warmUp.create', cypher`CREATE (:WarmUpProbe {id: $id})`);
const COUNT = statement('test.warmUp.count', cypher`MATCH (p:WarmUpProbe) RETURN count(p) AS n`);

let db: TestDatabase;

/** An executor whose breaker has seen Neo4j go away, and come back after its cool-down. */
async function afterAnOutage(): Promise<Executor> {
  const executor = new Executor(db.driver, { transactionTimeoutMs: 60_000 });
  for (let i = 0; i < 3; i++) executor.availability.settled('gone', 'ordinary', 'unavailable');
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  return executor;
}

/** Resolves when `executor` has ended a unit named `name`, with its outcome. */
const ended = (executor: Executor, name: string) =>
  new Promise<string>((resolve) => {
    const stop = executor.observe((unit, _seconds, outcome) => {
      if (unit !== name) return;
      stop();
      resolve(outcome);
    });
  });
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
  const executor = await afterAnOutage();
  const units: string[] = [];
  executor.observe((unit) => units.push(unit));
  const planned = ended(executor, CREATE.name);
  const started = performance.now();
  // The breaker lets this one through as its probe: a plan, not a write.
  await expect(executor.write(CREATE, { id: 'first' })).rejects.toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
  });
  expect(performance.now() - started).toBeLessThan(100);
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
  const executor = await afterAnOutage();
  const warmed = ended(executor, COUNT.name);
  await expect(executor.read(COUNT, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  expect(await warmed).toBe('OK');
  expect(executor.statementCount).toBe(0);
  const records = await executor.read(COUNT, {});
  expect(records[0]!.get('n')).toBe(1);
  expect(executor.statementCount).toBe(1);
});
