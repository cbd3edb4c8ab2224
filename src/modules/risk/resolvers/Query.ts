import type { QueryResolvers } from '../../../../resolvers/types.ts';
import { namedFields } from '../../../api/named-fields.ts';
import { chainDetailFor } from '../../../domain/chain-detail.ts';
import type { RiskContext } from '../context.ts';

export const Query: QueryResolvers<RiskContext> = {
  riskAssessment: (_parent, args, { risk }, info) =>
    risk.assessment(args, chainDetailFor(namedFields(info), false).organizations),
};
