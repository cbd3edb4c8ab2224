// An executor as it stands right after an outage, every unit of work cold (src/graph/availability.ts),
// and a way to wait for one unit's end: shared by the tests of warm-up and of answers after a write.
import type { Driver } from 'neo4j-driver';
import { Executor } from '../../src/graph/executor.ts';

/** An executor whose breaker has seen Neo4j go away, and come back after its cool-down. */
export async function afterAnOutage(driver: Driver): Promise<Executor> {
  const executor = new Executor(driver, { transactionTimeoutMs: 60_000 });
  for (let i = 0; i < 3; i++) executor.availability.settled('gone', 'ordinary', 'unavailable');
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  return executor;
}

/** Resolves when `executor` has ended a unit named `name`, with its outcome. */
export const ended = (executor: Executor, name: string) =>
  new Promise<string>((resolve) => {
    const stop = executor.observe((unit, _seconds, outcome) => {
      if (unit !== name) return;
      stop();
      resolve(outcome);
    });
  });
