import type { QueryResolvers } from '../../src/generated/resolvers-types.ts';

export const sharesGiven: QueryResolvers['sharesGiven'] = (_parent, { includeInactive }, { shares }) =>
  shares.given(includeInactive === true);

export const sharesReceived: QueryResolvers['sharesReceived'] = (_parent, { includeInactive }, { shares }) =>
  shares.received(includeInactive === true);

export const shareEvents: QueryResolvers['shareEvents'] = (_parent, { limit }, { shares }) =>
  shares.events(limit);
