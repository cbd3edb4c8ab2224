// Review abuse2: a tiersight/v1 file with a JSON syntax error in the middle is refused (nothing is
// written), but the refusal says only "Parser cannot parse input: expected ','" — not where. A file
// that is not UTF-8 is refused naming the byte offset (docs/specification.md, section 6); a syntax
// error in a multi-megabyte export should name its line (or byte offset) as well, or the operator has
// to bisect the file by hand to find the record to fix.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileItems, streamedItems } from '../../src/import/read-records.ts';

const folder = mkdtempSync(join(tmpdir(), 'zz-review-abuse2-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Line 5 lacks the comma after "name": the error is at line 5, column 27 (byte offset 203).
const TEXT = [
  '{"format": "tiersight/v1",',
  ' "organizations": [',
  '  {"id": "a", "name": "A", "type": "PURCHASER", "country": "SE"},',
  '  {"id": "b", "name": "B", "type": "FACTORY", "country": "SE"},',
  '  {"id": "c", "name": "C" "type": "FACTORY", "country": "SE"}',
  ' ]}',
  '',
].join('\n');

async function errorOf(items: AsyncIterable<unknown>): Promise<string> {
  try {
    for await (const _ of items) void _;
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('a JSON syntax error in the middle of an import file', () => {
  const path = join(folder, 'broken.json');
  writeFileSync(path, TEXT);

  it.each([
    ['read whole (files up to 256 MiB)', () => readFileItems(path)],
    ['streamed (larger files)', () => streamedItems(path)],
  ])('is refused naming where it is: %s', async (_how, read) => {
    const message = await errorOf(read());
    expect(message).toContain(path);
    expect(message).toContain('not valid tiersight/v1 JSON');
    // Any of: "line 5", "line 5, column 27", "byte 203", "offset 203".
    expect(message).toMatch(/line 5\b|byte(?: offset)? 20\d|offset 20\d|position 20\d/);
  });
});
