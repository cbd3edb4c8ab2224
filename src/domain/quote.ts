/** `text` cut to 80 characters, as `quote` cuts what it shows (for text already written, e.g. GraphQL). */
export const cut = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/**
 * What JSON leaves as it is and a reader would not see: DEL and the C1 controls (U+0080..U+009F), the
 * format characters (zero-width spaces and joiners, bidirectional controls, soft hyphens, tags) and the
 * line and paragraph separators.
 */
const UNSEEN = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `c` as JSON escapes it, each UTF-16 unit of a character beyond U+FFFF (a tag) on its own. */
const escaped = (c: string): string =>
  c
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');

/**
 * A value as an error message shows it: JSON, so that an empty string, surrounding spaces and control
 * characters show (DEL, C1 and the unseen ones escaped as JSON escapes the others: raw, they show as
 * nothing, break the line or turn the rest of the message around); cut to 80 characters, so that a
 * megabyte sent by mistake does not come back. A value nested too deeply for JSON.stringify (a request's
 * variables may nest thousands of levels) is named as such instead of putting the engine's stack
 * overflow into the message.
 */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON writes these as null; a file's 1e400 is read as Infinity, and "got null" would send the
  // reader looking for a null that is not there.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = (JSON.stringify(value) ?? String(value)).replace(UNSEEN, escaped);
  } catch {
    return 'a value nested too deeply to show';
  }
  return cut(text);
}

/**
 * Ids as a message lists them: each quoted, the first `most` of them, and how many more there are (a
 * refusal that names every link of a large organization would be the megabyte quote() keeps out).
 */
export const quoteList = (values: readonly string[], most = 10): string =>
  values.slice(0, most).map(quote).join(', ') +
  (values.length > most ? ` and ${values.length - most} more` : '');
