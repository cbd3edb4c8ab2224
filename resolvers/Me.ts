import type { MeResolvers } from '../src/generated/resolvers-types.ts';
import { required } from './required.ts';

export const Me: MeResolvers = {
  organization: async ({ organizationId }, _args, { loaders }) =>
    required(await loaders.byId.load(organizationId)),
  roots: (_parent, _args, { roots }) => roots(),
};
