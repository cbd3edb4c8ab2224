import type { AccessRequestEventResolvers } from '../../../../resolvers/types.ts';
import type { AccessRequestsContext } from '../context.ts';
import { required } from '../../organizations/required.ts';

export const AccessRequestEvent: AccessRequestEventResolvers<AccessRequestsContext> = {
  actorOrganization: async ({ actorOrganizationId }, _args, { accessRequestLoaders }) =>
    required(await accessRequestLoaders.parties.load(actorOrganizationId)),
};
