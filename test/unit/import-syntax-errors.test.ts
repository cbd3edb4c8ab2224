// A tiersight/v1 file with a JSON syntax error is refused naming where it is (line, column, byte
// offset: src/import/syntax-error-position.ts), as a file that is not UTF-8 is refused naming its byte
// offset, so that the operator of a multi-megabyte export need not bisect it to find the record to fix.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileItems, streamedItems } from '../../src/import/read-records.ts';
import { syntaxErrorPosition } from '../../src/import/syntax-error-position.ts';

const folder = mkdtempSync(join(tmpdir(), 'tiersight-syntax-'));
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
    expect(message).toContain(
      "at line 5, column 27 (byte offset 203): Parser cannot parse input: expected ','",
    );
  });
});

/** Where `text`, written to a file, stops being JSON. */
const at = async (text: string) => {
  const path = join(folder, 'text.json');
  writeFileSync(path, text);
  return syntaxErrorPosition(path);
};

describe('where a file stops being JSON', () => {
  it('counts columns in characters and offsets in bytes', async () => {
    expect(await at('{"a": "åäö€", "b" 1}')).toEqual({ line: 1, column: 19, byte: 23 });
    expect(await at('{"a": [1, 2,\n  3}\n')).toEqual({ line: 2, column: 4, byte: 16 });
  });

  it('is the end of a file that ends too soon, and nowhere in a file that is JSON', async () => {
    expect(await at('{"a": [1, 2')).toEqual({ line: 1, column: 12, byte: 11 });
    expect(await at('{"a": 1}')).toBeNull();
  });

  it('is found beyond the first mebibyte read', async () => {
    const records = Array.from({ length: 30_000 }, (_, i) => `{"id": "o-${i}", "name": "Name ${i} åäö"}`);
    const text = `{"organizations": [\n${records.join(',\n')}\n{"id": "x"}]}`;
    expect(await at(text)).toEqual({
      line: 30_002,
      column: 1,
      byte: Buffer.byteLength(text) - '{"id": "x"}]}'.length,
    });
  });
});

describe('the JSON scanner behind the position', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('takes exactly the texts JSON.parse takes, a character changed, dropped or added anywhere', async () => {
    const edited = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('drop', 'replace', 'insert'),
        fc.constantFrom(...'{}[]:,"\\ \t\n0-1.e+tfnul\u0001x'),
      )
      .map(([text, at, edit, c]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        if (edit === 'drop') return text.slice(0, i) + text.slice(i + 1);
        if (edit === 'replace') return text.slice(0, i) + c + text.slice(i + 1);
        return text.slice(0, i) + c + text.slice(i);
      });
    await fc.assert(
      fc.asyncProperty(edited, async (text) => {
        expect((await at(text)) === null, text).toBe(parses(text));
      }),
      { numRuns: 300 },
    );
  });
});

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
    const message = await errorOf(readFileItems(path));
    expect(message).toMatch(/ at line 6, column /);
  });

  it('is at the character that ends a misspelled literal, not 16 characters on', async () => {
    const position = await at('{"a": tru, "b": 1, "c": 2}');
    expect(position).toEqual({ line: 1, column: 10, byte: 9 });
  });

  it('is at the control character of a string, not after it', async () => {
    expect(await at('{"a": "x\tyz", "b": 1}')).toEqual({ line: 1, column: 9, byte: 8 });
  });
});

describe('a file refused for something other than its JSON syntax', () => {
  it('is not given the position of a later syntax error as where that refusal is', async () => {
    // A top-level array is refused at its first token; a syntax error 2 MB further on is not where.
    const path = join(folder, 'array.json');
    const items = Array.from({ length: 60_000 }, (_, i) => `  {"id": "o-${i}", "name": "Organization ${i}"}`);
    writeFileSync(path, `[\n${items.join(',\n')} x\n]\n`);
    const message = await errorOf(readFileItems(path));
    expect(message).toContain('the file must hold one JSON object at the top level');
    expect(message).not.toMatch(/ at line 60001,/);
  });
});

describe('a file that starts with a UTF-8 byte order mark', () => {
  it('is read by the import (stream-json drops the mark)', async () => {
    const path = join(folder, 'bom-valid.json');
    writeFileSync(path, '\uFEFF{"format": "tiersight/v1", "organizations": []}');
    expect(await errorOf(readFileItems(path))).toBe('no error');
  });

  it('has a syntax error named where it is, the mark counted in bytes and not in columns', async () => {
    const path = join(folder, 'bom-broken.json');
    // Line 3: `nul` is refused at the `}` after it.
    writeFileSync(path, '\uFEFF{"format": "tiersight/v1",\n "organizations": [],\n "x": nul}\n');
    expect(await errorOf(readFileItems(path))).toContain('at line 3, column 10 (byte offset 61)');
  });
});

describe('a long run of digits', () => {
  it('is read one step per digit: a megabyte of them before the error is placed at once', async () => {
    // Testing the whole number again at each digit took 6 s for 50,000 digits, half an hour for this.
    const digits = 1_000_000;
    expect(await at(`{"n": ${'1'.repeat(digits)}, x}`)).toEqual({
      line: 1,
      column: 9 + digits,
      byte: 8 + digits,
    });
  });
});
