// Dates of a validated record as values Neo4j stores as DateTime without parsing text: parsing in the
// database cost about a third of a link's write (bench/import.ts). The value is the one datetime(text)
// gives: a calendar date is midnight UTC, a date-time keeps its offset and its fraction of a second.
// The import's statements use it; it lives in src/graph because instantParam is Cypher, which only
// repositories and src/graph write.
import neo4j, { type DateTime } from 'neo4j-driver';
import { cypher, join, type Fragment } from './cypher.ts';

// Only text that parseInstant (src/domain/instants.ts) accepted reaches here.
const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

/** The DateTime of an ISO 8601 date or zoned date-time that validation accepted; null stays null. */
export function zonedDateTime(text: string | null | undefined): DateTime<number> | null {
  if (text === null || text === undefined) return null;
  const parts = ZONED.exec(text);
  if (parts === null) throw new TypeError(`'${text}' is not a validated ISO 8601 instant`);
  const [, year, month, day, hour, minute, second, fraction, , sign, offsetHours, offsetMinutes] = parts;
  const offset =
    sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  return new neo4j.types.DateTime(
    Number(year),
    Number(month),
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    fraction === undefined ? 0 : Number(fraction.padEnd(9, '0')),
    offset,
  );
}

/** A date, or a UTC date-time to the millisecond: what epoch milliseconds say exactly. */
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z)?$/;

/**
 * A validated instant as a statement parameter read by `instantParam`: epoch milliseconds when they say
 * it exactly (nearly every date of a file), else a DateTime. The driver packs a DateTime through 64-bit
 * integer arithmetic in JavaScript, which was half of Node's work in writing links; a number costs
 * nothing to pack, and Neo4j's datetime({epochMillis}) little to unpack.
 */
export function instantValue(text: string | null | undefined): number | DateTime<number> | null {
  if (text !== null && text !== undefined && UTC_MILLIS.test(text)) return Date.parse(text);
  return zonedDateTime(text);
}

/** The DateTime (or null) of `value`, an expression holding what instantValue gave. */
export const instantParam = (value: Fragment): Fragment =>
  join(
    cypher`CASE WHEN `,
    value,
    cypher` IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(`,
    value,
    cypher`)}) ELSE `,
    value,
    cypher` END`,
  );
