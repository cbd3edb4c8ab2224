// Screening many organizations against many list entries: every (organization, entry) pair whose best
// pair of names reaches the threshold, found through the name index and scored by compareNames.
import { candidates, NameIndex } from './name-index.ts';
import { compareNames, DEFAULT_THRESHOLD } from './score.ts';
import type { WatchListEntry } from './watch-list-entry.ts';

export interface ScreenedOrganization {
  id: string;
  name: string;
  aliases?: readonly string[];
}

export interface ScreeningMatch {
  organizationId: string;
  organizationName: string;
  /** The entry's `name`. */
  entry: string;
  /** 0..1, three decimals. */
  score: number;
  /** The organization's name or alias that matched best. */
  matchedName: string;
  /** The entry's name or alias that matched best. */
  matchedEntryName: string;
  listEntry: WatchListEntry;
}

const byScoreThenName = (x: ScreeningMatch, y: ScreeningMatch) =>
  y.score - x.score ||
  x.organizationName.localeCompare(y.organizationName, 'en') ||
  x.organizationId.localeCompare(y.organizationId, 'en') ||
  x.entry.localeCompare(y.entry, 'en') ||
  x.listEntry.line - y.listEntry.line ||
  x.listEntry.source.localeCompare(y.listEntry.source, 'en');

/**
 * Every (organization, entry) pair whose best name pair scores at least `threshold` (and above 0),
 * sorted by score (highest first), then organization name. One result per pair.
 */
export function screenNames(
  orgs: readonly ScreenedOrganization[],
  entries: readonly WatchListEntry[],
  threshold = DEFAULT_THRESHOLD,
): ScreeningMatch[] {
  const index = new NameIndex(
    entries.flatMap((entry) => candidates(entry, [entry.name, ...entry.aliases])),
    threshold,
  );
  const results: ScreeningMatch[] = [];
  for (const org of orgs) {
    const best = new Map<WatchListEntry, ScreeningMatch>();
    for (const mine of candidates(org, [org.name, ...(org.aliases ?? [])])) {
      for (const position of index.candidates(mine.normalized)) {
        const theirs = index.names[position];
        if (!theirs) continue;
        const score = compareNames(mine.normalized, theirs.normalized);
        if (score <= 0 || score < threshold) continue;
        const previous = best.get(theirs.owner);
        if (previous && previous.score >= score) continue;
        best.set(theirs.owner, {
          organizationId: org.id,
          organizationName: org.name,
          entry: theirs.owner.name,
          score,
          matchedName: mine.written,
          matchedEntryName: theirs.written,
          listEntry: theirs.owner,
        });
      }
    }
    results.push(...best.values());
  }
  return results.sort(byScoreThenName);
}
