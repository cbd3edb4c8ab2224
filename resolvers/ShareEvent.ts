import type { ShareEventResolvers } from '../src/generated/resolvers-types.ts';
import { required } from './required.ts';

export const ShareEvent: ShareEventResolvers = {
  actorOrganization: async ({ actorOrganizationId }, _args, { loaders }) =>
    required(await loaders.shareParties.load(actorOrganizationId)),
};
