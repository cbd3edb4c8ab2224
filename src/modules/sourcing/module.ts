// Sourcing kept by its parties: a customer's supplier_admin declares, amends and ends the links of its
// own sourcing, each recorded in an audit trail (specification, section 9). Links are SupplyLinks as
// the supply-chain module shows them.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canManageOwnSourcing, canReadOwnView } from '../../api/shield.ts';
import type { SourcingContext } from './context.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { SupplyLinkEvent } from './resolvers/SupplyLinkEvent.ts';

export const sourcingModule: ApiModule<SourcingContext> = {
  name: 'sourcing',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, SupplyLinkEvent },
  rules: {
    Query: { ownSupplyLinks: canReadOwnView, supplyLinkEvents: canReadOwnView },
    Mutation: {
      declareSupplyLink: canManageOwnSourcing,
      amendSupplyLink: canManageOwnSourcing,
      endSupplyLink: canManageOwnSourcing,
    },
    SupplyLinkEvent: allow,
    SupplyLinkState: allow,
  },
};
