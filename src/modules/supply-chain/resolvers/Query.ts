import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { SupplyChainContext } from '../context.ts';

export const Query: QueryResolvers<SupplyChainContext> = {
  supplyChain: (_parent, args, { supplyChains }) => supplyChains.supplyChain(args),
};
