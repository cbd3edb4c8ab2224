import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { MergingContext } from '../context.ts';

export const Mutation: MutationResolvers<MergingContext> = {
  mergeOrganizations: (_parent, { keepId, mergeId }, { merges }) => merges.merge(keepId, mergeId),
};
