// Messages bigger than a Bolt chunk. Records (src/graph/bolt-messages.ts joins their chunks before
// the driver reads them): every value comes back as sent, including multi-byte characters that a chunk
// or a socket read splits in two, and a record of many chunks among small ones. Statements
// (src/graph/bolt-writes.ts corks the socket): a long one leaves in one write and runs as sent.
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(() => db.close());

const NAMES = ['Zhōngshān', 'Kraków', 'Göteborg', '東莞', 'Plant 😀 7', 'São Paulo'];

describe('records of many chunks', () => {
  it('come back whole, with every string, number and nested list as sent', async () => {
    const expected = Array.from({ length: 30_000 }, (_, i) => [
      `${NAMES[i % NAMES.length]!} ${i}`,
      i,
      i / 8,
      [i % 2 === 0, null],
    ]);
    const { records } = await db.driver.executeQuery(
      `UNWIND [1, 2, 3] AS n
       RETURN n, CASE n WHEN 2 THEN [i IN range(0, 29999) | [$names[i % size($names)] + ' ' + i, i, i / 8.0, [i % 2 = 0, null]]] ELSE [] END AS rows`,
      { names: NAMES },
    );
    expect(records.map((r) => r.get('n'))).toEqual([1, 2, 3]);
    expect(records[1]!.get('rows')).toEqual(expected);
    // Over a megabyte: dozens of 64 kB chunks, and many socket reads.
    expect(JSON.stringify(expected).length).toBeGreaterThan(1_000_000);
  });
});

describe('a statement longer than a Bolt chunk', () => {
  it('goes out in one socket write (src/graph/bolt-writes.ts) and runs as sent', async () => {
    // A chain statement's text is 6-15 kB: the driver cuts its RUN into chunks of 1,400 bytes.
    const label = `${NAMES.join(' ')} `.repeat(400);
    const socket = Socket.prototype as unknown as Record<
      '_write' | '_writev',
      (...args: unknown[]) => unknown
    >;
    const [write, writev] = [socket._write, socket._writev];
    const writes: number[] = [];
    socket._write = function (this: Socket, ...args: unknown[]) {
      writes.push(1);
      return write.apply(this, args);
    };
    socket._writev = function (this: Socket, ...args: unknown[]) {
      writes.push((args[0] as unknown[]).length);
      return writev.apply(this, args);
    };
    try {
      const { records } = await db.driver.executeQuery(`RETURN '${label}' AS label, $n AS n`, { n: 7 });
      expect(records[0]!.get('label')).toBe(label);
      expect(records[0]!.get('n')).toBe(7);
    } finally {
      socket._write = write;
      socket._writev = writev;
    }
    expect(Buffer.byteLength(label)).toBeGreaterThan(10 * 1_400);
    // One system call per message burst: the chunks of the statement, its PULL and the commit's.
    expect(writes.filter((chunks) => chunks > 1).length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThanOrEqual(3);
  });
});
