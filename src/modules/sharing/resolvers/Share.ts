import type { ShareResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';
import { required } from '../../organizations/required.ts';
import { seenOneAt } from '../../../domain/model.ts';

// A share shown as of an instant (asOf: an access request's) shows its parties as of it too.
export const Share: ShareResolvers<SharingContext> = {
  owner: async ({ ownerId, asOf }, _args, { shareParties }) =>
    seenOneAt(required(await shareParties.load(ownerId)), asOf ?? null),
  recipient: async ({ recipientId, asOf }, _args, { shareParties }) =>
    seenOneAt(required(await shareParties.load(recipientId)), asOf ?? null),
  active: ({ revokedAt, expiresAt, asOf }, _args, { instant }) =>
    revokedAt === null && (expiresAt === null || (asOf ?? instant) < new Date(expiresAt)),
};
