import type { QueryResolvers } from '../../../../resolvers/types.ts';
import { prefetchDisclosuresAbout } from '../../disclosures/prefetch-disclosures.ts';
import type { SupplyChainContext } from '../context.ts';

export const Query: QueryResolvers<SupplyChainContext> = {
  supplyChain: async (_parent, args, { supplyChains, disclosureLoaders }, info) => {
    const chain = await supplyChains.supplyChain(args);
    const ids = chain.tiers.flatMap((tier) => tier.organizations.map((o) => o.id));
    await prefetchDisclosuresAbout(disclosureLoaders, info, ['tiers', 'organizations'], ids);
    return chain;
  },
};
