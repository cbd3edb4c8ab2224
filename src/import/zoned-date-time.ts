// Dates of a validated record as Neo4j DateTime values, built here rather than by Cypher's datetime():
// parsing the text in the database cost about a third of a link's write (bench/import.ts). The value
// is the one datetime(text) gives: a calendar date is midnight UTC, a date-time keeps its offset and
// its fraction of a second.
import neo4j, { type DateTime } from 'neo4j-driver';

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
