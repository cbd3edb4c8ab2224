// One rule for every optional free text a client may send (a disclosure's summary, a new supplier's
// city, a listing's city, an access request's message, a screening decision's note): absent, null,
// empty or only spaces mean none, and anything else is kept trimmed within its bound. Forms send ""
// for a field the user emptied; refusing it in some mutations and reading it as none in others made
// a client's code depend on which one it called. The characters a text may hold are one rule for every
// text a user writes, optional or required (TextCharacters).
import { badInput } from './errors.ts';
import { quote } from './quote.ts';

/** What the client sent, as stored: null for none, else trimmed; `tooLong` when over `max`. */
export function optionalText(
  value: string | null | undefined,
  max: number,
): { text: string | null } | { tooLong: number } {
  const text = value?.trim() ?? '';
  if (text === '') return { text: null };
  return text.length > max ? { tooLong: text.length } : { text };
}

/**
 * The characters a text a user writes may hold, besides printable ones: `one-line` (a name, a title, a
 * source) no control character at all, since every label, card, CSV cell and screen reader's reading of
 * it would carry it; `multi-line` (a summary, a description, a message, a note) line breaks (\n, \r)
 * and tabs, the only ones a person types; `as-stored` any (a backup's text, or a stored one a change
 * copies: older versions kept texts as they came, and a restore or an update loses nothing of them).
 * An unpaired surrogate never gets this far: the API refuses it in every String argument
 * (src/api/malformed-arguments.ts) and the importer in every text.
 */
export type TextCharacters = 'one-line' | 'multi-line' | 'as-stored';

/** NUL, BEL, ESC, DEL, the C1 controls (U+0080..U+009F), …: no person types them into a text. */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES_AND_TABS = /(?![\t\n\r])\p{Cc}/u;

/**
 * The problem of `text` (field `field`) holding a character `characters` forbids, null when it holds
 * none. The message names the first such character and where it is, since the quoted text is cut at 80
 * characters and a NUL at character 3,000 of a summary would not show.
 */
export function characterProblem(field: string, text: string, characters: TextCharacters): string | null {
  if (characters === 'as-stored') return null;
  const oneLine = characters === 'one-line';
  const found = (oneLine ? CONTROL : CONTROL_BUT_LINES_AND_TABS).exec(text);
  if (found === null) return null;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const rule = oneLine
    ? 'one line without control characters'
    : 'text without control characters other than line breaks and tabs';
  const at = [...text.slice(0, found.index)].length + 1;
  return `${field} must be ${rule}, got ${quote(text)} (U+${code} at character ${at})`;
}

/** The refusal of a text over its bound, naming the field. */
export const textTooLong = (field: string, max: number, length: number): string =>
  `${field} must be at most ${max} characters, got ${length}`;

/** optionalText, refusing a text over its bound or with a character `characters` forbids with BAD_USER_INPUT. */
export function optionalTextArgument(
  field: string,
  value: string | null | undefined,
  max: number,
  characters: TextCharacters,
): string | null {
  const checked = optionalText(value, max);
  if ('tooLong' in checked) throw badInput(textTooLong(field, max, checked.tooLong));
  const problem = checked.text === null ? null : characterProblem(field, checked.text, characters);
  if (problem !== null) throw badInput(problem);
  return checked.text;
}
