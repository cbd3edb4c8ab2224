import type { MutationResolvers } from '../../../../resolvers/types.ts';
import { withKeptId } from '../../organizations/organization-loaders.ts';
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
  withdrawFinding: (_parent, { id }, { findings }) => findings.withdraw(id),
  redactFinding: (_parent, { id }, { findings }) => findings.redact(id),
};
