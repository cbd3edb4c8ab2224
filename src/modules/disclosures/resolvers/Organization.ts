import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import type { DisclosuresContext } from '../context.ts';

// Rule 8 is decided by the loaders' statements for every organization, identity cards included: what
// the viewer could see at an `asOf` is not what it may look up now. Without an asOf of their own, the
// disclosures of an organization a dated query answered are those of that query's instant.
export const Organization: OrganizationResolvers<DisclosuresContext> = {
  disclosures: ({ id, seenAt }, { kind, asOf }, { disclosureLoaders }) => {
    const at = instantArgument('asOf', asOf) ?? seenAt ?? null;
    return (
      disclosureLoaders.aboutFetched(id, kind ?? null, at) ??
      disclosureLoaders.about.load({ id, kind: kind ?? null, asOf: at })
    );
  },
  publishedDisclosures: ({ id, seenAt }, { kind, asOf }, { disclosureLoaders }) =>
    disclosureLoaders.publishedBy.load({
      id,
      kind: kind ?? null,
      asOf: instantArgument('asOf', asOf) ?? seenAt ?? null,
    }),
};
