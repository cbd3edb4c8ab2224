import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { SourcingContext } from '../context.ts';

export const Query: QueryResolvers<SourcingContext> = {
  ownSupplyLinks: (_parent, { includeEnded }, { sourcing }) => sourcing.ownLinks(includeEnded === true),
  supplyLinkEvents: (_parent, { organizationId, linkId, ...page }, { sourcing }) =>
    sourcing.events(organizationId, linkId, page),
};
