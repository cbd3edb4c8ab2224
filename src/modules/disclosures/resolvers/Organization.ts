import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import type { Organization as OrganizationModel } from '../../../domain/model.ts';
import type { OrganizationLoaders } from '../../organizations/organization-loaders.ts';
import type { DisclosuresContext } from '../context.ts';

// Rule 8 is decided by the loaders' statements for every organization the viewer may look up: what it
// could see at an `asOf` is not what it may look up now. Without an asOf of their own, the disclosures
// of an organization a dated query answered are those of that query's instant.

/**
 * `read()`, unless `organization` is an identity card. Rule 8 shows the disclosures about an
 * organization the viewer may look up, and a publisher that shares with the viewer is one of its roots:
 * a card, which the viewer may not look up now, has none now, and had some at an earlier instant only if
 * it could be looked up then (a lookup that costs the same for any id). A statement for a card would
 * read what others were shown, and its work would count them. Synchronous for everyone else: a chain
 * resolves this for thousands of organizations.
 */
function unlessCard<T>(
  organization: OrganizationModel,
  at: Date | null,
  loaders: OrganizationLoaders,
  read: () => T[] | Promise<T[]>,
): T[] | Promise<T[]> {
  if (organization.identityOnly !== true) return read();
  if (at === null) return [];
  return loaders.lookableAt
    .load({ id: organization.id, asOf: at })
    .then((lookable) => (lookable === null ? [] : read()));
}

export const Organization: OrganizationResolvers<DisclosuresContext> = {
  disclosures: (organization, { kind, asOf }, { disclosureLoaders, loaders }) => {
    const at = instantArgument('asOf', asOf) ?? organization.seenAt ?? null;
    return unlessCard(
      organization,
      at,
      loaders,
      () =>
        disclosureLoaders.aboutFetched(organization.id, kind ?? null, at) ??
        disclosureLoaders.about.load({ id: organization.id, kind: kind ?? null, asOf: at }),
    );
  },
  publishedDisclosures: (organization, { kind, asOf }, { disclosureLoaders, loaders }) => {
    const at = instantArgument('asOf', asOf) ?? organization.seenAt ?? null;
    return unlessCard(organization, at, loaders, () =>
      disclosureLoaders.publishedBy.load({ id: organization.id, kind: kind ?? null, asOf: at }),
    );
  },
};
