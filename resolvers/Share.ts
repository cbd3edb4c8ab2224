import type { ShareResolvers } from '../src/generated/resolvers-types.ts';
import { required } from './required.ts';

export const Share: ShareResolvers = {
  owner: async ({ ownerId }, _args, { loaders }) => required(await loaders.shareParties.load(ownerId)),
  recipient: async ({ recipientId }, _args, { loaders }) =>
    required(await loaders.shareParties.load(recipientId)),
  active: ({ revokedAt, expiresAt }, _args, { instant }) =>
    revokedAt === null && (expiresAt === null || instant < new Date(expiresAt)),
};
