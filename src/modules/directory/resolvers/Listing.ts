import type { ListingResolvers } from '../../../../resolvers/types.ts';
import { required } from '../../organizations/required.ts';
import type { DirectoryContext } from '../context.ts';

export const Listing: ListingResolvers<DirectoryContext> = {
  organization: async ({ organizationId }, _args, { loaders }) =>
    required(await loaders.byId.load(organizationId)),
};
