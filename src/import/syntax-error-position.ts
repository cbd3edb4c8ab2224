// Where a file stops being JSON, for the refusal of one that is not: stream-json's parser says what it
// expected ("expected ','") but not where, and an operator holding a file of megabytes should not have
// to bisect it. The parser keeps its position to itself and holds back up to 16 characters of a
// literal or a string before it decides, so on the refusal path only the file is read again through a
// small scanner of JSON's grammar (RFC 8259), one character at a time, which stops at the first
// character no JSON text can continue with.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Where a file stops being JSON: 1-based line and column (in characters), 0-based byte offset. */
export interface SyntaxErrorPosition {
  line: number;
  column: number;
  byte: number;
}

/** What the scanner expects next. */
type Mode =
  | 'value' // a value (after `:`, `,` in an array, or at the start)
  | 'firstValue' // a value or `]` (just after `[`)
  | 'key' // a key (after `,` in an object)
  | 'firstKey' // a key or `}` (just after `{`)
  | 'colon'
  | 'after' // `,`, the closing bracket of the container, or (at the top) the end
  | 'string'
  | 'escape'
  | 'unicode'
  | 'literal'
  | 'number';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
const HEX = /^[0-9a-fA-F]$/;
const LITERALS: Readonly<Record<string, string>> = { t: 'true', f: 'false', n: 'null' };
/**
 * Where a number is (RFC 8259: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?), and which characters
 * take it on from there: one step per character, where testing the whole number again at each
 * character made a long run of digits quadratic.
 */
type NumberPart = 'sign' | 'zero' | 'int' | 'dot' | 'frac' | 'e' | 'expSign' | 'exp';
const isDigit = (c: string) => c >= '0' && c <= '9';
const WHOLE_NUMBER: ReadonlySet<NumberPart> = new Set(['zero', 'int', 'frac', 'exp']);

function nextNumberPart(part: NumberPart, c: string): NumberPart | null {
  switch (part) {
    case 'sign':
      return c === '0' ? 'zero' : isDigit(c) ? 'int' : null;
    case 'zero':
    case 'int':
      if (part === 'int' && isDigit(c)) return 'int';
      return c === '.' ? 'dot' : c === 'e' || c === 'E' ? 'e' : null;
    case 'dot':
      return isDigit(c) ? 'frac' : null;
    case 'frac':
      return isDigit(c) ? 'frac' : c === 'e' || c === 'E' ? 'e' : null;
    case 'e':
      return c === '+' || c === '-' ? 'expSign' : isDigit(c) ? 'exp' : null;
    case 'expSign':
    case 'exp':
      return isDigit(c) ? 'exp' : null;
  }
}

/** U+FEFF at a file's start: not JSON (RFC 8259), but stream-json skips it and so the import reads it. */
const BYTE_ORDER_MARK = '\uFEFF';

/** JSON's grammar, fed one character at a time: `feed` answers false at the first one it refuses. */
class JsonScanner {
  private mode: Mode = 'value';
  private readonly containers: ('object' | 'array')[] = [];
  private stringIsKey = false;
  private hexLeft = 0;
  private literal = '';
  private literalAt = 0;
  private number: NumberPart = 'sign';
  private done = false;

  feed(c: string): boolean {
    switch (this.mode) {
      case 'string':
        if (c === '"') return this.endString();
        if (c === '\\') this.mode = 'escape';
        // Control characters must be escaped inside a string.
        else if (c < ' ') return false;
        return true;
      case 'escape':
        if (!ESCAPES.has(c)) return false;
        if (c === 'u') {
          this.mode = 'unicode';
          this.hexLeft = 4;
        } else this.mode = 'string';
        return true;
      case 'unicode':
        if (!HEX.test(c)) return false;
        if (--this.hexLeft === 0) this.mode = 'string';
        return true;
      case 'literal':
        if (c !== this.literal[this.literalAt]) return false;
        if (++this.literalAt === this.literal.length) this.endValue();
        return true;
      case 'number': {
        const next = nextNumberPart(this.number, c);
        if (next !== null) {
          this.number = next;
          return true;
        }
        if (!WHOLE_NUMBER.has(this.number)) return false;
        this.endValue();
        return this.feed(c);
      }
      default:
        return WHITESPACE.has(c) || this.structure(c);
    }
  }

  /** Whether the text fed so far is one whole JSON text (nothing left open). */
  complete(): boolean {
    if (this.mode === 'number' && WHOLE_NUMBER.has(this.number)) this.endValue();
    return this.done && this.mode === 'after';
  }

  /** A character outside strings, literals and numbers. */
  private structure(c: string): boolean {
    const mode = this.mode;
    if (mode === 'after') {
      const inside = this.containers.at(-1);
      if (inside === undefined) return false;
      if (c === ',') {
        this.mode = inside === 'object' ? 'key' : 'value';
        return true;
      }
      if ((c === '}' && inside === 'object') || (c === ']' && inside === 'array')) return this.close();
      return false;
    }
    if (mode === 'colon') {
      if (c !== ':') return false;
      this.mode = 'value';
      return true;
    }
    if (mode === 'key' || mode === 'firstKey') {
      if (c === '}' && mode === 'firstKey') return this.close();
      if (c !== '"') return false;
      this.stringIsKey = true;
      this.mode = 'string';
      return true;
    }
    // A value is expected.
    if (c === ']' && mode === 'firstValue') return this.close();
    if (c === '{' || c === '[') {
      this.containers.push(c === '{' ? 'object' : 'array');
      this.mode = c === '{' ? 'firstKey' : 'firstValue';
      return true;
    }
    if (c === '"') {
      this.stringIsKey = false;
      this.mode = 'string';
      return true;
    }
    const literal = LITERALS[c];
    if (literal !== undefined) {
      this.literal = literal;
      this.literalAt = 1;
      this.mode = 'literal';
      return true;
    }
    if (c === '-' || isDigit(c)) {
      this.number = c === '-' ? 'sign' : c === '0' ? 'zero' : 'int';
      this.mode = 'number';
      return true;
    }
    return false;
  }

  private endString(): boolean {
    if (this.stringIsKey) this.mode = 'colon';
    else this.endValue();
    return true;
  }

  private close(): boolean {
    this.containers.pop();
    this.endValue();
    return true;
  }

  private endValue(): void {
    this.mode = 'after';
    if (this.containers.length === 0) this.done = true;
  }
}

const utf8Length = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

const PIECE_BYTES = 1 << 20;

/** The file's text in pieces of about a mebibyte (a character split between reads goes whole). */
async function* pieces(path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const bytes of createReadStream(path, { highWaterMark: PIECE_BYTES })) {
    if (bytes instanceof Buffer) yield decoder.write(bytes);
  }
  yield decoder.end();
}

/**
 * Where the file stops being JSON, or null when it is one JSON text (a refusal for another reason).
 * A file that ends too soon stops at its end.
 */
export async function syntaxErrorPosition(path: string): Promise<SyntaxErrorPosition | null> {
  const scanner = new JsonScanner();
  const at = { line: 1, column: 1, byte: 0 };
  let first = true;
  for await (const piece of pieces(path)) {
    for (const c of piece) {
      if (first) {
        first = false;
        // The mark takes bytes, not a column: an editor shows none.
        if (c === BYTE_ORDER_MARK) {
          at.byte += 3;
          continue;
        }
      }
      if (!scanner.feed(c)) return at;
      if (c === '\n') {
        at.line++;
        at.column = 1;
      } else at.column += c.length;
      at.byte += utf8Length(c.codePointAt(0) ?? 0);
    }
  }
  return scanner.complete() ? null : at;
}

/** " at line 5, column 27 (byte offset 203)" for a message. */
export const positionText = ({ line, column, byte }: SyntaxErrorPosition): string =>
  ` at line ${line}, column ${column} (byte offset ${byte})`;
