// A statement's first run in this process plans it, which on a cold JVM can outlast the transaction
// timeout (src/graph/time-limits.ts): the unit's transactions get the warm-up limit until its first
// run has ended, later ones the configured limit, and the exemption is spent whatever that end.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';
import { TimeLimits, WARM_UP_TIMEOUT_MS } from '../../src/graph/time-limits.ts';
import { standInDriver } from '../support/stand-in-driver.ts';

const CHAIN = statement('test.firstRun.chain', cypher`RETURN 1 AS one`);
const EXPOSURE = statement('test.firstRun.exposure', cypher`RETURN 2 AS two`);
const LIMIT = 15_000;

describe('the time limit of a transaction', () => {
  it("is the warm-up limit for a unit's first run and the configured one after it", async () => {
    const { driver, runs } = standInDriver();
    const executor = new Executor(driver, { transactionTimeoutMs: LIMIT });
    await executor.read(CHAIN, {});
    await executor.read(CHAIN, {});
    await executor.read(EXPOSURE, {});
    await executor.read(CHAIN, {});
    expect(runs.map((r) => r.timeout)).toEqual([WARM_UP_TIMEOUT_MS, LIMIT, WARM_UP_TIMEOUT_MS, LIMIT]);
  });

  it('spends the exemption on a first run that fails, timed out or not', async () => {
    const timedOut = new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOut', '', '');
    const { driver, runs } = standInDriver([timedOut]);
    const executor = new Executor(driver, { transactionTimeoutMs: LIMIT });
    await expect(executor.read(CHAIN, {})).rejects.toMatchObject({ code: 'TIMEOUT' });
    await executor.read(CHAIN, {});
    expect(runs.map((r) => r.timeout)).toEqual([WARM_UP_TIMEOUT_MS, LIMIT]);
  });

  it('gives a run that starts beside the first one, before it ends, the warm-up limit too', () => {
    const limits = new TimeLimits(LIMIT);
    const beside = [limits.limitFor('u', 'run'), limits.limitFor('u', 'run')];
    limits.ended('u');
    expect([...beside, limits.limitFor('u', 'run')]).toEqual([WARM_UP_TIMEOUT_MS, WARM_UP_TIMEOUT_MS, LIMIT]);
  });

  it("keeps the warm-up limit for the executor's own warm-up and planning", () => {
    const limits = new TimeLimits(LIMIT);
    limits.ended('u');
    expect([limits.limitFor('u', 'warm-up'), limits.limitFor('u', 'plan')]).toEqual([
      WARM_UP_TIMEOUT_MS,
      WARM_UP_TIMEOUT_MS,
    ]);
  });

  it('is never shorter than the configured timeout', () => {
    const limits = new TimeLimits(300_000);
    const first = limits.limitFor('u', 'run');
    limits.ended('u');
    expect([first, limits.limitFor('u', 'run')]).toEqual([300_000, 300_000]);
  });
});
