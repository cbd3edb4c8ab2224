// A viewer's supply chain, tier by tier, as its suppliers disclosed it (specification, sections 2 and
// 6).
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canReadOwnView } from '../../api/shield.ts';
import type { SupplyChainContext } from './context.ts';
import { Query } from './resolvers/Query.ts';
import { Tier } from './resolvers/Tier.ts';

export const supplyChainModule: ApiModule<SupplyChainContext> = {
  name: 'supply-chain',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Tier },
  rules: {
    Query: { supplyChain: canReadOwnView },
    SupplyChain: allow,
    Tier: allow,
    OrganizationPage: allow,
    SupplyLink: allow,
    TierSummary: allow,
    TypeCount: allow,
    CountryCount: allow,
  },
};
