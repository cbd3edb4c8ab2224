import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { ScreeningContext } from '../context.ts';

export const Query: QueryResolvers<ScreeningContext> = {
  screeningCandidates: (_parent, { status, first, after }, { screeningReview }) =>
    screeningReview.candidates(status, first, after),
};
