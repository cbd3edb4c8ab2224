import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import type { DisclosuresContext } from '../context.ts';

// Without an asOf of their own, the disclosures of an organization a dated query answered are those of
// that query's instant (seenAt).
export const Organization: OrganizationResolvers<DisclosuresContext> = {
  disclosures: (organization, { kind, asOf }, { disclosureLoaders }) =>
    disclosureLoaders.aboutOf(
      organization,
      kind ?? null,
      instantArgument('asOf', asOf) ?? organization.seenAt ?? null,
    ),
  publishedDisclosures: (organization, { kind, asOf }, { disclosureLoaders }) =>
    disclosureLoaders.publishedByOf(
      organization,
      kind ?? null,
      instantArgument('asOf', asOf) ?? organization.seenAt ?? null,
    ),
};
