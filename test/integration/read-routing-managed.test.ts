// read-routing.test.ts checks where executor.read (an auto-commit transaction) goes; this checks that
// executor.readTransaction, a managed one (session.executeRead or executeWrite), follows
// NEO4J_READ_ROUTING as a single read does.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
