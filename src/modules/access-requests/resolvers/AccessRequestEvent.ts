import type { AccessRequestEventResolvers } from '../../../../resolvers/types.ts';
import { mayKnowActingUser } from '../../../auth/policy.ts';
import { seenOneAt } from '../../../domain/model.ts';
import { actingOrganization } from '../../organizations/acting-organization.ts';
import type { AccessRequestsContext } from '../context.ts';

export const AccessRequestEvent: AccessRequestEventResolvers<AccessRequestsContext> = {
  // Mostly a party of the request, which its parties see as the request shows them.
  actorOrganization: async ({ actorOrganizationId, asOf }, _args, { accessRequestLoaders, loaders }) =>
    seenOneAt(
      (await accessRequestLoaders.parties.load(actorOrganizationId)) ??
        (await actingOrganization(loaders, actorOrganizationId)),
      asOf ?? null,
    ),
  actorUserId: ({ actorUserId, actorOrganizationId }, _args, { viewer }) =>
    mayKnowActingUser(viewer, actorOrganizationId) ? actorUserId : null,
};
