import type { AccessRequestResolvers } from '../../../../resolvers/types.ts';
import { isOverdue } from '../../../domain/access-requests.ts';
import type { AccessRequestsContext } from '../context.ts';
import { required } from '../../organizations/required.ts';

export const AccessRequest: AccessRequestResolvers<AccessRequestsContext> = {
  requester: async ({ requesterId }, _args, { accessRequestLoaders }) =>
    required(await accessRequestLoaders.parties.load(requesterId)),
  target: async ({ targetId }, _args, { accessRequestLoaders }) =>
    required(await accessRequestLoaders.parties.load(targetId)),
  overdue: (request, _args, { instant }) => isOverdue(request, request.asOf ?? instant),
  shares: async (request, _args, { accessRequestLoaders }) =>
    (await accessRequestLoaders.details.load(request)).shares,
  events: async (request, _args, { accessRequestLoaders }) =>
    (await accessRequestLoaders.details.load(request)).events,
};
