// Risk assessment (issue 15): a viewer's visible chain ranked by a model that explains itself, with the
// chain's summary and where to start.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canReadOwnView } from '../../api/shield.ts';
import type { RiskContext } from './context.ts';
import { Query } from './resolvers/Query.ts';
import { RiskAssessment } from './resolvers/RiskAssessment.ts';

export const riskModule: ApiModule<RiskContext> = {
  name: 'risk',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, RiskAssessment },
  rules: {
    Query: { riskAssessment: canReadOwnView },
    RiskAssessment: allow,
    RiskScore: allow,
    RiskComponent: allow,
    RiskInput: allow,
    RiskAction: allow,
    RiskSummary: allow,
    RiskTierSummary: allow,
    RiskCountrySummary: allow,
    RiskComponentSummary: allow,
  },
};
