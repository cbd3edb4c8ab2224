// Reads the records of a `tiersight/v1` file. A file of up to 256 MiB (WHOLE_FILE_BYTES) is read whole
// and each record parsed by JSON.parse (outline-items.ts). A larger one is streamed without holding the
// file in memory: a 1M-organization graph is over a gigabyte of JSON, past what JSON.parse can take as
// one string. Each array element is then assembled on its own and handed on with the array it came from
// and its index.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import chain, { none } from 'stream-chain';
import Assembler from 'stream-json/assembler.js';
import { parser } from 'stream-json/parser.js';
import type { ImportOrigin } from './import-graph.ts';
import { MAX_RECORD_DEPTH, SECTION_TWICE, SECTIONS, type FileItem, type Section } from './file-items.ts';
import { OffOutline, outlineItems } from './outline-items.ts';
import { positionText, syntaxErrorPosition } from './syntax-error-position.ts';
import { assertUtf8, NotUtf8Error, Utf8Guard } from './utf8.ts';
import { quote } from '../domain/quote.ts';

export { MAX_RECORD_DEPTH, SECTIONS, sectionCounts, type FileItem, type Section } from './file-items.ts';

interface Token {
  name: string;
  value?: unknown;
}

const isSection = (key: string): key is Section => (SECTIONS as readonly string[]).includes(key);

/** JSON that is not shaped as a tiersight/v1 file: refused for that, wherever its syntax may break. */
class NotTiersightShape extends Error {}

/** A stateful token handler: returns a FileItem when one is complete, `none` otherwise. */
function fileItems(): (token: Token) => FileItem | typeof none {
  let depth = 0;
  let key: string | null = null;
  let section: Section | null = null;
  let index = 0;
  let element: Assembler | null = null;
  let skipDepth = 0; // > 0 while skipping the value of an unexpected top-level key or an unreadable record
  const given = new Set<Section>();

  const enter = (name: string) => name === 'startObject' || name === 'startArray';
  const leave = (name: string) => name === 'endObject' || name === 'endArray';

  return (token) => {
    const { name } = token;
    if (depth === 0) {
      if (name !== 'startObject')
        throw new NotTiersightShape('the file must hold one JSON object at the top level');
      depth = 1;
      return none;
    }
    if (element !== null) {
      if (enter(name) && element.depth >= MAX_RECORD_DEPTH) {
        const item = unreadable(element, section as Section, index++);
        skipDepth = element.depth + 1;
        element = null;
        return item;
      }
      element.consume(token as Parameters<Assembler['consume']>[0]);
      if (!element.done) return none;
      const value = element.current;
      element = null;
      return { kind: 'record', section: section as Section, index: index++, value };
    }
    if (skipDepth > 0) {
      if (enter(name)) skipDepth++;
      else if (leave(name)) skipDepth--;
      return none;
    }
    if (section !== null) {
      // Inside a section array: each element is either a primitive or the start of a container.
      if (name === 'endArray') {
        section = null;
        return none;
      }
      if (enter(name)) {
        element = new Assembler();
        element.consume(token as Parameters<Assembler['consume']>[0]);
        return none;
      }
      return { kind: 'record', section, index: index++, value: primitive(token) };
    }
    if (name === 'keyValue') {
      key = String(token.value);
      return none;
    }
    if (name === 'endObject') {
      depth = 0;
      return none;
    }
    const current = key ?? '';
    key = null;
    if (current === 'format') {
      if (enter(name)) {
        skipDepth = 1;
        return { kind: 'format', value: name === 'startObject' ? {} : [] };
      }
      return { kind: 'format', value: primitive(token) };
    }
    if (isSection(current) && given.has(current)) {
      if (enter(name)) skipDepth = 1;
      return { kind: 'unexpected', key: current, reason: SECTION_TWICE };
    }
    if (isSection(current)) {
      given.add(current);
      if (name === 'startArray') {
        section = current;
        index = 0;
        return none;
      }
      if (name === 'nullValue') return none;
      if (enter(name)) skipDepth = 1;
      return { kind: 'unexpected', key: current, reason: 'must be an array' };
    }
    if (enter(name)) skipDepth = 1;
    return { kind: 'unexpected', key: current, reason: 'is not part of tiersight/v1' };
  };
}

/** The record `element` was assembling, named by its id when that came before the deep field. */
function unreadable(element: Assembler, section: Section, index: number): FileItem {
  const [record] = element.stack;
  const id =
    typeof record === 'object' && record !== null && 'id' in record && typeof record.id === 'string'
      ? record.id.slice(0, 200)
      : undefined;
  const [field] = element.path;
  const where = typeof field === 'string' ? `field ${quote(field)} ` : '';
  return {
    kind: 'unreadable',
    section,
    index,
    ...(id ? { id } : {}),
    reason: `${where}is nested more than ${MAX_RECORD_DEPTH} levels deep`,
  };
}

function primitive(token: Token): unknown {
  switch (token.name) {
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    case 'numberValue':
      return Number(token.value);
    default:
      return token.value;
  }
}

export class FileSyntaxError extends Error {}

/** The refusal of a file whose bytes are not UTF-8 (utf8.ts), naming it. */
const notUtf8 = (path: string, error: NotUtf8Error) =>
  new FileSyntaxError(`${path} is not UTF-8: ${error.message}`);

/**
 * A file up to this size is read whole and its records parsed by JSON.parse (outline-items.ts); a larger
 * one, which could pass the longest string V8 makes (2^29 characters), is streamed token by token. The
 * text is held while its records are checked, as two bytes a character when it is not all ASCII: a
 * sixteenth of the heap at most (256 MiB of a 4 GiB heap), beside the records the import keeps.
 */
const WHOLE_FILE_BYTES = Math.min(256 * 2 ** 20, getHeapStatistics().heap_size_limit / 16);

/**
 * Yields the file's items in file order; a JSON syntax error becomes a FileSyntaxError. `onBytes` hears
 * how far into the file the reader is, for a progress bar.
 */
export async function* readFileItems(
  path: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<FileItem> {
  const { size } = await stat(path);
  if (size > WHOLE_FILE_BYTES) return yield* streamedItems(path, onBytes);
  const bytes = await readFile(path);
  try {
    assertUtf8(bytes);
  } catch (error) {
    throw error instanceof NotUtf8Error ? notUtf8(path, error) : error;
  }
  const text = bytes.toString('utf8');
  const scale = size / Math.max(text.length, 1);
  const items = outlineItems(text, onBytes && ((offset) => onBytes(Math.round(offset * scale))));
  let yielded = 0;
  for (;;) {
    let next: IteratorResult<FileItem>;
    try {
      next = items.next();
    } catch (error) {
      if (!(error instanceof OffOutline)) throw error;
      break;
    }
    if (next.done === true) return;
    yield next.value;
    yielded++;
  }
  // The token stream yields the same items up to where the outline scan stopped, then its own.
  let skipped = 0;
  for await (const item of streamedItems(path, onBytes)) if (skipped++ >= yielded) yield item;
}

/** readFileItems for any size, one token at a time: the reference that the outline scan follows. */
export async function* streamedItems(
  path: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<FileItem> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) input.on('data', () => onBytes(input.bytesRead));
  const pipeline = chain([input, new Utf8Guard(), parser({ streamValues: false }), fileItems()]);
  try {
    for await (const item of pipeline as AsyncIterable<FileItem>) yield item;
  } catch (error) {
    if (error instanceof NotUtf8Error) throw notUtf8(path, error);
    const message = error instanceof Error ? error.message : String(error);
    const position = error instanceof NotTiersightShape ? null : await syntaxErrorPosition(path);
    throw new FileSyntaxError(
      `${path} is not valid tiersight/v1 JSON${position === null ? '' : positionText(position)}: ${message}`,
    );
  } finally {
    pipeline.destroy();
  }
}

/** Where the items of an import come from; called once per pass over the data. */
export type ItemSource = () => AsyncIterable<FileItem>;

export const fileSource =
  (path: string, onBytes?: (bytesRead: number) => void): ItemSource =>
  () =>
    readFileItems(path, onBytes);

/** A word the shell passes on as it is (quoted when it needs to be). */
const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/** A file as the origin of an import run: its absolute path, and the command that imports it again. */
export function fileOrigin(path: string, command = 'import'): ImportOrigin {
  const absolute = resolve(path);
  return { source: absolute, command: `tiersight ${command} ${shellWord(absolute)}` };
}

/** The items of a document already in memory (the demo scenario, tests). */
export const documentSource = (document: Record<string, unknown>): ItemSource =>
  async function* () {
    for (const [key, value] of Object.entries(document)) {
      if (key === 'format') yield { kind: 'format', value };
      else if (!(SECTIONS as readonly string[]).includes(key))
        yield { kind: 'unexpected', key, reason: 'is not part of tiersight/v1' };
      else if (Array.isArray(value)) {
        for (const [index, record] of value.entries())
          yield { kind: 'record', section: key as Section, index, value: record };
      } else if (value !== null && value !== undefined)
        yield { kind: 'unexpected', key, reason: 'must be an array' };
    }
  };
