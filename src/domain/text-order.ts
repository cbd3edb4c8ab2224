// The order of Cypher's ORDER BY on strings, for lists that are sorted on the API's side: UTF-16 code
// units, as JavaScript's `<` compares (not a locale's collation).

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By name, then id: the order of a tier's organizations. */
export const byNameAndId = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  byText(a.name, b.name) || byText(a.id, b.id);
