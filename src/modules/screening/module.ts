// Watch-list screening's review: the candidates `tiersight screen --apply` keeps, confirmed or rejected
// by a screening_admin or platform_admin (docs/screening.md, "Match review").
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canReviewScreeningMatches } from '../../api/shield.ts';
import type { ScreeningContext } from './context.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { ScreeningCandidate } from './resolvers/ScreeningCandidate.ts';

export const screeningModule: ApiModule<ScreeningContext> = {
  name: 'screening',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, ScreeningCandidate },
  rules: {
    Query: { screeningCandidates: canReviewScreeningMatches },
    Mutation: { confirmMatch: canReviewScreeningMatches, rejectMatch: canReviewScreeningMatches },
    ScreeningCandidate: allow,
  },
};
