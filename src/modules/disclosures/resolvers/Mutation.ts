import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { DisclosuresContext } from '../context.ts';

export const Mutation: MutationResolvers<DisclosuresContext> = {
  // A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
  publishDisclosure: async (_parent, { input, idempotencyKey }, { disclosures, loaders }) =>
    disclosures.publish({
      subjectId: await loaders.kept.load(input.subjectId),
      askedSubjectId: input.subjectId,
      kind: input.kind,
      content: input.content,
      idempotencyKey,
    }),
  updateDisclosure: (_parent, { id, input }, { disclosures }) => disclosures.update(id, input),
  withdrawDisclosure: (_parent, { id }, { disclosures }) => disclosures.withdraw(id),
  updateCorrectiveAction: (_parent, { disclosureId, actionId, input }, { disclosures }) =>
    disclosures.updateAction(disclosureId, actionId, input),
};
