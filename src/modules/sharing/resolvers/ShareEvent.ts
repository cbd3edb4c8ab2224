import type { ShareEventResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';
import { required } from '../../organizations/required.ts';

export const ShareEvent: ShareEventResolvers<SharingContext> = {
  actorOrganization: async ({ actorOrganizationId }, _args, { shareParties }) =>
    required(await shareParties.load(actorOrganizationId)),
};
