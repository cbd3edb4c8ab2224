// The `screen` use case: every organization in the database against a watch list, and with `apply` the
// matches recorded as WATCHLIST risk indicators. The caller reads the list and prints the outcome.
import type { Severity } from '../../domain/format.ts';
import { screenNames, type ScreeningMatch } from './match.ts';
import type { RecordedIndicators, ScreeningRepository } from './screening-repository.ts';
import type { WatchListEntry } from './watch-list.ts';

export interface ScreenOptions {
  /** The lowest score accepted as a match, 0..1. */
  threshold: number;
  /** Record each match as a WATCHLIST risk indicator. */
  apply: boolean;
  /** Severity of the recorded indicators. */
  severity: Severity;
}

export interface ScreenOutcome {
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
export type ScreeningStore = Pick<ScreeningRepository, 'organizations' | 'recordWatchlistMatches'>;

/** Screens every organization against `entries`; with `apply`, records the matches (nothing when none). */
export async function screen(
  store: ScreeningStore,
  entries: readonly WatchListEntry[],
  options: ScreenOptions,
): Promise<ScreenOutcome> {
  const organizations = await store.organizations();
  const matches = screenNames(organizations, entries, options.threshold);
  let recorded: RecordedIndicators | null = null;
  if (options.apply) {
    recorded =
      matches.length > 0
        ? await store.recordWatchlistMatches(matches, { severity: options.severity })
        : { recorded: 0, created: 0 };
  }
  return { organizations: organizations.length, entries: entries.length, matches, recorded };
}
