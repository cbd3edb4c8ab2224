// The one shape every watch-list reader produces (docs/screening.md, "List formats"), whatever the list
// and its format: screening, candidates and indicators only ever see this.

import type { RiskTopic } from '../../domain/format.ts';

export const WATCH_LIST_FORMATS = ['csl', 'ftm', 'opensanctions-csv', 'uflpa-html', 'tiersight'] as const;
export type WatchListFormat = (typeof WATCH_LIST_FORMATS)[number];

export const isWatchListFormat = (value: string): value is WatchListFormat =>
  (WATCH_LIST_FORMATS as readonly string[]).includes(value);

/** An identifier a list gives for an entry, such as a registration number or an Open Supply Hub id. */
export interface EntryIdentifier {
  /** What kind of number it is, lower case as the list names it ('registration number', 'os_id', …). */
  scheme: string;
  value: string;
}

export interface WatchListEntry {
  /** The list's own id of the entry (CSL `id`, OpenSanctions entity id, …): with `source`, its key. */
  listEntryId: string;
  /** The entry's name as the list writes it. */
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2 codes (upper case) of the countries the list gives for the entry; may be empty. */
  countries: string[];
  /** The list and its publisher, stored as the indicator's source; entries are delisted per source. */
  source: string;
  /** The programme or legal basis of the listing, as the list names it, or null. */
  program: string | null;
  /** ISO 8601 date (or date-time) the entry took effect, or null when the list gives none. */
  listedAt: string | null;
  /** An http(s) link to the entry or the list, or null. */
  sourceUrl: string | null;
  identifiers: EntryIdentifier[];
  /**
   * The human-rights topics the listing is about, when the list says (Tiersight's CSV `topics`
   * column; FORCED_LABOUR for the UFLPA Entity List, a forced-labour list by law); absent: unknown.
   */
  topics?: RiskTopic[];
  format: WatchListFormat;
  /** Where the entry is in its file (line, or record number for formats without lines), for messages. */
  line: number;
}

/** What a reader returns: the entries, or every problem found (then nothing is screened). */
export interface ReadList {
  entries: WatchListEntry[];
  problems: string[];
}
