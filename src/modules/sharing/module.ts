// Shares: what a supplier discloses to whom, granted and revoked by the supplier, with their audit
// trail (specification, section 4).
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canManageOwnShares, canReadOwnView } from '../../api/shield.ts';
import type { SharingContext } from './context.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';
import { Share } from './resolvers/Share.ts';
import { ShareEvent } from './resolvers/ShareEvent.ts';

export const sharingModule: ApiModule<SharingContext> = {
  name: 'sharing',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, Share, ShareEvent },
  rules: {
    Query: { sharesGiven: canReadOwnView, sharesReceived: canReadOwnView, shareEvents: canReadOwnView },
    Mutation: {
      shareSourcing: canManageOwnShares,
      shareDisclosures: canManageOwnShares,
      revokeShare: canManageOwnShares,
    },
    Share: allow,
    ShareEvent: allow,
  },
};
