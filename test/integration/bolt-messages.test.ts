// Records bigger than a Bolt chunk (src/graph/bolt-messages.ts joins their chunks before the driver
// reads them): every value comes back as sent, including multi-byte characters that a chunk or a
// socket read splits in two, and a record of many chunks among small ones.
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
