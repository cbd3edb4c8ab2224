import type { ListingResolvers } from '../../../../resolvers/types.ts';
import { required } from '../../organizations/required.ts';
import type { DirectoryContext } from '../context.ts';

export const Listing: ListingResolvers<DirectoryContext> = {
  // The request loaded its viewer before setListing changed it: read it again.
  organization: async ({ organizationId }, _args, { loaders }) =>
    required(await loaders.byId.clear(organizationId).load(organizationId)),
};
