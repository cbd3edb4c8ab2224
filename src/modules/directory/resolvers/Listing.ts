import type { ListingResolvers } from '../../../../resolvers/types.ts';
import { unknownTokenOrganization } from '../../../domain/errors.ts';
import type { DirectoryContext } from '../context.ts';

export const Listing: ListingResolvers<DirectoryContext> = {
  // The viewer's own organization. The request loaded it before setListing changed it: read it again;
  // gone (merged away meanwhile), the token names no organization, as its next request will find.
  organization: async ({ organizationId }, _args, { loaders }) => {
    const found = await loaders.byId.clear(organizationId).load(organizationId);
    if (found === null) throw unknownTokenOrganization();
    return found;
  },
};
