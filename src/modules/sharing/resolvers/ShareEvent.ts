import type { ShareEventResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';
import { eventCursor } from '../../../domain/event-pages.ts';
import { required } from '../../organizations/required.ts';

export const ShareEvent: ShareEventResolvers<SharingContext> = {
  actorOrganization: async ({ actorOrganizationId }, _args, { shareParties }) =>
    required(await shareParties.load(actorOrganizationId)),
  cursor: ({ at, share, action }) => eventCursor(at, share.id, action),
};
