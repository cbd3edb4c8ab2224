// Review (today2): the position a JSON syntax error is refused with (src/import/syntax-error-position.ts)
// is where stream-json's parser, fed one character at a time, first throws. For a misspelled literal
// (`nul`, `tru`, `flase`) that parser waits for up to 16 characters before deciding, so the position
// named lies up to 16 characters after the error: in a pretty-printed file (one field a line, as
// people write and edit import files), on a later line than the one to fix. A control character or a
// bad escape in a string is named 4-5 characters late. And a file refused for another reason (a
// top-level array) is given the position of an unrelated later syntax error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileItems } from '../../src/import/read-records.ts';
import { syntaxErrorPosition } from '../../src/import/syntax-error-position.ts';

const folder = mkdtempSync(join(tmpdir(), 'tiersight-syntax-review-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const at = async (text: string) => {
  const path = join(folder, 'text.json');
  writeFileSync(path, text);
  return syntaxErrorPosition(path);
};

describe('where a pretty-printed file stops being JSON', () => {
  // Line 6 holds `nul`: the error is there (the comma after it is line 6, column 21).
  const TEXT = [
    '{',
    '  "format": "tiersight/v1",',
    '  "links": [',
    '    {',
    '      "id": "a>b",',
    '      "validTo": nul,',
    '      "supplier": "a",',
    '      "customer": "b"',
    '    }',
    '  ]',
    '}',
    '',
  ].join('\n');

  it('is on the line of the misspelled literal', async () => {
    const path = join(folder, 'links.json');
    writeFileSync(path, TEXT);
    let message = 'no error';
    try {
      for await (const _ of readFileItems(path)) void _;
    } catch (error) {
      message = (error as Error).message;
    }
    // On the current code: "at line 7, column 12 (byte offset 101)".
    expect(message).toMatch(/ at line 6, column /);
  });

  it('is at the misspelled literal or the character that ends it, not 16 characters on', async () => {
    const position = await at('{"a": tru, "b": 1, "c": 2}');
    // On the current code: { line: 1, column: 23, byte: 22 }; the error is at byte 6..9.
    expect(position!.byte).toBeLessThanOrEqual(9);
  });

  it('is at the control character of a string, not after it', async () => {
    // On the current code: { line: 1, column: 14, byte: 13 } for the tab at byte 8 (column 9).
    expect(await at('{"a": "x\tyz", "b": 1}')).toEqual({ line: 1, column: 9, byte: 8 });
  });
});

describe('a file refused for something other than its JSON syntax', () => {
  it('is not given the position of a later syntax error as where that refusal is', async () => {
    // A top-level array is refused at its first token ("the file must hold one JSON object at the top
    // level"); the locator then parses the whole file again and names a syntax error 2 MB further on.
    const path = join(folder, 'array.json');
    const items = Array.from({ length: 60_000 }, (_, i) => `  {"id": "o-${i}", "name": "Organization ${i}"}`);
    writeFileSync(path, `[\n${items.join(',\n')} x\n]\n`);
    let message = 'no error';
    try {
      for await (const _ of readFileItems(path)) void _;
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('the file must hold one JSON object at the top level');
    // On the current code: "... JSON at line 60001, column 51 (byte offset 3037781): the file must hold one JSON object at
    // the top level".
    expect(message).not.toMatch(/ at line 60001,/);
  });
});
