import type { DisclosureResolvers } from '../../../../resolvers/types.ts';
import { mayKnowActingUser } from '../../../auth/policy.ts';
import type { DisclosuresContext } from '../context.ts';
import { shownActions, shownAt } from '../../../domain/shown-actions.ts';

export const Disclosure: DisclosureResolvers<DisclosuresContext> = {
  actions: ({ id, version, at, actions }) => shownActions(actions, shownAt({ id, version, at })),
  history: async ({ id, version, at, owner }, _args, { disclosureLoaders }) => {
    const key = { id, version, at };
    return (await disclosureLoaders.history.load(key)).map((shown) => ({
      ...shown,
      origin: { history: key, upTo: shown.version },
      ownerId: owner.id,
    }));
  },
  withdrawnBy: ({ withdrawnBy, owner }, _args, { viewer }) =>
    mayKnowActingUser(viewer, owner.id) ? withdrawnBy : null,
  sharedWith: (disclosure, _args, { disclosureLoaders }) => disclosureLoaders.sharedWith(disclosure),
};
