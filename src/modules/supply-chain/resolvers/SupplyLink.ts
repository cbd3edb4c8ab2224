import type { SupplyLinkResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { required } from '../../organizations/required.ts';

export const SupplyLink: SupplyLinkResolvers<OrganizationsContext> = {
  supplier: async ({ supplierId }, _args, { loaders }) => required(await loaders.byId.load(supplierId)),
  customer: async ({ customerId }, _args, { loaders }) => required(await loaders.byId.load(customerId)),
};
