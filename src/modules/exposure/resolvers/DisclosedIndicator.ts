import type { DisclosedIndicatorResolvers } from '../../../../resolvers/types.ts';
import type { ExposureContext } from '../context.ts';
import { shownAction, shownAt } from '../../../domain/shown-actions.ts';

// `disclosure` is the one the exposure statement read with the indicator (the default resolver).
export const DisclosedIndicator: DisclosedIndicatorResolvers<ExposureContext> = {
  action: ({ action, disclosureId, version, asOf }, _args, { instant }) =>
    action &&
    shownAction(action, shownAt({ id: disclosureId, version, at: (asOf ?? instant).toISOString() })),
};
