// The executor's own retry of an auto-commit read (src/graph/executor.ts, `read`): the driver retries
// only managed transactions, so a read that meets a dead connection or a moved leader is run once more,
// at once; a failure of the statement itself is not. The driver here is a stand-in whose sessions fail
// as told (test/support/stand-in-driver.ts).
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';
import { standInDriver } from '../support/stand-in-driver.ts';

const READ = statement('test.retriedRead', cypher`RETURN 1 AS one`);

const gone = () => new Neo4jError('connection closed', 'ServiceUnavailable', '08000', 'connection closed');
const syntax = () =>
  new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');

describe('an auto-commit read', () => {
  it('is run once more, at once, after a retryable failure', async () => {
    const { driver, runs } = standInDriver([gone()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    await expect(executor.read(READ, {})).resolves.toEqual([]);
    expect(runs.map((r) => r.text)).toEqual([READ.text, READ.text]);
  });

  it('answers SERVICE_UNAVAILABLE when the second try fails too, and tries no third time', async () => {
    const { driver, runs } = standInDriver([gone(), gone(), gone()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    await expect(executor.read(READ, {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(runs).toHaveLength(2);
  });

  it('is not run again after a failure of its own', async () => {
    const { driver, runs } = standInDriver([syntax()]);
    const executor = new Executor(driver, { transactionTimeoutMs: 1_000 });
    await expect(executor.read(READ, {})).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(runs).toHaveLength(1);
  });
});
