import type { DisclosureResolvers } from '../../../../resolvers/types.ts';
import type { DisclosuresContext } from '../context.ts';
import { shownActions } from '../shown-actions.ts';

export const Disclosure: DisclosureResolvers<DisclosuresContext> = {
  actions: ({ id, version, at, actions }) => shownActions(actions, { id, version, at }),
  history: async ({ id, version, at }, _args, { disclosureLoaders }) =>
    (await disclosureLoaders.history.load({ id, version, at })).map((shown) => ({
      ...shown,
      origin: { id, version: shown.version, at },
    })),
};
