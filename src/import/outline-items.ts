// The items of a tiersight/v1 file already read into one string, each record parsed by JSON.parse: V8's
// own parser builds a record two to three times faster than the token stream of read-records.ts assembles it
// (most of validation's time at 100k organizations). Only the file's outline is scanned here: the
// top-level keys, the section arrays and where each element ends. Whatever the outline scan does not
// expect (a syntax error, a record nested too deeply, a byte-order mark) stops it with OffOutline, and
// the caller hands the file to the token stream, whose items and errors are the reference: up to the
// point where it stopped, this scan yields exactly what the token stream yields.
import { MAX_RECORD_DEPTH, SECTION_TWICE, SECTIONS, type FileItem, type Section } from './file-items.ts';

/** The text is not what this scan reads; the token stream must read it. */
export class OffOutline extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isSection = (key: string): key is Section => (SECTIONS as readonly string[]).includes(key);

/** JSON.parse of a part of the text; a syntax error there is off the outline. */
function parsed(text: string, start: number, end: number): unknown {
  try {
    return JSON.parse(text.slice(start, end));
  } catch {
    throw new OffOutline(`no JSON value at ${start}`);
  }
}

/** Reads `text` from an offset, one piece of the outline at a time. */
class Cursor {
  at = 0;

  constructor(private readonly text: string) {}

  /** The next character code after white space (NaN at the end). */
  peek(): number {
    while (isSpace(this.text.charCodeAt(this.at))) this.at++;
    return this.text.charCodeAt(this.at);
  }

  expect(code: number): void {
    if (this.peek() !== code) throw new OffOutline(`expected ${String.fromCharCode(code)} at ${this.at}`);
    this.at++;
  }

  /** Passes `code` when it comes next. */
  passed(code: number): boolean {
    if (this.peek() !== code) return false;
    this.at++;
    return true;
  }

  /** The end of the string that opens at `start`. */
  private stringEnd(start: number): number {
    for (let from = start + 1; ;) {
      const quote = this.text.indexOf('"', from);
      if (quote < 0) throw new OffOutline(`unterminated string at ${start}`);
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** The end of the object or array that opens at `start`, when it nests at most MAX_RECORD_DEPTH deep. */
  private containerEnd(start: number): number {
    let depth = 0;
    for (let i = start; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === QUOTE) i = this.stringEnd(i) - 1;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++depth > MAX_RECORD_DEPTH) throw new OffOutline(`nested too deeply at ${start}`);
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    throw new OffOutline(`unterminated value at ${start}`);
  }

  /** The end of the number or literal at `start`. */
  private wordEnd(start: number): number {
    let i = start;
    for (let c = this.text.charCodeAt(i); i < this.text.length; c = this.text.charCodeAt(++i)) {
      if (isSpace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) break;
    }
    return i;
  }

  /** The next value, parsed, and whether it is an object or array (nested at most MAX_RECORD_DEPTH). */
  value(): { value: unknown; container: boolean } {
    const c = this.peek();
    const first = this.at;
    const container = c === OPEN_BRACE || c === OPEN_BRACKET;
    const end = container
      ? this.containerEnd(first)
      : c === QUOTE
        ? this.stringEnd(first)
        : this.wordEnd(first);
    if (end === first) throw new OffOutline(`no value at ${first}`);
    this.at = end;
    return { value: parsed(this.text, first, end), container };
  }

  /** Whether only white space is left. */
  atEnd(): boolean {
    return Number.isNaN(this.peek());
  }
}

/**
 * The file's items in file order, as readFileItems gives them for the same text. Throws OffOutline
 * where the text leaves what this scan reads; `onOffset` hears how far into the text it is.
 */
export function* outlineItems(text: string, onOffset?: (offset: number) => void): Generator<FileItem> {
  const at = new Cursor(text);
  at.expect(OPEN_BRACE);
  if (at.passed(CLOSE_BRACE)) return checkEnd(at);
  const given = new Set<Section>();
  do {
    const { value: key } = at.value();
    if (typeof key !== 'string') throw new OffOutline('a key that is not a string');
    at.expect(COLON);
    if (isSection(key) && given.has(key)) {
      at.value();
      yield { kind: 'unexpected', key, reason: SECTION_TWICE };
      continue;
    }
    if (isSection(key)) given.add(key);
    if (isSection(key) && at.passed(OPEN_BRACKET)) {
      let index = 0;
      if (!at.passed(CLOSE_BRACKET)) {
        do {
          yield { kind: 'record', section: key, index: index++, value: at.value().value };
          onOffset?.(at.at);
        } while (at.passed(COMMA));
        at.expect(CLOSE_BRACKET);
      }
      continue;
    }
    // The token stream does not limit the depth of what it skips; this scan leaves such values to it.
    const { value, container } = at.value();
    if (key === 'format')
      yield { kind: 'format', value: container ? (Array.isArray(value) ? [] : {}) : value };
    else if (!isSection(key)) yield { kind: 'unexpected', key, reason: 'is not part of tiersight/v1' };
    else if (value !== null) yield { kind: 'unexpected', key, reason: 'must be an array' };
  } while (at.passed(COMMA));
  at.expect(CLOSE_BRACE);
  checkEnd(at);
}

function checkEnd(at: Cursor): void {
  if (!at.atEnd()) throw new OffOutline(`more after the top-level object at ${at.at}`);
}
