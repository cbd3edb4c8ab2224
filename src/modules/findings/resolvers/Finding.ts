import type { FindingResolvers } from '../../../../resolvers/types.ts';
import type { FindingsContext } from '../context.ts';

export const Finding: FindingResolvers<FindingsContext> = {
  // The finding's row carries only the identity card, which answers no city and no risks: the monitor's
  // own findings would read as none on the very organization they are about. Shown instead as the
  // monitor may see it now (whole under rule 5, else its directory card if listed), as a share's party
  // is; the identity card stays for one it can no longer see (its chain changed after recording).
  organization: async ({ organization }, _args, { loaders }) =>
    (await loaders.visible.load(organization.id)) ?? organization,
};
