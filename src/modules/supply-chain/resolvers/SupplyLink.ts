import type { SupplyLinkResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { required } from '../../organizations/required.ts';

// Synchronous when the link holds its ends: a promise per field of ten thousand links costs more than
// the rest of the answer (issue 11's profile).
export const SupplyLink: SupplyLinkResolvers<OrganizationsContext> = {
  supplier: ({ supplier, supplierId }, _args, { loaders }) =>
    supplier ?? loaders.byId.load(supplierId).then(required),
  customer: ({ customer, customerId }, _args, { loaders }) =>
    customer ?? loaders.byId.load(customerId).then(required),
};
