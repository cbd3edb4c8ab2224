import type { ShareEventResolvers } from '../../../../resolvers/types.ts';
import { mayKnowActingUser } from '../../../auth/policy.ts';
import { actingOrganization } from '../../organizations/acting-organization.ts';
import type { SharingContext } from '../context.ts';

export const ShareEvent: ShareEventResolvers<SharingContext> = {
  // Mostly a party of the share, which its parties see as the share shows them.
  actorOrganization: async ({ actorOrganizationId }, _args, { shareParties, loaders }) =>
    (await shareParties.load(actorOrganizationId)) ?? actingOrganization(loaders, actorOrganizationId),
  actorUserId: ({ actorUserId, actorOrganizationId }, _args, { viewer }) =>
    mayKnowActingUser(viewer, actorOrganizationId) ? actorUserId : null,
};
