import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';

// A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
export const Mutation: MutationResolvers<SharingContext> = {
  shareSourcing: async (_parent, args, { shares, loaders }) =>
    shares.grant({
      recipientId: await loaders.kept.load(args.recipientId),
      linkIds: args.linkIds,
      expiresAt: args.expiresAt,
    }),
  shareDisclosures: async (_parent, args, { shares, loaders }) =>
    shares.grantDisclosures({
      recipientId: await loaders.kept.load(args.recipientId),
      disclosureIds: args.disclosureIds,
      expiresAt: args.expiresAt,
    }),
  revokeShare: (_parent, { id }, { shares }) => shares.revoke(id),
};
