// A write that loses a deadlock (two users writing one record at once: a double-click) is run again by
// the executor after milliseconds, where neo4j-driver's own retry waits a second first, which the user
// paid in full (src/graph/executor.ts, retryingDeadlocks). Neo4j has rolled the loser back by the time
// it reports the deadlock, so running it again applies its writes once. The driver here is a stand-in
// whose transactions fail as told (test/support/stand-in-driver.ts); the clock is vitest's.
import { Neo4jError } from 'neo4j-driver';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor, isDeadlock } from '../../src/graph/executor.ts';
import { standInDriver } from '../support/stand-in-driver.ts';

const WRITE = statement('test.deadlockedWrite', cypher`MERGE (o:Organization {id: 'x'}) SET o.name = 'X'`);

const deadlock = () =>
  new Neo4jError(
    'ForsetiClient can not acquire ExclusiveLock',
    'Neo.TransientError.Transaction.DeadlockDetected',
    '50N05',
    'deadlock',
  );
const syntax = () =>
  new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Where `promise` stands now: its value, its failure, or still pending. */
const settled = <T>(promise: Promise<T>) => {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
};

describe('a write that loses a deadlock', () => {
  it('runs again within 15 ms, and once it wins, answers', async () => {
    const { driver, runs } = standInDriver([deadlock()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    const write = settled(executor.write(WRITE, {}));
    await vi.advanceTimersByTimeAsync(15);
    expect(write).toEqual({ value: [], done: true });
    expect(runs.map((r) => r.text)).toEqual([WRITE.text, WRITE.text]);
  });

  it('keeps trying, waiting twice as long each time, until the retry budget is spent, then fails with the deadlock', async () => {
    const { driver, runs } = standInDriver(Array.from({ length: 100 }, deadlock));
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000, retryBudgetMs: 500 });
    const write = settled(executor.write(WRITE, {}));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(write.done).toBe(true);
    expect(write.error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(isDeadlock(write.error)).toBe(true);
    // Waits of 10, 20, 40, 80, 160, 320 ms (each ×0.5 to ×1.5) fit 500 ms four to seven times.
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.length).toBeLessThanOrEqual(8);
  });
});

it('a write that fails otherwise is not run again by the executor', async () => {
  const { driver, runs } = standInDriver([syntax()]);
  const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
  const write = settled(executor.write(WRITE, {}));
  await vi.advanceTimersByTimeAsync(2_000);
  expect(write.error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  expect(runs).toHaveLength(1);
});
