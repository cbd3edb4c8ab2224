// The public directory (specification, section 9): listed organizations' cards, found by name, city or
// Open Supply Hub id, and an organization's own listing.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canManageOwnListing, canReadOwnView } from '../../api/shield.ts';
import type { DirectoryContext } from './context.ts';
import { Listing } from './resolvers/Listing.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';

export const directoryModule: ApiModule<DirectoryContext> = {
  name: 'directory',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, Listing },
  rules: {
    Query: { directory: canReadOwnView, listing: canReadOwnView },
    Mutation: { setListing: canManageOwnListing },
    Listing: allow,
    DirectoryConnection: allow,
    DirectoryEdge: allow,
    PageInfo: allow,
  },
};
