// What screening stores of a list entry (a WATCHLIST indicator's source and link, a candidate's names
// and programme) is written by `tiersight export` as records of the bulk format, whose texts hold at
// most MAX_TEXT characters: one longer text and the store could no longer be backed up. A list's own
// texts have no such bound, so they are checked when the list is read, and a list that breaks it is
// refused before anything is screened (the name a description quotes is clipped instead:
// indicator-naming.ts).
import { MAX_TEXT } from '../../domain/format.ts';
import { quote } from '../../domain/quote.ts';
import type { WatchListEntry } from './watch-list-entry.ts';

/** One problem per text of an entry that is too long to store, naming the entry and the text. */
export function unstorableTexts(entries: readonly WatchListEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    const texts: [string, string | null][] = [
      ['source', entry.source],
      ['id', entry.listEntryId],
      ['name', entry.name],
      ...entry.aliases.map((alias): [string, string] => ['other name', alias]),
      ['programme', entry.program],
      ['link', entry.sourceUrl],
    ];
    for (const [what, text] of texts)
      if (text !== null && text.length > MAX_TEXT)
        problems.push(
          `entry ${quote(entry.listEntryId)} (line or record ${entry.line}): its ${what} is ` +
            `${text.length.toLocaleString('en')} characters long, ${quote(text)}; a stored text holds at most ` +
            `${MAX_TEXT.toLocaleString('en')}${what === 'source' ? " (--source replaces every entry's source)" : ''}`,
        );
  }
  return problems;
}
