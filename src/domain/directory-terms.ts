// The words a directory card is found by, and the words of a search, both through the name
// normalization that screening uses (normalize-name.ts, docs/screening.md): legal forms and qualifiers
// dropped, accents and punctuation folded, known abbreviations expanded. A card keeps both the
// expanded and the written words, so "Tech" and "Technology" find each other; a search word matches
// the start of a card word. Pure, no I/O: the directory module and the import both use it.
import { foldText, normalizeName, normalizeNameVariants } from './normalize-name.ts';

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

/** Every word a card is found by, each once: its names' words, its city's, and its osId. */
export function directoryTerms(card: CardText): string[] {
  const names = [card.name, ...(card.aliases ?? [])].flatMap(normalizeNameVariants);
  return [
    ...new Set([
      ...names.flatMap((n) => [...n.core, ...n.surface]),
      ...(card.city ? words(card.city) : []),
      ...(card.osId ? [card.osId.toLowerCase()] : []),
    ]),
  ];
}

/** The words of a search, each of which must start a word of a card; empty for a blank search. */
export function searchTerms(search: string | null | undefined): string[] {
  if (search === null || search === undefined || search.trim() === '') return [];
  const { core } = normalizeName(search);
  return [...new Set(core.length > 0 ? core : words(search))];
}
