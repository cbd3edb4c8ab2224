import type { WatchListEntry } from '../../src/modules/screening/watch-list-entry.ts';

/** A Tiersight-CSV list entry named `name` (its list id is its name), with `extra` fields. */
export const listEntry = (name: string, extra: Partial<WatchListEntry> = {}): WatchListEntry => ({
  listEntryId: name,
  name,
  aliases: [],
  countries: [],
  source: 'Test list',
  program: null,
  listedAt: null,
  sourceUrl: null,
  identifiers: [],
  format: 'tiersight',
  line: 2,
  ...extra,
});
