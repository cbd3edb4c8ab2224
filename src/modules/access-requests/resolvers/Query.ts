import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { AccessRequestsContext } from '../context.ts';

export const Query: QueryResolvers<AccessRequestsContext> = {
  accessRequestsSent: (_parent, { status }, { accessRequests }) => accessRequests.sent(status ?? null),
  accessRequestsReceived: (_parent, { status }, { accessRequests }) =>
    accessRequests.received(status ?? null),
  accessRequest: (_parent, { id }, { accessRequests }) => accessRequests.find(id),
};
