import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';

export const Mutation: MutationResolvers<SharingContext> = {
  shareSourcing: (_parent, args, { shares }) =>
    shares.grant({ recipientId: args.recipientId, linkIds: args.linkIds, expiresAt: args.expiresAt }),
  shareDisclosures: (_parent, args, { shares }) =>
    shares.grantDisclosures({
      recipientId: args.recipientId,
      disclosureIds: args.disclosureIds,
      expiresAt: args.expiresAt,
    }),
  revokeShare: (_parent, { id }, { shares }) => shares.revoke(id),
};
