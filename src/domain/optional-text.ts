// One rule for every optional free text a client may send (a disclosure's summary, a new supplier's
// city, a listing's city, an access request's message, a screening decision's note): absent, null,
// empty or only spaces mean none, and anything else is kept trimmed within its bound. Forms send ""
// for a field the user emptied; refusing it in some mutations and reading it as none in others made
// a client's code depend on which one it called.
import { badInput } from './errors.ts';

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
 * A line break, tab or other control character in a text that is one line (an organization's name):
 * every label, card, CSV cell and screen reader's reading of it would carry it.
 */
export const hasControlCharacter = (text: string): boolean => /\p{Cc}/u.test(text);

/** The refusal of a text over its bound, naming the field. */
export const textTooLong = (field: string, max: number, length: number): string =>
  `${field} must be at most ${max} characters, got ${length}`;

/** optionalText, refusing a text over its bound with BAD_USER_INPUT. */
export function optionalTextArgument(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  const checked = optionalText(value, max);
  if ('tooLong' in checked) throw badInput(textTooLong(field, max, checked.tooLong));
  return checked.text;
}
