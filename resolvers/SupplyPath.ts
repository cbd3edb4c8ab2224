import type { SupplyPathResolvers } from '../src/generated/resolvers-types.ts';
import { required } from './required.ts';

export const SupplyPath: SupplyPathResolvers = {
  organizations: ({ organizationIds }, _args, { loaders }) =>
    Promise.all(organizationIds.map(async (id) => required(await loaders.byId.load(id)))),
};
