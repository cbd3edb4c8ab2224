// How a watch-list match is named as a WATCHLIST risk indicator: an id that stays the same for the same
// organization, entry and list (so applying a list again upserts instead of adding), and a description.
import { createHash } from 'node:crypto';
import type { ScreeningMatch } from './match.ts';
import { foldText } from './normalize-name.ts';

/** An id longer than this (a long organization id) is replaced by a hash of its three parts. */
const MAX_ID = 200;

const hash = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * The indicator id of a match: `wl-<organization id>-<entry name slug>-<8 hex digits of the source>`,
 * the same for the same organization, entry and list whatever the score or the day.
 */
export function watchlistIndicatorId(organizationId: string, entryName: string, source: string): string {
  const slug =
    foldText(entryName)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entry';
  const id = `wl-${organizationId}-${slug}-${hash(source, 8)}`;
  return id.length <= MAX_ID ? id : `wl-${hash(`${organizationId}\n${entryName}\n${source}`, 40)}`;
}

/** Which name matched which entry (and under which of its names), with the score. */
export function watchlistDescription(match: ScreeningMatch): string {
  const via = match.matchedEntryName !== match.entry ? ` (listed also as "${match.matchedEntryName}")` : '';
  return (
    `Watch-list screening: the name "${match.matchedName}" matches the list entry "${match.entry}"${via}, ` +
    `score ${match.score.toFixed(2)}.`
  );
}
