import type { AccessRequestResolvers } from '../../../../resolvers/types.ts';
import { isOverdue, nextReminderAt, type AccessRequest as Request } from '../../../domain/access-requests.ts';
import { seenOneAt, shareAt } from '../../../domain/model.ts';
import type { AccessRequestsContext } from '../context.ts';
import { heldOrganization } from '../../organizations/held-organization.ts';

// A request shown as of an instant (request.asOf) shows its parties and shares as of it too: the
// parties' own risks and disclosures, and a share revoked since as still active then.
const party = (context: AccessRequestsContext, id: string) =>
  heldOrganization(context, (at) => context.accessRequestLoaders.parties.load(at), id);

/** The instants of the requester's reminders of `request`, oldest first (by its asOf, when it has one). */
const remindedAt = async (request: Request, { accessRequestLoaders }: AccessRequestsContext) =>
  (await accessRequestLoaders.details.load(request)).events
    .filter((e) => e.action === 'REMINDED')
    .map((e) => e.at);

export const AccessRequest: AccessRequestResolvers<AccessRequestsContext> = {
  requester: async ({ requesterId, asOf }, _args, context) =>
    seenOneAt(await party(context, requesterId), asOf ?? null),
  target: async ({ targetId, asOf }, _args, context) =>
    seenOneAt(await party(context, targetId), asOf ?? null),
  overdue: (request, _args, { instant }) => isOverdue(request, request.asOf ?? instant),
  reminderCount: async (request, _args, context) => (await remindedAt(request, context)).length,
  lastRemindedAt: async (request, _args, context) => (await remindedAt(request, context)).at(-1) ?? null,
  nextReminderAt: async (request, _args, context) =>
    nextReminderAt({
      ...request,
      lastRemindedAt: (await remindedAt(request, context)).at(-1) ?? null,
    })?.toISOString() ?? null,
  shares: async (request, _args, { accessRequestLoaders }) => {
    const { shares } = await accessRequestLoaders.details.load(request);
    const { asOf } = request;
    return asOf === undefined ? shares : shares.map((share) => shareAt(share, asOf));
  },
  events: async (request, _args, { accessRequestLoaders }) => {
    const { events } = await accessRequestLoaders.details.load(request);
    const { asOf } = request;
    return asOf === undefined ? events : events.map((event) => ({ ...event, asOf }));
  },
};
