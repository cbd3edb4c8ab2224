import type { MutationResolvers } from '../../../../resolvers/types.ts';
import { withKeptId } from '../../organizations/organization-loaders.ts';
import { ownRecordsWrite } from '../../organizations/viewer-gone.ts';
import type { DisclosuresContext } from '../context.ts';

export const Mutation: MutationResolvers<DisclosuresContext> = {
  // A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
  publishDisclosure: (_parent, { input, idempotencyKey }, { disclosures, loaders }) =>
    withKeptId(loaders, input.subjectId, (subjectId) =>
      disclosures.publish({
        subjectId,
        askedSubjectId: input.subjectId,
        kind: input.kind,
        content: input.content,
        idempotencyKey,
      }),
    ),
  updateDisclosure: (_parent, { id, input }, context) =>
    ownRecordsWrite(context, () => context.disclosures.update(id, input)),
  withdrawDisclosure: (_parent, { id }, context) =>
    ownRecordsWrite(context, () => context.disclosures.withdraw(id)),
  redactDisclosureVersion: (_parent, { id, version }, context) =>
    ownRecordsWrite(context, () => context.disclosures.redact(id, version)),
  updateCorrectiveAction: (_parent, { disclosureId, actionId, input }, context) =>
    ownRecordsWrite(context, () => context.disclosures.updateAction(disclosureId, actionId, input)),
};
