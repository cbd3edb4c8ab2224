import type { DisclosureVersionResolvers } from '../../../../resolvers/types.ts';
import { mayKnowActingUser } from '../../../auth/policy.ts';
import type { DisclosuresContext } from '../context.ts';
import { shownActions } from '../../../domain/shown-actions.ts';

export const DisclosureVersion: DisclosureVersionResolvers<DisclosuresContext> = {
  actions: ({ actions, origin }) => shownActions(actions, origin),
  actorUserId: ({ actorUserId, ownerId }, _args, { viewer }) =>
    mayKnowActingUser(viewer, ownerId) ? actorUserId : null,
  redactedBy: ({ redactedBy, ownerId }, _args, { viewer }) =>
    mayKnowActingUser(viewer, ownerId) ? redactedBy : null,
};
