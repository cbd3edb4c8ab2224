import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const supplyChain: QueryResolvers['supplyChain'] = (_parent, args, { supplyChains }) =>
  supplyChains.supplyChain(args);
