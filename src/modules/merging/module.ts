// Merging duplicate organizations (issue 13): a platform_admin's repair of the directory, which moves
// everything of one record to another and never widens what anybody sees.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canAdministerPlatform } from '../../api/shield.ts';
import type { MergingContext } from './context.ts';
import { Mutation } from './resolvers/Mutation.ts';

export const mergingModule: ApiModule<MergingContext> = {
  name: 'merging',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Mutation },
  rules: {
    Mutation: { mergeOrganizations: canAdministerPlatform },
    OrganizationMerge: allow,
    MovedRecords: allow,
  },
};
