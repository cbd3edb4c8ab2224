// The order of Cypher's ORDER BY on strings, for lists that are sorted on the API's side: UTF-16 code
// units, as JavaScript's `<` compares (not a locale's collation).

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By name, then id: the order of a tier's organizations. */
export const byNameAndId = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  byText(a.name, b.name) || byText(a.id, b.id);

const ENGLISH = new Intl.Collator('en');

/**
 * Words in English collation (case and accents second, "adda" before "Zeta"), for the lists the API
 * sorts by name for people to read. The locale is fixed: `localeCompare` without one follows the
 * process's LANG, so two pods set up differently (C, en_US, sv_SE) would answer one list in two
 * orders. A reader's own language is the dashboard's to apply (web/src/model.ts `byName`). Texts the
 * collation finds equal but that differ (composed and decomposed, or one holding a soft hyphen or a
 * zero-width space, which it ignores) go by code units: an id tie-break that answered 0 for two ids
 * left them in the order their rows came, which differs between runs.
 */
export const byWords = (a: string, b: string): number => ENGLISH.compare(a, b) || byText(a, b);
