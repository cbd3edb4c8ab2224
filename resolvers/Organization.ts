import type { OrganizationResolvers } from '../src/generated/resolvers-types.ts';
import { bySeverity } from '../src/domain/severity.ts';
import { instantArgument } from '../src/services/chain-query.ts';

export const Organization: OrganizationResolvers = {
  risks: async ({ id, identityOnly }, { asOf }, { loaders }) =>
    identityOnly
      ? []
      : [...(await loaders.risks.load({ organizationId: id, asOf: instantArgument('asOf', asOf) }))].sort(
          bySeverity,
        ),
};
