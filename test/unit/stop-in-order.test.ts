// The order in which `tiersight serve` stops (src/cli/stop-in-order.ts): the deadline is the requests'
// alone, so a slow stop of the bundled Neo4j neither says "requests still in flight" nor exits early.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopInOrder, type StopSteps } from '../../src/cli/stop-in-order.ts';

const DEADLINE = 25_000;

function steps(closeApp: () => Promise<void>, closeDatabase: () => Promise<void>, bundled = true) {
  const log: string[] = [];
  const exits: number[] = [];
  const given: StopSteps = {
    closeApp,
    closeDatabase,
    bundled,
    log: (line) => log.push(line),
    exit: (code) => exits.push(code),
    deadlineMs: DEADLINE,
  };
  return { stop: stopInOrder(given), log, exits };
}

const after = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('stopInOrder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a bundled Neo4j that takes longer than the deadline, and exits with 0', async () => {
    const s = steps(after(100), after(DEADLINE * 3));
    const stopped = s.stop('SIGTERM');
    await vi.advanceTimersByTimeAsync(DEADLINE * 4);
    await stopped;
    expect(s.log).toEqual([
      'SIGTERM: stopping after the requests in flight (at most 25 s)',
      'SIGTERM: stopping the bundled Neo4j',
    ]);
    expect(s.exits).toEqual([0]);
  });

  it('says which requests held it and exits with 1 when they outlast the deadline', async () => {
    const s = steps(after(DEADLINE * 2), after(10));
    void s.stop('SIGINT');
    await vi.advanceTimersByTimeAsync(DEADLINE + 1);
    expect(s.log.at(-1)).toBe('SIGINT: requests still in flight after 25 s; exiting');
    expect(s.exits).toEqual([1]);
  });

  it('closes the database after the server, once, whatever the number of signals', async () => {
    const order: string[] = [];
    const s = steps(
      async () => void order.push('app'),
      async () => void order.push('database'),
      false,
    );
    await Promise.all([s.stop('SIGTERM'), s.stop('SIGTERM'), s.stop('SIGINT')]);
    expect(order).toEqual(['app', 'database']);
    expect(s.log).toEqual(['SIGTERM: stopping after the requests in flight (at most 25 s)']);
    expect(s.exits).toEqual([0]);
  });

  it('still closes the database when the server fails to close, and exits with 1', async () => {
    let databaseClosed = false;
    const s = steps(
      () => Promise.reject(new Error('socket hang up')),
      async () => void (databaseClosed = true),
    );
    await s.stop('SIGTERM');
    expect(databaseClosed).toBe(true);
    expect(s.log).toContain('SIGTERM: the server did not close cleanly: socket hang up');
    expect(s.exits).toEqual([1]);
  });
});
