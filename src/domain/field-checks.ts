// Checks of the free-text, instant and URL fields of what suppliers and monitors write (a disclosure's
// content, a monitor's finding), each collecting a problem that names the field and the value instead
// of throwing, so that one refusal lists every problem of the input.
import { parseInstant } from './instants.ts';
import { characterProblem, optionalText, textTooLong, type TextCharacters } from './optional-text.ts';
import { quote } from './quote.ts';

/** An http(s) URL: a host, then no space and no control character (which no URL holds). */
const URL_PATTERN = /^https?:\/\/[^\s\p{Cc}/?#]+[^\s\p{Cc}]*$/iu;

/** The text within its bound, or null with a problem naming the field when it is blank or too long. */
function boundedText(
  problems: string[],
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): string | null {
  if (required) {
    if (value === null || value === undefined) problems.push(`${field} is required`);
    else if (value.trim() === '' || value.length > max)
      problems.push(`${field} must be 1..${max} characters and not blank, got ${quote(value)}`);
    else return value;
    return null;
  }
  const checked = optionalText(value, max);
  if ('text' in checked) return checked.text;
  problems.push(textTooLong(field, max, checked.tooLong));
  return null;
}

/**
 * Checks a text field: a problem naming it and its value when it is blank or too long, or holds a
 * character `characters` forbids.
 */
export function checkText(
  problems: string[],
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
  characters: TextCharacters,
): string | null {
  const text = boundedText(problems, field, value, max, required);
  const problem = text === null ? null : characterProblem(field, text, characters);
  if (problem === null) return text;
  problems.push(problem);
  return null;
}

/** Checks an optional ISO 8601 instant: null when absent or not one (then with a problem). */
export function checkInstant(
  problems: string[],
  field: string,
  value: string | null | undefined,
): Date | null {
  if (value === null || value === undefined) return null;
  const instant = parseInstant(value);
  if (instant === null)
    problems.push(`${field} must be an ISO 8601 date or date-time with a zone, got ${quote(value)}`);
  return instant;
}

/**
 * Checks an optional http(s) URL of at most `max` characters: null when absent or not one. One a user
 * writes holds what a one-line text holds: no bidirectional control (RFC 3987 forbids them in an IRI)
 * or other invisible character, since it is shown as text (a disclosure's history writes it before
 * the document's SHA-256, which an override after it would show backwards).
 */
export function checkUrl(
  problems: string[],
  field: string,
  value: string | null | undefined,
  max: number,
  characters: Extract<TextCharacters, 'one-line' | 'as-stored'>,
): string | null {
  if (value === null || value === undefined) return null;
  if (!(value.length <= max && URL_PATTERN.test(value))) {
    problems.push(`${field} must be an http(s) URL of at most ${max} characters, got ${quote(value)}`);
    return null;
  }
  const problem = characterProblem(field, value, characters);
  if (problem === null) return value;
  problems.push(problem);
  return null;
}
