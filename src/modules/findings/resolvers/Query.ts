import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { FindingsContext } from '../context.ts';

export const Query: QueryResolvers<FindingsContext> = {
  findingsRecorded: (_parent, _args, { findings }) => findings.recorded(),
};
