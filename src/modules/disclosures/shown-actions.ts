// Corrective actions as the API shows them: each knows the disclosure version it was read from, so
// that `firstDueAt` can read that disclosure's earlier versions (and only those: never later ones).
import type { CorrectiveAction, DisclosureVersion } from '../../domain/disclosures.ts';
import type { HistoryKey } from './disclosure-loaders.ts';

/**
 * Where an action was read: `history` is the key of the disclosure as shown (one read of its versions
 * serves the actions of every version of that history), `upTo` the version the action belongs to.
 */
export interface ActionOrigin {
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
