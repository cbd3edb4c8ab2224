// The ids a share is narrowed to (shareSourcing's linkIds, shareDisclosures' disclosureIds, and the same
// lists in a GRANT answer to an access request): absent means every one, now and later; a list is
// deduplicated and must name at least one and at most MAX_NARROWING_IDS. The two mutations word the
// refusal for their own arguments (null there, leaving it out here).

const MAX_NARROWING_IDS = 10_000;

export interface NarrowingWords {
  /** What the list holds, as the bound names it ("links", "ids"). */
  items: string;
  /** What to do instead of sending an empty list ("list the links to share, or pass null …"). */
  whenEmpty: string;
}

/** The ids of `field`, deduplicated, or null for all; a problem in `problems` when empty or too many. */
export function narrowingIds(
  problems: string[],
  field: string,
  ids: readonly string[] | null | undefined,
  words: NarrowingWords,
): string[] | null {
  if (ids === null || ids === undefined) return null;
  const unique = [...new Set(ids)];
  if (unique.length === 0) problems.push(`${field} is empty: ${words.whenEmpty}`);
  else if (unique.length > MAX_NARROWING_IDS)
    problems.push(`${field} may list at most ${MAX_NARROWING_IDS} ${words.items}, got ${unique.length}`);
  return unique;
}
