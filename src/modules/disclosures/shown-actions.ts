// Corrective actions as the API shows them: each knows the disclosure version it was read from, so
// that `firstDueAt` can read that disclosure's earlier versions (and only those: never later ones).
import type { CorrectiveAction, DisclosureVersion } from '../../domain/disclosures.ts';
import type { HistoryKey } from './disclosure-loaders.ts';

export interface ShownAction extends CorrectiveAction {
  origin: HistoryKey;
}

/** A version of a disclosure's history, with the key that read it. */
export interface ShownVersion extends DisclosureVersion {
  origin: HistoryKey;
}

export const shownAction = (action: CorrectiveAction, origin: HistoryKey): ShownAction => ({
  ...action,
  origin,
});

export const shownActions = (actions: readonly CorrectiveAction[], origin: HistoryKey): ShownAction[] =>
  actions.map((action) => shownAction(action, origin));
