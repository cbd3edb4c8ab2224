import type { MutationResolvers } from '../../src/generated/resolvers-types.ts';

export const shareSourcing: MutationResolvers['shareSourcing'] = (_parent, args, { shares }) =>
  shares.grant({ recipientId: args.recipientId, linkIds: args.linkIds, expiresAt: args.expiresAt });
