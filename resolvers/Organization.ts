import type { OrganizationResolvers } from '../src/generated/resolvers-types.ts';
import { bySeverity } from '../src/domain/severity.ts';

export const Organization: OrganizationResolvers = {
  risks: async ({ id, identityOnly }, _args, { loaders }) =>
    identityOnly ? [] : [...(await loaders.risks.load(id))].sort(bySeverity),
};
