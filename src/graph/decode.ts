// Decoders of what Neo4j hands back: each checks the type of a value and returns it typed, or throws
// UnexpectedRecordError naming where in the row the value sits. A mismatch is a bug in a statement or
// in stored data, never the client's fault: the API reports it as an internal error and logs this text.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { Statement } from './cypher.ts';
import { unknownTokenOrganization } from '../domain/errors.ts';

export class UnexpectedRecordError extends Error {
  override name = 'UnexpectedRecordError';
}

/** Decodes `value`, found at `at` (a column, then field names and list positions). */
export type Decoder<T> = (value: unknown, at: string) => T;

function mismatch(at: string, expected: string, value: unknown): never {
  const shown =
    value === null || value === undefined ? String(value) : `${typeof value} ${JSON.stringify(value)}`;
  throw new UnexpectedRecordError(`${at}: expected ${expected}, got ${shown}`);
}

export const text: Decoder<string> = (value, at) =>
  typeof value === 'string' ? value : mismatch(at, 'a string', value);

export const bool: Decoder<boolean> = (value, at) =>
  typeof value === 'boolean' ? value : mismatch(at, 'a boolean', value);

/** A float, or an integer (a JS number with lossless integers off, else a neo4j Integer in safe range). */
export const float: Decoder<number> = (value, at) => {
  if (typeof value === 'number') return value;
  if (neo4j.isInt(value) && value.inSafeRange()) return value.toNumber();
  return mismatch(at, 'a number', value);
};

/** A whole number (a count, a tier, a position). */
export const integer: Decoder<number> = (value, at) => {
  const number = float(value, at);
  return Number.isSafeInteger(number) ? number : mismatch(at, 'a whole number', value);
};

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * A list of strings: the driver's own array once every item is one (it made the array for this record
 * alone), where `list(text)` copies it. A big chain's links each carry one (their products), and the
 * copies were garbage the request's collections had to carry.
 */
export const texts: Decoder<string[]> = (value, at) =>
  Array.isArray(value) && value.every(isText) ? value : list(text)(value, at);

/** A DateTime as its ISO 8601 instant (UTC). */
export const instant: Decoder<string> = (value, at) =>
  neo4j.isDateTime(value) ? value.toStandardDate().toISOString() : mismatch(at, 'a DateTime', value);

/**
 * The ISO text of instants decoded lately. Formatting a Date costs ~1 µs, and a chain of 10,000
 * organizations has three instants per link, but few distinct ones (an import stamps one recordedAt;
 * validity dates are days): a lookup is a twentieth of that. Bounded: emptied when full.
 */
const isoByEpoch = new Map<number, string>();
const ISO_CACHE_SIZE = 16_384;

/**
 * An instant sent as epoch milliseconds (a DateTime's `.epochMillis`), as its ISO 8601 string (UTC):
 * the same text `instant` gives, for a fraction of the driver's decoding work. Tiersight's instants
 * have millisecond precision (they come from JavaScript), so nothing is lost.
 */
export const epochInstant: Decoder<string> = (value, at) => {
  const ms = integer(value, at);
  let iso = isoByEpoch.get(ms);
  if (iso === undefined) {
    if (isoByEpoch.size >= ISO_CACHE_SIZE) isoByEpoch.clear();
    iso = new Date(ms).toISOString();
    isoByEpoch.set(ms, iso);
  }
  return iso;
};

/** One of a vocabulary's words. */
export const oneOf = <const W extends string>(words: readonly W[]): Decoder<W> => {
  // The vocabulary's own string, not the driver's equal copy: a big answer's thousands of copies then
  // die young instead of being carried through every garbage collection of the request.
  const byWord = new Map<unknown, W>(words.map((word) => [word, word]));
  return (value, at) => byWord.get(value) ?? mismatch(at, `one of ${words.join(', ')}`, value);
};

/** A property that may be absent: Cypher returns null for it (or leaves the key out of a map). */
export const nullable =
  <T>(decode: Decoder<T>): Decoder<T | null> =>
  (value, at) =>
    value === null || value === undefined ? null : decode(value, at);

/**
 * A list, each item decoded by `decode`. Items are decoded at `at` itself and the position is written
 * into the message only when one fails: a big chain's lists hold tens of thousands of items, and a
 * string per item (and per field of a positional item) was a large part of decoding them.
 */
export const list =
  <T>(decode: Decoder<T>): Decoder<T[]> =>
  (value, at) => {
    if (!Array.isArray(value)) return mismatch(at, 'a list', value);
    const items: T[] = [];
    for (let i = 0; i < value.length; i++) {
      try {
        items.push(decode(value[i], at));
      } catch (error) {
        if (!(error instanceof UnexpectedRecordError) || !error.message.startsWith(at)) throw error;
        throw new UnexpectedRecordError(`${at}[${i}]${error.message.slice(at.length)}`);
      }
    }
    return items;
  };

/** `value` as a list of exactly `length` items (a positional row), or a mismatch at `at`. */
export const tuple = (value: unknown, at: string, length: number): unknown[] =>
  Array.isArray(value) && value.length === length ? value : mismatch(at, `a list of ${length} items`, value);

/**
 * A decoder for the rows that big answers hold by the ten thousand (a chain's organizations and links,
 * src/graph/columns.ts), `fast` writing each object in one literal. Filled key by key, as `positional`
 * fills it, a row cost four to five times as much to decode, and its object kept its fields outside
 * itself, where GraphQL and JSON then read them slower. `fast` decodes every field at the column's
 * place; when one fails, `exact` (the row's `positional`) decodes the row again to name the field in
 * the error. A row that `exact` reads and `fast` does not means the two are out of step (a field
 * added to one): that is refused rather than answered by `exact`, which would leave every row of a
 * big chain on the slow path, through an exception each, without a word.
 */
export const literalRow =
  <T>(fast: Decoder<T>, exact: Decoder<T>): Decoder<T> =>
  (value, at) => {
    try {
      return fast(value, at);
    } catch (error) {
      if (!(error instanceof UnexpectedRecordError)) throw error;
      exact(value, at);
      throw new UnexpectedRecordError(
        `${error.message} (its positional decoder reads the row: the literal one is out of step with it)`,
      );
    }
  };

type Shape = Record<string, Decoder<unknown>>;
export type Decoded<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** A map with the given fields, each decoded by its decoder; other keys are ignored. */
export const fields =
  <S extends Shape>(shape: S): Decoder<Decoded<S>> =>
  (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return mismatch(at, 'a map', value);
    const map: Record<string, unknown> = { ...value };
    const decoded: Record<string, unknown> = {};
    for (const [key, decode] of Object.entries(shape)) decoded[key] = decode(map[key], `${at}.${key}`);
    // Each key of S was just set by its own decoder; TypeScript cannot follow that through the loop.
    return decoded as Decoded<S>;
  };

/**
 * A positional list with one item per field of `shape`, in the shape's key order, decoded into the
 * same object `fields(shape)` gives: the driver decodes a list much faster than a map.
 */
export const positional = <S extends Shape>(shape: S): Decoder<Decoded<S>> => {
  // Runs once per row of the biggest answers (twice 10,000 for a big chain): a plain loop over arrays
  // made once, and the fields' places made again only when the column changes, not per row.
  const keys = Object.keys(shape);
  const decoders = Object.values(shape);
  let placesOf: string | null = null;
  let places: string[] = [];
  return (value, at) => {
    if (!Array.isArray(value) || value.length !== keys.length)
      return mismatch(at, `a list of ${keys.length} items`, value);
    if (at !== placesOf) {
      places = keys.map((key) => `${at}.${key}`);
      placesOf = at;
    }
    const decoded: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) decoded[keys[i]!] = decoders[i]!(value[i], places[i]!);
    // As in `fields`: each key of S was set by its own decoder.
    return decoded as Decoded<S>;
  };
};

/** Column `key` of a result row, decoded. */
export const column = <T>(record: Neo4jRecord, key: string, decode: Decoder<T>): T =>
  decode(record.get(key), key);

/**
 * The one row of a write that starts from the viewer's own organization (VIEWER_GRANTS' MATCH): none
 * means that organization is gone, merged away while the request ran, which is answered as the next
 * request of its token will be (UNAUTHENTICATED: the token names no organization), not as a fault.
 */
export function viewerRow(records: readonly Neo4jRecord[], statement: Statement): Neo4jRecord {
  if (records.length === 0) throw unknownTokenOrganization();
  return single(records, statement);
}

/** The one row a statement always returns (an aggregation, a RETURN after a write). */
export function single(records: readonly Neo4jRecord[], statement: Statement): Neo4jRecord {
  const [record] = records;
  if (record === undefined || records.length > 1) {
    throw new UnexpectedRecordError(`${statement.name} returned ${records.length} rows, expected one`);
  }
  return record;
}
