import type { RiskAssessmentResolvers } from '../../../../resolvers/types.ts';
import { wholeNumberArgument } from '../../../domain/whole-number.ts';
import type { RiskContext } from '../context.ts';

export const RiskAssessment: RiskAssessmentResolvers<RiskContext> = {
  organizations: ({ organizations }, { first }) =>
    first === null || first === undefined
      ? organizations
      : organizations.slice(0, wholeNumberArgument('first', first, 1, Number.MAX_SAFE_INTEGER)),
};
