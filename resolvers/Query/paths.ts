import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const paths: QueryResolvers['paths'] = (_parent, args, { analysis }) => analysis.paths(args);
