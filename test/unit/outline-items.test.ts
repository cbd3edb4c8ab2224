// The whole-file reader (outline-items.ts) against the token stream it stands in for: for any text, the
// same items, and where the text is not valid tiersight/v1 JSON, the same error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { outlineItems } from '../../src/import/outline-items.ts';
import {
  MAX_RECORD_DEPTH,
  readFileItems,
  streamedItems,
  type FileItem,
} from '../../src/import/read-records.ts';

const folder = mkdtempSync(join(tmpdir(), 'outline-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

interface Read {
  items: FileItem[];
  error?: string;
}

async function read(items: AsyncIterable<FileItem>): Promise<Read> {
  const seen: FileItem[] = [];
  try {
    for await (const item of items) seen.push(item);
    return { items: seen };
  } catch (error) {
    return { items: seen, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads `text` both ways: the error must be the same; without one, the items too. */
async function expectSameReading(text: string): Promise<Read> {
  const path = join(folder, `f${files++}.json`);
  writeFileSync(path, text);
  const [whole, streamed] = [await read(readFileItems(path)), await read(streamedItems(path))];
  expect(whole.error).toEqual(streamed.error);
  // A stream that fails drops what it had buffered: before an error, it may have yielded fewer items.
  if (streamed.error === undefined) expect(whole.items).toEqual(streamed.items);
  else expect(whole.items.slice(0, streamed.items.length)).toEqual(streamed.items);
  return whole;
}

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('reading a file whole', () => {
  it.each([
    [
      'a graph',
      '{"format":"tiersight/v1","organizations":[{"id":"a","n":[1,{"x":null}]},{"id":"b"}],"links":[]}',
    ],
    [
      'white space everywhere',
      ' \n{ "organizations" :\t[ { "id" : "a" } , 7 , "s" , null ] , "links" : null }\r\n',
    ],
    ['a section twice', '{"organizations":[{"id":"a"}],"links":[{"x":1}],"organizations":[{"id":"b"}]}'],
    ['keys not of the format', '{"format":{"v":1},"extra":[1,2],"shares":{"a":1},"risks":"no","merges":3}'],
    ['escapes in strings', String.raw`{"organizations":[{"id":"a\"]}\\","name":"\u00f8\ud83d\ude00 ]["}]}`],
    ['an empty object', '{}'],
    ['a record at the depth limit', `{"organizations":[{"id":"deep","x":${nested(MAX_RECORD_DEPTH - 1)}}]}`],
    [
      'a record past the depth limit',
      `{"organizations":[{"id":"a"},{"id":"deep","x":${nested(MAX_RECORD_DEPTH)}},{"id":"c"}]}`,
    ],
    [
      'a value of another key nested deeply',
      `{"extra":${nested(MAX_RECORD_DEPTH + 5)},"organizations":[{"id":"a"}]}`,
    ],
    ['a byte-order mark', '\ufeff{"organizations":[{"id":"a"}]}'],
    ['a truncated file', '{"organizations":[{"id":"a"},{"id":"b"'],
    ['a missing comma', '{"organizations":[{"id":"a"} {"id":"b"}]}'],
    ['a bad record', '{"organizations":[{"id":"a"},{"id":b}]}'],
    ['a trailing comma', '{"organizations":[{"id":"a"},]}'],
    ['a second top-level value', '{"organizations":[]} {}'],
    ['an array at the top', '[{"id":"a"}]'],
    ['nothing', ''],
  ])('%s: as the token stream reads it', async (_name, text) => {
    await expectSameReading(text);
  });

  it('reads a record past the depth limit as the token stream does: named, and the records after it kept', async () => {
    const { items } = await expectSameReading(
      `{"organizations":[{"id":"a"},{"id":"deep","x":${nested(MAX_RECORD_DEPTH)}},{"id":"c"}]}`,
    );
    expect(items.map((item) => item.kind)).toEqual(['record', 'unreadable', 'record']);
  });

  it('refuses a section given a second time, both ways, without numbering its records from 0 again', async () => {
    const { items } = await expectSameReading(
      '{"organizations":[{"id":"a"}],"links":[],"organizations":[{"id":"c"}]}',
    );
    expect(items).toEqual([
      { kind: 'record', section: 'organizations', index: 0, value: { id: 'a' } },
      { kind: 'unexpected', key: 'organizations', reason: 'appears a second time: give each section once' },
    ]);
  });

  it('reads valid JSON without the token stream', () => {
    const text = '{"format":"tiersight/v1","organizations":[{"id":"a"},{"id":"b"}],"extra":{"a":[1]}}';
    expect([...outlineItems(text)]).toEqual([
      { kind: 'format', value: 'tiersight/v1' },
      { kind: 'record', section: 'organizations', index: 0, value: { id: 'a' } },
      { kind: 'record', section: 'organizations', index: 1, value: { id: 'b' } },
      { kind: 'unexpected', key: 'extra', reason: 'is not part of tiersight/v1' },
    ]);
  });

  it('reads any JSON document, and any cut of it, as the token stream does', async () => {
    const document = fc.dictionary(
      fc.constantFrom('format', 'organizations', 'links', 'shares', 'extra', 'x"y'),
      fc.oneof(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(document, fc.nat(), fc.boolean(), async (value, cut, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 1 : undefined);
        await expectSameReading(text);
        await expectSameReading(text.slice(0, cut % (text.length + 1)));
      }),
      { numRuns: 150 },
    );
  });
});
