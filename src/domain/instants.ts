// Dates in tiersight/v1 are ISO 8601: a calendar date (midnight UTC) or a date-time with a zone.
// Parsing is strict: Date.parse accepts far more (and rolls 2021-02-30 over to March), which would let
// a typo move a link's validity silently.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Instants parsed lately, as epoch ms. A file's dates repeat (the same validFrom on thousands of
 * links), and an import checks three of them per link: a lookup costs a fraction of a parse. Only
 * texts that are instants are kept, and none is longer than LONGEST, so the cache holds at most
 * RECENT_MAX short strings whatever clients send (texts of any length, kept before, let one token fill
 * the heap with a megabyte per request); it is emptied when full.
 */
const recent = new Map<string, number>();
const RECENT_MAX = 4_096;
/** The longest instant: 2020-01-01T00:00:00.123456789+00:00. */
const LONGEST = 35;

/** The instant an ISO 8601 date or zoned date-time names, or null when the text is not one. */
export function parseInstant(text: string): Date | null {
  let ms = recent.get(text);
  if (ms === undefined) {
    ms = text.length > LONGEST ? NaN : parse(text);
    if (Number.isNaN(ms)) return null;
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(text, ms);
  }
  return new Date(ms);
}

/**
 * An offset Neo4j's datetime() reads too: at most ±18:00 (as java.time's), so that no instant this
 * module accepts fails a statement that stores or compares it.
 */
function validOffset(offset: string): boolean {
  if (offset === 'Z') return true;
  const [hours, minutes] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
  return minutes <= 59 && hours * 60 + minutes <= 18 * 60;
}

function parse(text: string): number {
  const date = DATE.exec(text);
  const dateTime = date ? null : DATE_TIME.exec(text);
  const parts = date ?? dateTime;
  if (!parts) return NaN;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return NaN;
  }
  if (dateTime) {
    const [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) return NaN;
    if (!validOffset(dateTime[8]!)) return NaN;
  }
  const ms = new Date(date ? `${text}T00:00:00Z` : text).getTime();
  // An offset can take an instant of the range's first or last day out of it (0100-01-01T00:00+01:00
  // is in the year 99 in UTC), which would then be written back as another text than the one sent.
  const utcYear = new Date(ms).getUTCFullYear();
  return utcYear >= 100 && utcYear <= 9999 ? ms : NaN;
}

/**
 * The instant an argument of a field nested in a query names, read from the query's text before the
 * field is resolved (null: none given, now), or undefined when it names none: the field's own check
 * then reports it.
 */
export function nestedInstant(value: unknown): Date | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (parseInstant(value) ?? undefined) : undefined;
}

/** The same instant, or both now (null), as nestedInstant gives them. */
export const sameInstant = (a: Date | null | undefined, b: Date | null | undefined): boolean =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

/** The calendar day (UTC) of an ISO instant, as explanations and advice show it. */
export const dayOf = (instant: string): string => instant.slice(0, 10);

/** "due D" or, once D is past at `at`, "overdue since D": what a deadline is as someone reads it then. */
export const deadlineAt = (dueAt: string, at: Date): string =>
  `${new Date(dueAt) < at ? 'overdue since' : 'due'} ${dayOf(dueAt)}`;
