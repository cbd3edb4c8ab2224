import type { MeResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../context.ts';
import { required } from '../required.ts';

export const Me: MeResolvers<OrganizationsContext> = {
  organization: async ({ organizationId }, _args, { loaders }) =>
    required(await loaders.byId.load(organizationId)),
  roots: (_parent, _args, { roots }) => roots(),
};
