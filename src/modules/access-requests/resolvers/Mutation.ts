import type { MutationResolvers } from '../../../../resolvers/types.ts';
import { withKeptId } from '../../organizations/organization-loaders.ts';
import { ownRecordsWrite } from '../../organizations/viewer-gone.ts';
import type { AccessRequestsContext } from '../context.ts';

export const Mutation: MutationResolvers<AccessRequestsContext> = {
  // A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
  requestAccess: (_parent, args, { accessRequests, loaders }) =>
    withKeptId(loaders, args.organizationId, (organizationId) =>
      accessRequests.request({
        organizationId,
        askedOrganizationId: args.organizationId,
        scope: args.scope,
        products: args.products,
        message: args.message,
        dueAt: args.dueAt,
        idempotencyKey: args.idempotencyKey,
      }),
    ),
  answerAccessRequest: (_parent, args, context) =>
    ownRecordsWrite(context, () =>
      context.accessRequests.answer({
        id: args.id,
        decision: args.decision,
        reason: args.reason,
        dueAt: args.dueAt,
        linkIds: args.linkIds,
        disclosureIds: args.disclosureIds,
        expiresAt: args.expiresAt,
        grantScope: args.grantScope,
        idempotencyKey: args.idempotencyKey,
      }),
    ),
  remindAccessRequest: (_parent, { id, message, idempotencyKey }, context) =>
    ownRecordsWrite(context, () => context.accessRequests.remind({ id, message, idempotencyKey })),
  withdrawAccessRequest: (_parent, { id }, context) =>
    ownRecordsWrite(context, () => context.accessRequests.withdraw(id)),
  redactAccessRequest: (_parent, { id }, context) =>
    ownRecordsWrite(context, () => context.accessRequests.redact(id)),
};
