// Corrective actions as the API shows them: each knows the disclosure version it was read from, so
// that `firstDueAt` can read that disclosure's earlier versions (and only those: never later ones).
import type { CorrectiveAction, DisclosureVersion } from './disclosures.ts';

/** A disclosure as shown, the key of its history (the disclosures module's `history` loader). */
export interface HistoryKey {
  id: string;
  /** The version shown: history lists it and every earlier one. */
  version: number;
  /** The instant the disclosure was shown at (ISO 8601), at which `overdue` is derived. */
  at: string;
}

/**
 * Where an action was read: `history` is the key of the disclosure as shown (one read of its versions
 * serves the actions of every version of that history), `upTo` the version the action belongs to.
 */
interface ActionOrigin {
  history: HistoryKey;
  upTo: number;
}

export interface ShownAction extends CorrectiveAction {
  origin: ActionOrigin;
}

/** A version of a disclosure's history, with where it was read. */
export interface ShownVersion extends DisclosureVersion {
  origin: ActionOrigin;
  /** The disclosure's owner, for whose users its versions were recorded. */
  ownerId: string;
}

export const shownAction = (action: CorrectiveAction, origin: ActionOrigin): ShownAction => ({
  ...action,
  origin,
});

export const shownActions = (actions: readonly CorrectiveAction[], origin: ActionOrigin): ShownAction[] =>
  actions.map((action) => shownAction(action, origin));

/** The origin of the actions of a disclosure shown at `key`'s version. */
export const shownAt = (key: HistoryKey): ActionOrigin => ({ history: key, upTo: key.version });
