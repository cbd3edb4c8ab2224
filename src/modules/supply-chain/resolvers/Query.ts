import type { QueryResolvers } from '../../../../resolvers/types.ts';
import { planDisclosuresAbout } from '../../disclosures/prefetch-disclosures.ts';
import type { SupplyChainContext } from '../context.ts';

export const Query: QueryResolvers<SupplyChainContext> = {
  supplyChain: async (_parent, args, { supplyChains, disclosureLoaders }, info) => {
    const plan = planDisclosuresAbout(disclosureLoaders, info, ['tiers', 'organizations'], args.asOf);
    const { chain, disclosures } = await supplyChains.supplyChainWithDisclosures(args, plan.along);
    await plan.complete(
      chain.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)),
      disclosures,
    );
    return chain;
  },
};
