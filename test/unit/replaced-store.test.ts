// A replica after its database was replaced by an older store (a backup put back, an Aura snapshot
// restored): Neo4j waits for the transactions this process's bookmarks name, never reaches them, and
// answers BookmarkTimeout. The executor then starts a new bookmark history and runs the unit again on
// the leader, instead of failing every request until the process restarts
// (test/integration/replaced-store.test.ts does it on a real Neo4j). The driver here is a stand-in
// whose sessions fail as told (test/support/stand-in-driver.ts).
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';
import { standInDriver } from '../support/stand-in-driver.ts';

const READ = statement('test.bookmarkedRead', cypher`RETURN 1 AS one`);

const behind = () =>
  new Neo4jError(
    "Database 'neo4j' not up to the requested version: 24. Latest database version is 6",
    'Neo.TransientError.Transaction.BookmarkTimeout',
    '08000',
    'bookmark timeout',
  );

function executorOn(failures: Error[], readRouting: 'leader' | 'followers' = 'leader') {
  const { driver, runs } = standInDriver(failures);
  const executor = new Executor(driver, { transactionTimeoutMs: 1_000, readRouting });
  const replaced: string[] = [];
  executor.onReplacedStore((detail) => replaced.push(detail));
  return { executor, runs, replaced };
}

describe('a store older than the bookmarks', () => {
  it('on the leader: the unit runs once more, at once, with a new bookmark history, and the operator is told', async () => {
    const { executor, runs, replaced } = executorOn([behind()]);
    await expect(executor.read(READ, {})).resolves.toEqual([]);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.bookmarkManager).not.toBe(runs[0]!.bookmarkManager);
    expect(runs[1]!.accessMode).toBe('WRITE');
    expect(replaced).toEqual([
      "Database 'neo4j' not up to the requested version: 24. Latest database version is 6",
    ]);
    // Later units keep the new history.
    await executor.read(READ, {});
    expect(runs[2]!.bookmarkManager).toBe(runs[1]!.bookmarkManager);
  });

  it('on a follower: the unit is asked of the leader with the same bookmarks; only a leader behind them starts a new history', async () => {
    const lagging = executorOn([behind()], 'followers');
    await expect(lagging.executor.read(READ, {})).resolves.toEqual([]);
    expect(lagging.runs.map((r) => r.accessMode)).toEqual(['READ', 'WRITE']);
    expect(lagging.runs[1]!.bookmarkManager).toBe(lagging.runs[0]!.bookmarkManager);
    expect(lagging.replaced).toEqual([]);

    const replacedStore = executorOn([behind(), behind()], 'followers');
    await expect(replacedStore.executor.read(READ, {})).resolves.toEqual([]);
    expect(replacedStore.runs.map((r) => r.accessMode)).toEqual(['READ', 'WRITE', 'WRITE']);
    expect(replacedStore.runs[2]!.bookmarkManager).not.toBe(replacedStore.runs[1]!.bookmarkManager);
    expect(replacedStore.replaced).toHaveLength(1);
  });

  it('is not waited for twice: a leader still behind the new history answers SERVICE_UNAVAILABLE, once', async () => {
    const { executor, runs, replaced } = executorOn([behind(), behind(), behind()]);
    await expect(executor.read(READ, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(runs).toHaveLength(2);
    expect(replaced).toHaveLength(1);
  });

  it('units that failed on the old history together start one new one', async () => {
    const { executor, runs, replaced } = executorOn([behind(), behind()]);
    await Promise.all([executor.read(READ, {}), executor.read(READ, {})]);
    expect(replaced).toHaveLength(1);
    const retried = runs.slice(2).map((r) => r.bookmarkManager);
    expect(retried[0]).toBe(retried[1]);
  });
});
