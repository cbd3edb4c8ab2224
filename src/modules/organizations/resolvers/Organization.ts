import type { OrganizationResolvers } from '../../../../resolvers/types.ts';
import type { OrganizationsContext } from '../context.ts';
import { bySeverity } from '../../../domain/severity.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import type { RiskIndicator } from '../../../domain/model.ts';
import { byText } from '../../../domain/text-order.ts';

/** Most severe first, then by id: the same order whichever statement read them. */
const mostSevereFirst = (risks: readonly RiskIndicator[]): RiskIndicator[] =>
  [...risks].sort((a, b) => bySeverity(a, b) || byText(a.id, b.id));

export const Organization: OrganizationResolvers<OrganizationsContext> = {
  risks: ({ id, identityOnly, seenAt }, { asOf }, { loaders }) => {
    if (identityOnly) return [];
    const at = instantArgument('asOf', asOf) ?? seenAt ?? null;
    const fetched = loaders.risksFetched(id, at);
    return fetched === undefined
      ? loaders.risks.load({ organizationId: id, asOf: at }).then(mostSevereFirst)
      : mostSevereFirst(fetched);
  },
};
