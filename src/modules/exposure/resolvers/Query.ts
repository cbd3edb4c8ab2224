import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { ExposureContext } from '../context.ts';

export const Query: QueryResolvers<ExposureContext> = {
  exposure: (_parent, args, { analysis }) => analysis.exposure(args),
  paths: (_parent, args, { analysis }) => analysis.paths(args),
  chainsReaching: (_parent, args, { analysis }) => analysis.chainsReaching(args),
};
