// Why a merge is refused, from what the check statement found: a pure function, so that every message
// is unit-tested without a database.
import type { MergeCheck } from './merge-repository.ts';
import { quote, quoteList } from '../../domain/quote.ts';

function missing(field: string, id: string, mergedInto: string | null): string {
  return mergedInto === null
    ? `unknown ${field} ${quote(id)}: no organization has that id`
    : `${field} ${quote(id)} was merged into ${quote(mergedInto)} already: name ${quote(mergedInto)} instead`;
}

/** The reason to refuse merging `mergeId` into `keepId`, or null when the merge may go ahead. */
export function mergeRefusal(keepId: string, mergeId: string, check: MergeCheck): string | null {
  if (!check.keepFound) return missing('keepId', keepId, check.keepMergedInto);
  if (!check.mergeFound) return missing('mergeId', mergeId, check.mergeMergedInto);
  const between = (what: string, ids: readonly string[]) =>
    `${what} ${quoteList(ids)} between ${quote(keepId)} and ${quote(mergeId)} would become ${ids.length === 1 ? 'one' : 'ones'} of ${quote(keepId)} with itself: organizations that deal with each other are two parties, not duplicates`;
  if (check.linksBetween.length > 0) return between('supply link', check.linksBetween);
  if (check.sharesBetween.length > 0) return between('share', check.sharesBetween);
  if (check.requestsBetween.length > 0) return between('access request', check.requestsBetween);
  const links = check.linksIntoMonitor;
  if (links.length > 0)
    return (
      `keepId ${quote(keepId)} is a MONITOR, which has no supply links, and mergeId ${quote(mergeId)} has ` +
      `${links.length === 1 ? 'supply link' : `${links.length} supply links`} ${quoteList(links)}: merged, ` +
      `${links.length === 1 ? 'it' : 'they'} would be the monitor's; if they are one organization, keep ` +
      `${quote(mergeId)} and merge ${quote(keepId)} into it`
    );
  const findings = check.findingsOutOfMonitor;
  if (findings.length > 0)
    return (
      `keepId ${quote(keepId)} is no MONITOR, and mergeId ${quote(mergeId)} recorded ` +
      `${findings.length === 1 ? 'finding' : `${findings.length} findings`} ${quoteList(findings)}: merged, ` +
      `${findings.length === 1 ? 'it' : 'they'} would be recorded by an organization that may record none; ` +
      `if they are one organization, keep ${quote(mergeId)} and merge ${quote(keepId)} into it`
    );
  const [twice] = check.openTwice;
  if (twice !== undefined) {
    const more = check.openTwice.length - 1;
    return (
      `open access requests ${quote(twice[0])} (with ${quote(keepId)}) and ${quote(twice[1])} (with ${quote(mergeId)}) would become two open ` +
      `requests between the same organizations for the same scope (BOTH counts as either), where one may be open` +
      (more > 0 ? ` (and ${more} more such ${more === 1 ? 'pair' : 'pairs'})` : '') +
      ': one must be answered or withdrawn before the merge'
    );
  }
  return null;
}
