import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { AccessRequestsContext } from '../context.ts';

export const Query: QueryResolvers<AccessRequestsContext> = {
  accessRequestsSent: (_parent, { status, asOf }, { accessRequests }) =>
    accessRequests.sent(status ?? null, asOf),
  accessRequestsReceived: (_parent, { status, asOf }, { accessRequests }) =>
    accessRequests.received(status ?? null, asOf),
  accessRequest: (_parent, { id, asOf }, { accessRequests }) => accessRequests.find(id, asOf),
};
