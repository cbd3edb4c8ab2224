// The executor's own retry of an auto-commit read (src/graph/executor.ts, `read`): the driver retries
// only managed transactions, so a read that meets a dead connection or a moved leader is run once more,
// at once; a failure of the statement itself is not. The driver here is a stand-in whose sessions fail
// as told: the db tier runs the executor on a real Neo4j, but cannot make a connection die on cue.
import { Neo4jError, type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';

const READ = statement('test.retriedRead', cypher`RETURN 1 AS one`);

/** A driver whose auto-commit runs fail with `failures`, in order, and then answer no rows. */
function standIn(failures: Error[]) {
  const runs: string[] = [];
  const session = {
    run: (text: string) => {
      runs.push(text);
      const failure = failures.shift();
      return failure === undefined
        ? Promise.resolve({ records: [] as Neo4jRecord[] })
        : Promise.reject(failure);
    },
    close: () => Promise.resolve(),
  };
  const driver = { session: () => session, executeQueryBookmarkManager: undefined };
  // A stand-in for the two members the executor's auto-commit path uses.
  return { driver: driver as unknown as Driver, runs };
}

const gone = () => new Neo4jError('connection closed', 'ServiceUnavailable', '08000', 'connection closed');
const syntax = () =>
  new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');

describe('an auto-commit read', () => {
  it('is run once more, at once, after a retryable failure', async () => {
    const { driver, runs } = standIn([gone()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    await expect(executor.read(READ, {})).resolves.toEqual([]);
    expect(runs).toEqual([READ.text, READ.text]);
  });

  it('answers SERVICE_UNAVAILABLE when the second try fails too, and tries no third time', async () => {
    const { driver, runs } = standIn([gone(), gone(), gone()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    await expect(executor.read(READ, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(runs).toHaveLength(2);
  });

  it('is not run again after a failure of its own', async () => {
    const { driver, runs } = standIn([syntax()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    await expect(executor.read(READ, {})).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(runs).toHaveLength(1);
  });
});
