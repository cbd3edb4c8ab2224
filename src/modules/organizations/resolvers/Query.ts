import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../context.ts';

export const Query: QueryResolvers<OrganizationsContext> = {
  me: (_parent, _args, { viewer }) => ({
    organizationId: viewer.organizationId,
    userId: viewer.userId,
    roles: [...viewer.roles],
  }),
  organization: (_parent, { id }, { loaders }) => loaders.visible.load(id),
};
