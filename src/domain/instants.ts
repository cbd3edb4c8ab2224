// Dates in tiersight/v1 are ISO 8601: a calendar date (midnight UTC) or a date-time with a zone.
// Parsing is strict: Date.parse accepts far more (and rolls 2021-02-30 over to March), which would let
// a typo move a link's validity silently.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant an ISO 8601 date or zoned date-time names, or null when the text is not one. */
export function parseInstant(text: string): Date | null {
  const date = DATE.exec(text);
  const dateTime = date ? null : DATE_TIME.exec(text);
  const parts = date ?? dateTime;
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return null;
  }
  if (dateTime) {
    const [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) return null;
  }
  const instant = new Date(date ? `${text}T00:00:00Z` : text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
