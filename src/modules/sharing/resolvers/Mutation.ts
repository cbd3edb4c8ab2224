import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationLoaders } from '../../organizations/organization-loaders.ts';
import type { SharingContext } from '../context.ts';

// A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
const recipient = async (loaders: OrganizationLoaders, asked: string) => ({
  recipientId: await loaders.kept.load(asked),
  askedRecipientId: asked,
});

export const Mutation: MutationResolvers<SharingContext> = {
  shareSourcing: async (_parent, args, { shares, loaders }) =>
    shares.grant({
      ...(await recipient(loaders, args.recipientId)),
      linkIds: args.linkIds,
      expiresAt: args.expiresAt,
      idempotencyKey: args.idempotencyKey,
    }),
  shareDisclosures: async (_parent, args, { shares, loaders }) =>
    shares.grantDisclosures({
      ...(await recipient(loaders, args.recipientId)),
      disclosureIds: args.disclosureIds,
      expiresAt: args.expiresAt,
      idempotencyKey: args.idempotencyKey,
    }),
  revokeShare: (_parent, { id }, { shares }) => shares.revoke(id),
};
