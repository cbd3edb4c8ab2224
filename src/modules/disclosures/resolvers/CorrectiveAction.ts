import type { CorrectiveActionResolvers } from '../../../../resolvers/types.ts';
import { firstDueAt } from '../../../domain/disclosures.ts';
import type { DisclosuresContext } from '../context.ts';

export const CorrectiveAction: CorrectiveActionResolvers<DisclosuresContext> = {
  firstDueAt: async ({ id, dueAt, origin }, _args, { disclosureLoaders }) => {
    const versions = await disclosureLoaders.history.load(origin.history);
    return (
      firstDueAt(
        versions.filter((v) => v.version <= origin.upTo),
        id,
      ) ?? dueAt
    );
  },
};
