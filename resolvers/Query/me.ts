import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const me: QueryResolvers['me'] = (_parent, _args, { viewer }) => ({
  organizationId: viewer.organizationId,
  userId: viewer.userId,
  roles: [...viewer.roles],
});
