import type { ScreeningCandidateResolvers } from '../../../../resolvers/types.ts';
import { candidateCursor } from '../candidate-pages.ts';
import type { ScreeningContext } from '../context.ts';

export const ScreeningCandidate: ScreeningCandidateResolvers<ScreeningContext> = {
  cursor: (candidate) => candidateCursor(candidate),
};
