import type { SupplyLinkEventResolvers } from '../../../../resolvers/types.ts';
import { eventCursor } from '../../../domain/event-pages.ts';
import type { SourcingContext } from '../context.ts';

export const SupplyLinkEvent: SupplyLinkEventResolvers<SourcingContext> = {
  cursor: ({ at, linkId, action }) => eventCursor(at, linkId, action),
};
