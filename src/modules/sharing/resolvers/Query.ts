import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';

export const Query: QueryResolvers<SharingContext> = {
  sharesGiven: (_parent, { includeInactive }, { shares }) => shares.given(includeInactive === true),
  sharesReceived: (_parent, { includeInactive }, { shares }) => shares.received(includeInactive === true),
  shareEvents: (_parent, { limit }, { shares }) => shares.events(limit),
};
