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
 * source) no control character, no line or paragraph separator and no invisible formatting character
 * (Unicode's format characters, Cf: bidirectional marks and controls, zero-width spaces, soft hyphens,
 * tags…) but the zero-width joiner and non-joiner where Persian, the Indic scripts and emoji need them
 * (NEEDLESS_JOINER): a
 * name is what people and screening tell organizations apart by, and "Hoshine" with a zero-width space
 * inside, or a name whose letters a right-to-left override shows backwards, reads as one thing and is
 * another. The other characters Unicode makes invisible (default-ignorable) go the same way, the Hangul
 * fillers above all (letters to a regex, blanks to a reader: a name of one is not blank to trim), but
 * the variation selectors (emoji, ideographic variants), the combining grapheme joiner and the
 * Mongolian vowel separator, which Mongolian spells with. `multi-line` (a summary, a description, a
 * message, a note) line breaks (\n, \r) and tabs, the only controls a person types, and every format
 * character but the bidirectional embeddings, overrides and isolates (they change how the rest of a
 * line shows, the dashboard's text after them included) and the tags (invisible text that software and
 * language models read and people do not); marks, zero-width spaces (Thai's word breaks) and soft
 * hyphens belong to prose. Both keep the flags of England, Scotland and Wales, which every emoji
 * keyboard writes with tags (an emoji tag sequence: the black flag, a subdivision's code, the cancel
 * tag): those tags show, as the flag, and say no more than the code. `as-stored` any (a backup's text,
 * or a stored one a change copies: older versions kept texts as they came, and a restore or an update
 * loses nothing of them).
 * An unpaired surrogate never gets this far: the API refuses it in every String argument
 * (src/api/malformed-arguments.ts) and the importer in every text.
 */
export type TextCharacters = 'one-line' | 'multi-line' | 'as-stored';

/** NUL, BEL, ESC, DEL, the C1 controls (U+0080..U+009F), …: no person types them into a text. */
const CONTROL = /\p{Cc}/u;
const SEPARATOR = /[\p{Zl}\p{Zp}]/u;
/** An emoji tag sequence (UTS #51): 🏴, two tag letters of a region, one to four of a subdivision, the cancel tag. */
const EMOJI_FLAG = /\u{1f3f4}[\u{e0061}-\u{e007a}]{2}[\u{e0030}-\u{e0039}\u{e0061}-\u{e007a}]{1,4}\u{e007f}/u;

/**
 * A joiner where no script joins: at the start, or after a letter of a script that never needs one
 * (Latin, Greek, Cyrillic, the CJK scripts), a digit, a space or punctuation. "De\u200cll" shows as
 * "Dell" and is another name; Persian (after an Arabic letter), the Indic scripts (after a virama) and
 * emoji sequences (after a pictograph, a skin tone or a variation selector) keep theirs.
 */
const NEEDLESS_JOINER =
  /(?<=^|[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{N}\p{P}\p{Zs}])[\u200c\u200d]/u;

/** Every character Unicode makes invisible but those a script or emoji needs (see TextCharacters). */
const INVISIBLE =
  /(?!\u200c|\u200d|\u180e|\u034f|\p{Variation_Selector})[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** Any of `forbidden`, or an emoji flag, which `firstForbidden` passes over whole. */
const forbiddenOrFlag = (...forbidden: RegExp[]): RegExp =>
  new RegExp([EMOJI_FLAG, ...forbidden].map((r) => r.source).join('|'), 'gu');
const FORBIDDEN: Record<Exclude<TextCharacters, 'as-stored'>, RegExp> = {
  'one-line': forbiddenOrFlag(/[\p{Cc}\p{Zl}\p{Zp}]/u, NEEDLESS_JOINER, INVISIBLE),
  'multi-line': forbiddenOrFlag(/(?![\t\n\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069\u{e0000}-\u{e007f}]/u),
};

/** The first character of `text` that `characters` forbids and where it is, null when there is none. */
function firstForbidden(
  text: string,
  characters: Exclude<TextCharacters, 'as-stored'>,
): { character: string; index: number } | null {
  for (const { 0: character, index } of text.matchAll(FORBIDDEN[characters])) {
    if (!EMOJI_FLAG.test(character)) return { character, index };
  }
  return null;
}

/** What a text of `characters` must be, by the kind of character it was refused for. */
function rule(characters: Exclude<TextCharacters, 'as-stored'>, found: string): string {
  if (CONTROL.test(found))
    return characters === 'one-line'
      ? 'one line without control characters'
      : 'text without control characters other than line breaks and tabs';
  if (SEPARATOR.test(found)) return 'one line without line or paragraph separators';
  return characters === 'one-line'
    ? 'text without invisible formatting characters (bidirectional marks and controls, zero-width spaces, soft hyphens, tags)'
    : 'text without bidirectional embeddings, overrides or isolates, or tag characters';
}

/**
 * The problem of `text` (field `field`) holding a character `characters` forbids, null when it holds
 * none. The message names the first such character and where it is, since the quoted text is cut at 80
 * characters and a NUL at character 3,000 of a summary would not show.
 */
export function characterProblem(field: string, text: string, characters: TextCharacters): string | null {
  if (characters === 'as-stored') return null;
  const found = firstForbidden(text, characters);
  if (found === null) return null;
  const code = (found.character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const at = [...text.slice(0, found.index)].length + 1;
  return `${field} must be ${rule(characters, found.character)}, got ${quote(text)} (U+${code} at character ${at})`;
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
