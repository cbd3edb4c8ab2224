// The `screen` use case: every organization in the database against a watch list, and with `apply` the
// certain matches recorded as WATCHLIST risk indicators, the others kept as candidates for review, and
// entries gone from the list marked delisted. The caller reads the list and prints the outcome.
import type { Severity } from '../../domain/format.ts';
import { screenNames, type ScreeningMatch } from './match.ts';
import type { RecordedIndicators, ScreeningRepository } from './screening-repository.ts';
import type { WatchListEntry } from './watch-list-entry.ts';

/** A score at or above this is recorded without review; below it (down to the threshold), reviewed. */
export const DEFAULT_CERTAIN = 0.97;

interface ScreenOptions {
  /** The lowest score accepted as a match, 0..1. */
  threshold: number;
  /** The lowest score recorded without review, 0..1 (at least the threshold). */
  certain: number;
  /** Record the matches (indicators and candidates). */
  apply: boolean;
  /** Severity of the recorded indicators. */
  severity: Severity;
}

interface ScreenOutcome {
  /** Organizations screened. */
  organizations: number;
  /** List entries screened against. */
  entries: number;
  /** Matches at or above the threshold, best first. */
  matches: ScreeningMatch[];
  /** What `apply` wrote, or null without it. */
  recorded: RecordedIndicators | null;
}

/** What the use case needs from the database (the repository; a stand-in in unit tests). */
export type ScreeningStore = Pick<ScreeningRepository, 'organizations' | 'applyWatchList'>;

/** Whether a match needs an analyst's review before it becomes an indicator. */
export const needsReview = (match: ScreeningMatch, certain: number): boolean => match.score < certain;

/**
 * Screens every organization against `entries`; with `apply`, records the certain matches, keeps the
 * others as candidates, and marks delisted what left the list (which needs the store even when
 * nothing matches).
 */
export async function screen(
  store: ScreeningStore,
  entries: readonly WatchListEntry[],
  options: ScreenOptions,
): Promise<ScreenOutcome> {
  const organizations = await store.organizations();
  const matches = screenNames(organizations, entries, options.threshold);
  const recorded = options.apply
    ? await store.applyWatchList(
        matches.filter((m) => !needsReview(m, options.certain)),
        matches.filter((m) => needsReview(m, options.certain)),
        entries,
        { severity: options.severity },
      )
    : null;
  return { organizations: organizations.length, entries: entries.length, matches, recorded };
}
