// Findings (specification, section 13): what a MONITOR found at an organization, recorded as a public
// risk indicator that names it, and withdrawn only by it.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canManageOwnFindings, canReadOwnView } from '../../api/shield.ts';
import type { FindingsContext } from './context.ts';
import { Finding } from './resolvers/Finding.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';

export const findingsModule: ApiModule<FindingsContext> = {
  name: 'findings',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, Finding },
  rules: {
    // A read of the organization's own records, open to every role as disclosuresGiven is.
    Query: { findingsRecorded: canReadOwnView },
    Mutation: {
      recordFinding: canManageOwnFindings,
      withdrawFinding: canManageOwnFindings,
      redactFinding: canManageOwnFindings,
    },
    Finding: allow,
  },
};
