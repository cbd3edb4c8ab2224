import type { MutationResolvers } from '../../src/generated/resolvers-types.ts';

export const revokeShare: MutationResolvers['revokeShare'] = (_parent, { id }, { shares }) =>
  shares.revoke(id);
