// A corrective action is closed, not deleted. Left out of a revision, an action not yet closed would
// vanish from its customers' exposure and risk assessment without a word (its history keeps it, but
// nothing flags that it went): an API client revising a title without resending `actions`, since
// updateDisclosure takes the whole content, would do it by accident. To end one, the supplier closes it
// (its verification on record) or withdraws the disclosure, each a change its customers see as such.
import type { StoredAction } from './disclosures.ts';
import { describedList, quote } from './quote.ts';

const described = (action: StoredAction, at: Date): string => {
  const due = new Date(action.dueAt) < at ? 'overdue since' : 'due';
  return `${quote(action.id)} (${action.severity}, ${action.status}, ${due} ${action.dueAt.slice(0, 10)})`;
};

/**
 * The refusal of a revision whose actions (`next`) leave out any of `current`'s not yet closed, in
 * their order; null when it keeps them all. `at` is the revision's instant (overdue or due).
 */
export function openActionsLeftOut(
  current: readonly StoredAction[],
  next: readonly Pick<StoredAction, 'id'>[],
  at: Date,
): string | null {
  const kept = new Set(next.map((action) => action.id));
  const left = current.filter((action) => action.status !== 'CLOSED' && !kept.has(action.id));
  if (left.length === 0) return null;
  return (
    `actions must keep every action not yet closed, which the disclosure's recipients see flagged until it is: ` +
    `${describedList(left, (action) => described(action, at))} left out; ` +
    `send ${left.length === 1 ? 'it' : 'them'} again (updateDisclosure takes the whole content), close ` +
    `${left.length === 1 ? 'it' : 'them'} (updateCorrectiveAction), or withdraw the disclosure`
  );
}
