import type { SupplyLinkEventResolvers } from '../../../../resolvers/types.ts';
import { mayKnowActingUser } from '../../../auth/policy.ts';
import { actingOrganization } from '../../organizations/acting-organization.ts';
import type { SourcingContext } from '../context.ts';

export const SupplyLinkEvent: SupplyLinkEventResolvers<SourcingContext> = {
  // The customer itself, for the customer's own trail; a platform_admin reading another customer's
  // trail may not look it up, and is shown its identity card.
  actorOrganization: ({ actorOrganizationId }, _args, { loaders }) =>
    actingOrganization(loaders, actorOrganizationId),
  actorUserId: ({ actorUserId, actorOrganizationId }, _args, { viewer }) =>
    mayKnowActingUser(viewer, actorOrganizationId) ? actorUserId : null,
};
