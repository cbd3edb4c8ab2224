import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../context.ts';
import { mostSevereFirst } from '../../../domain/severity.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';

export const Organization: OrganizationResolvers<OrganizationsContext> = {
  risks: ({ id, identityOnly, directoryCard, seenAt }, { asOf }, { loaders }) => {
    // A directory card's organization is listed, so anyone may look its card up and its public
    // indicators are public too (contract section 7). An identity card's is neither lookable nor
    // listed: reading its indicators would show more of it than its name (rule 6).
    if (identityOnly && !directoryCard) return [];
    const at = instantArgument('asOf', asOf) ?? seenAt ?? null;
    const fetched = loaders.risksFetched(id, at);
    return fetched === undefined
      ? loaders.risks.load({ organizationId: id, asOf: at }).then(mostSevereFirst)
      : mostSevereFirst(fetched);
  },
};
