import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { DirectoryContext } from '../context.ts';

export const Query: QueryResolvers<DirectoryContext> = {
  directory: (_parent, { search, country, type, first, after }, { directory }) =>
    directory.page({ search, country, type, first, after }),
  listing: (_parent, _args, { directory }) => directory.listing(),
};
