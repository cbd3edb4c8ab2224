import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const exposure: QueryResolvers['exposure'] = (_parent, args, { analysis }) => analysis.exposure(args);
