// Disclosures: working-condition evidence that an organization publishes about itself or its direct
// suppliers, versioned, withdrawn, and seen by others only through disclosure shares (contract
// section 8, rule 8).
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canManageOwnDisclosures, canReadOwnView } from '../../api/shield.ts';
import type { DisclosuresContext } from './context.ts';
import { CorrectiveAction } from './resolvers/CorrectiveAction.ts';
import { Disclosure } from './resolvers/Disclosure.ts';
import { DisclosureVersion } from './resolvers/DisclosureVersion.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Organization } from './resolvers/Organization.ts';
import { Query } from './resolvers/Query.ts';

export const disclosuresModule: ApiModule<DisclosuresContext> = {
  name: 'disclosures',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, Organization, Disclosure, DisclosureVersion, CorrectiveAction },
  rules: {
    Query: {
      disclosure: canReadOwnView,
      disclosuresGiven: canReadOwnView,
      disclosuresReceived: canReadOwnView,
    },
    // The owner's supplier_admin, as for its shares: the mutations act on the token's organization only.
    Mutation: {
      publishDisclosure: canManageOwnDisclosures,
      updateDisclosure: canManageOwnDisclosures,
      withdrawDisclosure: canManageOwnDisclosures,
      redactDisclosureVersion: canManageOwnDisclosures,
      updateCorrectiveAction: canManageOwnDisclosures,
    },
    Disclosure: allow,
    DisclosureAudience: allow,
    DisclosureVersion: allow,
    CorrectiveAction: allow,
  },
};
