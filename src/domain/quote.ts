/** A character, a pair of JSON escapes of one (a tag: \udb40\udc41), or one escape (\u200b, \n, \\). */
const SHOWN_CHARACTER = /\\ud[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2}|\\u[0-9a-f]{4}|\\.|./gsu;

/**
 * `text` cut to 80 characters, as `quote` cuts what it shows (for text already written, e.g. GraphQL):
 * between two characters and between two escapes, never inside one, whose half would show a character
 * the value does not hold (an unpaired surrogate, "\u20").
 */
export function cut(text: string): string {
  if (text.length <= 80) return text;
  let head = '';
  for (const [shown] of text.matchAll(SHOWN_CHARACTER)) {
    if (head.length + shown.length > 77) break;
    head += shown;
  }
  return `${head}...`;
}

/**
 * What JSON leaves as it is and a reader would not see: DEL and the C1 controls (U+0080..U+009F), the
 * format characters (zero-width spaces and joiners, bidirectional controls, soft hyphens, tags), the
 * line and paragraph separators and the rest of what Unicode makes invisible (Hangul fillers,
 * variation selectors).
 */
const UNSEEN = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

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
 * Items as a message lists them: the first `most`, each as `describe` words it, and how many more
 * there are (a refusal that names every link of a large organization would be the megabyte quote()
 * keeps out).
 */
export const describedList = <T>(items: readonly T[], describe: (item: T) => string, most = 10): string =>
  items.slice(0, most).map(describe).join(', ') +
  (items.length > most ? ` and ${items.length - most} more` : '');

/** Ids as a message lists them: each quoted (describedList). */
export const quoteList = (values: readonly string[], most = 10): string => describedList(values, quote, most);

/**
 * A text that must be absent because its writer erased it, as a refusal shows it: how long it is, not
 * what it says, so that refusing a file does not copy erased words (often a person's) into terminals and
 * logs. Anything else is quoted as usual: a number or an empty string holds no erased words.
 */
export const quoteErased = (value: unknown): string =>
  typeof value === 'string' && value !== ''
    ? `a text of ${[...value].length} characters (not repeated here: it was erased)`
    : quote(value);
