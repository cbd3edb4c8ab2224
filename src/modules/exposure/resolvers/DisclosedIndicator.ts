import type { DisclosedIndicatorResolvers } from '../../../../resolvers/types.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { DisclosuresContext } from '../../disclosures/context.ts';
import { shownAction, shownAt } from '../../../domain/shown-actions.ts';

export const DisclosedIndicator: DisclosedIndicatorResolvers<DisclosuresContext> = {
  // The exposure statement decided rule 8 for it; the loader (rule 8 again, one statement for every
  // indicator of the answer) brings the whole disclosure as of the same instant.
  disclosure: async ({ disclosureId, asOf }, _args, { disclosureLoaders }) => {
    const disclosure = await disclosureLoaders.byId.load({ id: disclosureId, kind: null, asOf });
    if (disclosure === null)
      throw new DomainError('INTERNAL_SERVER_ERROR', 'A disclosure disappeared mid-request.');
    return disclosure;
  },
  action: ({ action, disclosureId, version, asOf }, _args, { instant }) =>
    action &&
    shownAction(action, shownAt({ id: disclosureId, version, at: (asOf ?? instant).toISOString() })),
};
