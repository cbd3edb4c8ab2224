import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { RiskContext } from '../context.ts';

export const Query: QueryResolvers<RiskContext> = {
  riskAssessment: (_parent, args, { risk }) => risk.assessment(args),
};
