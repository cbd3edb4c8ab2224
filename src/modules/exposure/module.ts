// The analyst's questions over a chain (contract section 7): exposure to risk indicators, blind
// spots, the paths to one supplier, and which of the viewer's chains hold an organization.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canReadOwnView } from '../../api/shield.ts';
import type { ExposureContext } from './context.ts';
import { DisclosedIndicator } from './resolvers/DisclosedIndicator.ts';
import { Exposure, ExposureFinding } from './resolvers/Exposure.ts';
import { Query } from './resolvers/Query.ts';

export const exposureModule: ApiModule<ExposureContext> = {
  name: 'exposure',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Exposure, ExposureFinding, DisclosedIndicator },
  rules: {
    Query: { exposure: canReadOwnView, paths: canReadOwnView, chainsReaching: canReadOwnView },
    Exposure: allow,
    ExposureFinding: allow,
    BlindSpot: allow,
    DisclosedIndicator: allow,
    SupplyPath: allow,
    ChainReach: allow,
  },
};
