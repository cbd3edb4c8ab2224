import type { SupplyLinkResolvers } from '../src/generated/resolvers-types.ts';
import { required } from './required.ts';

export const SupplyLink: SupplyLinkResolvers = {
  supplier: async ({ supplierId }, _args, { loaders }) => required(await loaders.byId.load(supplierId)),
  customer: async ({ customerId }, _args, { loaders }) => required(await loaders.byId.load(customerId)),
};
