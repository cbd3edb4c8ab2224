import type { MutationResolvers } from '../../../../resolvers/types.ts';
import type { DirectoryContext } from '../context.ts';

export const Mutation: MutationResolvers<DirectoryContext> = {
  // Absent and null differ here (absent keeps a field, null clears it), so the arguments pass as given.
  setListing: (_parent, args, { directory }) => directory.setListing(args),
};
