// The words a directory card is found by, and the words of a search, both through the name
// normalization that screening uses (normalize-name.ts, docs/screening.md): legal forms and qualifiers
// dropped, accents and punctuation folded, known abbreviations expanded. A card keeps both the
// expanded and the written words, so "Tech" and "Technology" find each other; a search word matches
// the start of a card word. Names are written with their words joined or split in more than one way
// ("O-Film", "O Film", "OFILM"; "DanWatch", "Dan Watch"), so a card and a search are each also read
// with their words split (splitReading), and a card also keeps its words joined (joinedRuns).
// Pure, no I/O: the directory module, the import and the migration that re-indexes cards use it.
import { foldText, normalizeName, normalizeNameVariants, type NormalizedName } from './normalize-name.ts';

interface CardText {
  name: string;
  aliases?: readonly string[] | null;
  city?: string | null;
  osId?: string | null;
}

const words = (text: string) =>
  foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/**
 * Where a capital letter starts a word inside a word (DanWatch, iPhone), but not a capital that ends
 * one (GmbH, KGaA), which is how legal forms are written.
 */
const CAMEL_CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu}\p{Ll})/gu;
/** The hyphens and apostrophes that normalize-name.ts joins a word over (o-film -> ofilm, int'l -> intl). */
const INSIDE_WORD = /(?<=[\p{L}\p{N}])[-‐‑‒'’ʼ`´](?=[\p{L}\p{N}])/gu;

/**
 * A text with its words split where a hyphen, an apostrophe or a camelCase capital parts them:
 * "O-Film" -> "O Film", "DanWatch" -> "Dan Watch". Other punctuation already parts words.
 */
export const splitReading = (text: string): string =>
  text.replace(CAMEL_CASE_BOUNDARY, ' ').replace(INSIDE_WORD, ' ');

/**
 * The name's written words joined from each word to the last: "Nanchang O Film" -> nanchangofilm,
 * ofilm. A search word starts one of them when it joins words the card writes apart ("OFilm",
 * "Electronics-Watch" for "Electronics Watch").
 */
const joinedRuns = ({ surface }: NormalizedName): string[] =>
  surface.slice(0, -1).map((_word, i) => surface.slice(i).join(''));

/** Both readings of a text, once each when they are the same. */
const readings = (text: string): string[] => [...new Set([text, splitReading(text)])];

/** Every word a card is found by, each once: its names' words, its city's, and its osId. */
export function directoryTerms(card: CardText): string[] {
  const names = [card.name, ...(card.aliases ?? [])].flatMap(readings).flatMap(normalizeNameVariants);
  return [
    ...new Set([
      ...names.flatMap((n) => [...n.core, ...n.surface, ...joinedRuns(n)]),
      ...(card.city ? words(card.city) : []),
      ...(card.osId ? [card.osId.toLowerCase()] : []),
    ]),
  ];
}

/**
 * The words of a search, each of which must start a word of a card; empty for a blank search. A
 * hyphenated word is one word here ("Electronics-Watch" -> electronicswatch), as normalize-name.ts
 * joins it; splitSearchTerms is the other reading.
 */
export function searchTerms(search: string | null | undefined): string[] {
  if (search === null || search === undefined || search.trim() === '') return [];
  const { core } = normalizeName(search);
  return [...new Set(core.length > 0 ? core : words(search))];
}

/**
 * The words of the search read with its words split (splitReading): "Electronics-Watch" -> electronics,
 * watch; "DanWatch" -> dan, watch. A card matches a search when every word of either reading starts
 * one of its words. A split that leaves a piece of one letter ("S-Group", "e-Commerce", "iPhone") is not
 * tried: one letter starts almost any word ("S-Group" found "Shenzhen Textile Group"), and the search's
 * own reading (sgroup, ecommerce, iphone) still finds those names through a card's joined words.
 */
export function splitSearchTerms(search: string | null | undefined): string[] {
  if (search === null || search === undefined) return [];
  const split = splitReading(search);
  return words(split).some((word) => word.length === 1) ? searchTerms(search) : searchTerms(split);
}
