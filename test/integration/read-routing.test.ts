// Where the executor sends its transactions (docs/operations.md, "Replicas and clusters"), read off the
// Bolt messages that start them, as the driver sends them to the real Neo4j (BEGIN, or the RUN of an
// auto-commit transaction, which carries the transaction's metadata): reads go in write mode (to a
// cluster's leader) unless NEO4J_READ_ROUTING=followers, and every transaction carries the bookmark of
// this process's last commit, so a follower waits until it has applied it.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReadRouting } from '../../src/config.ts';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

const WRITE = statement('test.writeNothingLasting', cypher`CREATE (p:ReadRoutingProbe) DELETE p`);
const READ = statement('test.read', cypher`RETURN 1 AS one`);

let driver: Driver;
/** The transaction-starting messages' metadata, in order. */
let begins: string[] = [];
/** Every message's kind (BEGIN, RUN, PULL, COMMIT…), in order. */
let sent: string[] = [];

beforeAll(() => {
  driver = neo4j.driver(
    neo4jUri(),
    neo4j.auth.basic(process.env['NEO4J_USER'] ?? 'neo4j', process.env['NEO4J_PASSWORD'] ?? ''),
    {
      logging: {
        level: 'debug',
        logger: (_level, message) => {
          const begin = / C: (?:BEGIN|RUN [\s\S]* \{ \.\.\. \}) (\{[^\n]*"tx_metadata"[^\n]*\})$/.exec(
            message,
          );
          if (begin) begins.push(begin[1]!);
          const kind = / C: ([A-Z]+)/.exec(message);
          if (kind) sent.push(kind[1]!);
        },
      },
    },
  );
});

beforeEach(() => {
  begins = [];
  sent = [];
});

afterAll(() => driver.close());

async function writeThenRead(readRouting?: ReadRouting): Promise<{ write: string; read: string }> {
  const executor = new Executor(driver, {
    transactionTimeoutMs: 10_000,
    ...(readRouting && { readRouting }),
  });
  await executor.write(WRITE, {});
  await executor.read(READ, {});
  expect(begins).toHaveLength(2);
  return { write: begins[0]!, read: begins[1]! };
}

describe('the executor on a cluster', () => {
  it('runs reads where writes go by default, after the last commit of the process', async () => {
    const { write, read } = await writeThenRead();
    expect(write).not.toContain('"mode":"r"');
    expect(read).not.toContain('"mode":"r"');
    expect(read).toMatch(/"bookmarks":\["[^"]+"\]/);
  });

  it('runs reads on the followers with NEO4J_READ_ROUTING=followers, still after the last commit', async () => {
    const { write, read } = await writeThenRead('followers');
    expect(write).not.toContain('"mode":"r"');
    expect(read).toContain('"mode":"r"');
    expect(read).toMatch(/"bookmarks":\["[^"]+"\]/);
  });

  it('runs a single read as one auto-commit transaction, without BEGIN and COMMIT round trips', async () => {
    const executor = new Executor(driver, { transactionTimeoutMs: 10_000 });
    await executor.read(READ, {});
    const transaction = sent.filter((kind) => ['BEGIN', 'RUN', 'PULL', 'COMMIT'].includes(kind));
    expect(transaction).toEqual(['RUN', 'PULL']);
    sent = [];
    await executor.readTransaction('test.readTransaction', {}, (tx) => tx.run(READ));
    expect(sent.filter((kind) => ['BEGIN', 'RUN', 'PULL', 'COMMIT'].includes(kind))).toEqual([
      'BEGIN',
      'RUN',
      'PULL',
      'COMMIT',
    ]);
  });
});

// A managed read transaction (session.executeRead or executeWrite) follows NEO4J_READ_ROUTING as a
// single read does.
describe('a managed read transaction on a cluster', () => {
  for (const [routing, onFollowers] of [
    [undefined, false],
    ['followers', true],
  ] as const) {
    it(`goes where single reads go (${routing ?? 'default'}), after the last commit`, async () => {
      const executor = new Executor(driver, {
        transactionTimeoutMs: 10_000,
        ...(routing && { readRouting: routing }),
      });
      await executor.write(WRITE, {});
      await executor.readTransaction('test.readTransaction', {}, (tx) => tx.run(READ));
      await executor.read(READ, {});
      expect(begins).toHaveLength(3);
      const [write, managed, single] = begins as [string, string, string];
      expect(write).not.toContain('"mode":"r"');
      expect(managed.includes('"mode":"r"')).toBe(onFollowers);
      expect(single.includes('"mode":"r"')).toBe(onFollowers);
      expect(managed).toMatch(/"bookmarks":\["[^"]+"\]/);
    });
  }
});
