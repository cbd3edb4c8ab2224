import type { QueryResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';

export const Query: QueryResolvers<SharingContext> = {
  sharesGiven: (_parent, { includeInactive, scope }, { shares }) =>
    shares.given({ includeInactive: includeInactive === true, scope: scope ?? null }),
  sharesReceived: (_parent, { includeInactive, scope }, { shares }) =>
    shares.received({ includeInactive: includeInactive === true, scope: scope ?? null }),
  shareEvents: (_parent, page, { shares }) => shares.events(page),
};
