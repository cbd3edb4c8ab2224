import type { MeResolvers } from '../../../../resolvers/types.ts';
import { unknownTokenOrganization } from '../../../domain/errors.ts';
import type { OrganizationsContext } from '../context.ts';

export const Me: MeResolvers<OrganizationsContext> = {
  // The token's organization was found when the request began, or a few seconds earlier (the known
  // organizations cache): if it is gone now (merged into another, or removed by an import), the token
  // names nothing, as it would have at the start of a later request.
  organization: async ({ organizationId }, _args, { loaders }) => {
    const organization = await loaders.byId.load(organizationId);
    if (organization === null) throw unknownTokenOrganization();
    return organization;
  },
  roots: (_parent, _args, { roots }) => roots(),
  customers: (_parent, _args, { customers }) => customers(),
};
