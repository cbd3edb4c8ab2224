import type { ShareResolvers } from '../../../../resolvers/types.ts';
import type { SharingContext } from '../context.ts';
import { heldOrganization } from '../../organizations/held-organization.ts';
import { seenOneAt } from '../../../domain/model.ts';

const party = (context: SharingContext, id: string) =>
  heldOrganization(context, (at) => context.shareParties.load(at), id);

// A share shown as of an instant (asOf: an access request's) shows its parties as of it too.
export const Share: ShareResolvers<SharingContext> = {
  owner: async ({ ownerId, asOf }, _args, context) => seenOneAt(await party(context, ownerId), asOf ?? null),
  recipient: async ({ recipientId, asOf }, _args, context) =>
    seenOneAt(await party(context, recipientId), asOf ?? null),
  active: ({ revokedAt, expiresAt, asOf }, _args, { instant }) =>
    revokedAt === null && (expiresAt === null || (asOf ?? instant) < new Date(expiresAt)),
};
