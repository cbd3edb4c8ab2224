import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import type { DisclosuresContext } from '../context.ts';

// Rule 8 is decided by the loaders' statements for every organization, identity cards included: what
// the viewer could see at an `asOf` is not what it may look up now. Without an asOf of their own, the
// disclosures of an organization a dated query answered are those of that query's instant. Only the
// disclosures about an identity card asked for now need no statement: rule 8 shows those about an
// organization the viewer may look up, which a card is not; a statement would read the disclosures
// about it that others were shown (a directory card's count of them was the work's to tell).
export const Organization: OrganizationResolvers<DisclosuresContext> = {
  disclosures: ({ id, seenAt, identityOnly }, { kind, asOf }, { disclosureLoaders }) => {
    const at = instantArgument('asOf', asOf) ?? seenAt ?? null;
    if (identityOnly && at === null) return [];
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
