import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const supplyChain: QueryResolvers['supplyChain'] = (_parent, { rootId, maxDepth }, { supplyChains }) =>
  supplyChains.supplyChain(rootId, maxDepth);
