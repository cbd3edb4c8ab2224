import type { SupplyPathResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { required } from '../../organizations/required.ts';

export const SupplyPath: SupplyPathResolvers<OrganizationsContext> = {
  organizations: ({ organizations, organizationIds }, _args, { loaders }) =>
    organizations ?? Promise.all(organizationIds.map(async (id) => required(await loaders.byId.load(id)))),
};
