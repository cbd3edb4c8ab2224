import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const organization: QueryResolvers['organization'] = (_parent, { id }, { loaders }) =>
  loaders.visible.load(id);
