// Where a file stops being JSON, for the refusal of one that is not: stream-json's parser says what it
// expected ("expected ','") but not where, and an operator holding a file of megabytes should not have
// to bisect it. The parser keeps its position to itself and its state cannot be copied, so on the
// refusal path only the file is parsed again up to the error twice: in big pieces, to find the piece it
// breaks in, then with that piece fed one character at a time (~1 s for a 1 MiB piece).
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { none } from 'stream-chain';
import { jsonParser } from 'stream-json/parser.js';

/** Where the parser gave up: 1-based line and column (in characters), 0-based byte offset. */
interface SyntaxErrorPosition {
  line: number;
  column: number;
  byte: number;
}

const PIECE_BYTES = 1 << 20;

/** The file's text in pieces of about a mebibyte (a character split between reads goes whole). */
async function* pieces(path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const bytes of createReadStream(path, { highWaterMark: PIECE_BYTES })) {
    if (bytes instanceof Buffer) yield decoder.write(bytes);
  }
  yield decoder.end();
}

type Feed = ReturnType<typeof jsonParser>;
const newFeed = (): Feed => jsonParser({ streamValues: false });

/**
 * Whether the parser refuses `text`, or with `none` the end of the input. stream-chain documents that a
 * flushable is called with `none` at the end; its type leaves that call out.
 */
const breaks = (feed: Feed, text: string | typeof none): boolean => {
  try {
    Reflect.apply(feed, undefined, [text]);
    return false;
  } catch {
    return true;
  }
};

/** The index of the piece the parser breaks in (pieces.length: at the end of the file), or null. */
async function brokenPiece(path: string): Promise<number | null> {
  const feed = newFeed();
  let index = 0;
  for await (const piece of pieces(path)) {
    if (breaks(feed, piece)) return index;
    index++;
  }
  return breaks(feed, none) ? index : null;
}

/**
 * Where the file stops being JSON to stream-json's parser (the import's), or null when the parser
 * takes it whole (a refusal for another reason). A file that ends too soon breaks at its end.
 */
export async function syntaxErrorPosition(path: string): Promise<SyntaxErrorPosition | null> {
  const broken = await brokenPiece(path);
  if (broken === null) return null;
  const feed = newFeed();
  const at = { line: 1, column: 1, byte: 0 };
  const pass = (text: string) => {
    const lastBreak = text.lastIndexOf('\n');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) at.line++;
    at.column = lastBreak === -1 ? at.column + text.length : text.length - lastBreak;
    at.byte += Buffer.byteLength(text);
  };
  let index = 0;
  for await (const piece of pieces(path)) {
    if (index++ < broken) {
      breaks(feed, piece);
      pass(piece);
      continue;
    }
    for (const character of piece) {
      if (breaks(feed, character)) return at;
      pass(character);
    }
    return at;
  }
  return at;
}

/** " at line 5, column 27 (byte offset 203)" for a message. */
export const positionText = ({ line, column, byte }: SyntaxErrorPosition): string =>
  ` at line ${line}, column ${column} (byte offset ${byte})`;
