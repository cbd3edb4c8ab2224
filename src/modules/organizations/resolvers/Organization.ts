import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../context.ts';
import { bySeverity } from '../../../domain/severity.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';

export const Organization: OrganizationResolvers<OrganizationsContext> = {
  risks: async ({ id, identityOnly }, { asOf }, { loaders }) =>
    identityOnly
      ? []
      : [...(await loaders.risks.load({ organizationId: id, asOf: instantArgument('asOf', asOf) }))].sort(
          bySeverity,
        ),
};
