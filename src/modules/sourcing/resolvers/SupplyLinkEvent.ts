import type { SupplyLinkEventResolvers } from '../../../../resolvers/types.ts';
import { identityCard } from '../../../domain/chain-detail.ts';
import { required } from '../../organizations/required.ts';
import type { SourcingContext } from '../context.ts';

export const SupplyLinkEvent: SupplyLinkEventResolvers<SourcingContext> = {
  // The customer itself, for the customer's own trail; a platform_admin reading another customer's
  // trail may not look it up, and is shown its identity card (not a listed organization's directory
  // card: a trail is not the directory).
  actorOrganization: async ({ actorOrganizationId }, _args, { loaders }) =>
    (await loaders.lookable.load(actorOrganizationId)) ??
    identityCard(required(await loaders.byId.load(actorOrganizationId))),
};
