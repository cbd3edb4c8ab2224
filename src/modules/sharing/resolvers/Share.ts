import type { ShareResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';
import { required } from '../../organizations/required.ts';

export const Share: ShareResolvers<SharingContext> = {
  owner: async ({ ownerId }, _args, { shareParties }) => required(await shareParties.load(ownerId)),
  recipient: async ({ recipientId }, _args, { shareParties }) =>
    required(await shareParties.load(recipientId)),
  active: ({ revokedAt, expiresAt, asOf }, _args, { instant }) =>
    revokedAt === null && (expiresAt === null || (asOf ?? instant) < new Date(expiresAt)),
};
