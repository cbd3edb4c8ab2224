import type { QueryResolvers } from '../../../../resolvers/types.ts';
import { namedFields } from '../../../api/named-fields.ts';
import { nestedFieldArguments } from '../../../api/nested-field-arguments.ts';
import { chainDetailFor } from '../../../domain/chain-detail.ts';
import { planDisclosuresAbout } from '../../disclosures/prefetch-disclosures.ts';
import type { SupplyChainContext } from '../context.ts';

export const Query: QueryResolvers<SupplyChainContext> = {
  supplyChain: async (_parent, args, { supplyChains, disclosureLoaders }, info) => {
    const plan = planDisclosuresAbout(disclosureLoaders, info, ['tiers', 'organizations'], args.asOf);
    const detail = chainDetailFor(namedFields(info), nestedFieldArguments(info, [], 'links').length > 0);
    const { chain, disclosures } = await supplyChains.supplyChainAsAsked(args, plan.along, detail);
    await plan.complete(
      chain.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)),
      disclosures,
    );
    return chain;
  },
};
