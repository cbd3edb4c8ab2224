import type { CorrectiveActionResolvers } from '../../../../resolvers/types.ts';
import { firstDueAt } from '../../../domain/disclosures.ts';
import type { DisclosuresContext } from '../context.ts';

export const CorrectiveAction: CorrectiveActionResolvers<DisclosuresContext> = {
  firstDueAt: async ({ id, dueAt, origin }, _args, { disclosureLoaders }) =>
    firstDueAt(await disclosureLoaders.history.load(origin), id) ?? dueAt,
};
