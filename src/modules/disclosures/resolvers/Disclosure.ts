import type { DisclosureResolvers } from '../../../../resolvers/types.ts';
import type { DisclosuresContext } from '../context.ts';

export const Disclosure: DisclosureResolvers<DisclosuresContext> = {
  history: ({ id, version, at }, _args, { disclosureLoaders }) =>
    disclosureLoaders.history.load({ id, version, at }),
};
