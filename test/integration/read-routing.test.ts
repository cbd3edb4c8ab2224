// Where the executor sends its transactions (docs/operations.md, "Replicas and clusters"), read off the
// Bolt BEGIN messages that the driver sends to the real Neo4j: reads go in write mode (to a cluster's
// leader) unless NEO4J_READ_ROUTING=followers, and every transaction carries the bookmark of this
// process's last commit, so a follower waits until it has applied it.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReadRouting } from '../../src/config.ts';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { Executor } from '../../src/graph/executor.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

const WRITE = statement('test.writeNothingLasting', cypher`CREATE (p:ReadRoutingProbe) DELETE p`);
const READ = statement('test.read', cypher`RETURN 1 AS one`);

let driver: Driver;
let begins: string[] = [];

beforeAll(() => {
  driver = neo4j.driver(
    neo4jUri(),
    neo4j.auth.basic(process.env['NEO4J_USER'] ?? 'neo4j', process.env['NEO4J_PASSWORD'] ?? ''),
    {
      logging: {
        level: 'debug',
        logger: (_level, message) => {
          const begin = / C: BEGIN (.*)$/.exec(message);
          if (begin) begins.push(begin[1]!);
        },
      },
    },
  );
});

beforeEach(() => {
  begins = [];
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
});
