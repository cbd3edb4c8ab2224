import type { MutationResolvers } from '../../../../resolvers/types.ts';
import { withKeptId } from '../../organizations/organization-loaders.ts';
import { ownRecordsWrite } from '../../organizations/viewer-gone.ts';
import type { FindingsContext } from '../context.ts';

export const Mutation: MutationResolvers<FindingsContext> = {
  recordFinding: (_parent, { input, idempotencyKey }, { findings, loaders }) =>
    withKeptId(loaders, input.organizationId, (organizationId) =>
      findings.record({
        ...input,
        organizationId,
        askedOrganizationId: input.organizationId,
        idempotencyKey,
      }),
    ),
  // A monitor merged away by another replica answers as its token's next request will (section 10).
  withdrawFinding: (_parent, { id }, context) =>
    ownRecordsWrite(context, () => context.findings.withdraw(id)),
  redactFinding: (_parent, { id }, context) => ownRecordsWrite(context, () => context.findings.redact(id)),
};
