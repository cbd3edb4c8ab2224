// How a watch-list match is named as a WATCHLIST risk indicator: an id that stays the same for the same
// organization, list and list entry (so applying a list again upserts instead of adding), and a
// description.
import { createHash } from 'node:crypto';
import type { ScreeningMatch } from './match.ts';
import { slugOf } from './slug.ts';

/** An id longer than this (a long organization id) is replaced by a hash of its three parts. */
const MAX_ID = 200;

const hash = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * The indicator id of a match: `wl-<organization id>-<list entry id slug>-<8 hex digits of the source>`,
 * the same for the same organization, list entry and list whatever the score, the name or the day.
 * Tiersight's CSV without an `id` column uses the entry's name as its list id.
 */
export function watchlistIndicatorId(organizationId: string, listEntryId: string, source: string): string {
  const id = `wl-${organizationId}-${slugOf(listEntryId)}-${hash(source, 8)}`;
  return id.length <= MAX_ID ? id : `wl-${hash(`${organizationId}\n${listEntryId}\n${source}`, 40)}`;
}

/** The id of the candidate of a match: its indicator's id with `sc-` for `wl-`. */
export const screeningCandidateId = (indicatorId: string): string => `sc-${indicatorId.slice('wl-'.length)}`;

/** Longest name a description quotes whole: with three of them it stays within a record's 2,000. */
const MAX_QUOTED_NAME = 400;

const clip = (name: string) => (name.length <= MAX_QUOTED_NAME ? name : `${name.slice(0, MAX_QUOTED_NAME)}…`);

/**
 * Which name matched which entry (and under which of its names), with the score. A list's names may be
 * of any length; quoted whole, they could make a description the bulk format cannot hold, and the
 * store could no longer be exported.
 */
export function watchlistDescription(match: ScreeningMatch): string {
  const via =
    match.matchedEntryName !== match.entry ? ` (listed also as "${clip(match.matchedEntryName)}")` : '';
  return (
    `Watch-list screening: the name "${clip(match.matchedName)}" matches the list entry "${clip(match.entry)}"${via}, ` +
    `score ${match.score.toFixed(2)}.`
  );
}
