import type { MutationResolvers } from '../../../../resolvers/types.ts';
import { withKeptId } from '../../organizations/organization-loaders.ts';
import { ownRecordsWrite } from '../../organizations/viewer-gone.ts';
import type { SharingContext } from '../context.ts';

// A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
export const Mutation: MutationResolvers<SharingContext> = {
  shareSourcing: (_parent, args, { shares, loaders }) =>
    withKeptId(loaders, args.recipientId, (recipientId) =>
      shares.grant({
        recipientId,
        askedRecipientId: args.recipientId,
        linkIds: args.linkIds,
        expiresAt: args.expiresAt,
        idempotencyKey: args.idempotencyKey,
      }),
    ),
  shareDisclosures: (_parent, args, { shares, loaders }) =>
    withKeptId(loaders, args.recipientId, (recipientId) =>
      shares.grantDisclosures({
        recipientId,
        askedRecipientId: args.recipientId,
        disclosureIds: args.disclosureIds,
        expiresAt: args.expiresAt,
        idempotencyKey: args.idempotencyKey,
      }),
    ),
  revokeShare: (_parent, { id }, context) => ownRecordsWrite(context, () => context.shares.revoke(id)),
};
