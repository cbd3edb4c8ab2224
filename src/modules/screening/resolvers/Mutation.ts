import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { ScreeningContext } from '../context.ts';

export const Mutation: MutationResolvers<ScreeningContext> = {
  confirmMatch: (_parent, { id, note }, { screeningReview }) => screeningReview.decide(id, 'CONFIRMED', note),
  rejectMatch: (_parent, { id, note }, { screeningReview }) => screeningReview.decide(id, 'REJECTED', note),
};
