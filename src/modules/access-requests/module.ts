// Access requests: a buyer asks an organization in its chain to share its sourcing or disclosures, and
// the organization's supplier_admin grants, declines or extends (specification, section 8).
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canAnswerAccessRequests, canEraseAccessRequestTexts, canReadOwnView } from '../../api/shield.ts';
import type { AccessRequestsContext } from './context.ts';
import { AccessRequest } from './resolvers/AccessRequest.ts';
import { AccessRequestEvent } from './resolvers/AccessRequestEvent.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Query } from './resolvers/Query.ts';

export const accessRequestsModule: ApiModule<AccessRequestsContext> = {
  name: 'access-requests',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query, Mutation, AccessRequest, AccessRequestEvent },
  rules: {
    Query: {
      accessRequestsSent: canReadOwnView,
      accessRequestsReceived: canReadOwnView,
      accessRequest: canReadOwnView,
    },
    Mutation: {
      requestAccess: canReadOwnView,
      answerAccessRequest: canAnswerAccessRequests,
      remindAccessRequest: canReadOwnView,
      withdrawAccessRequest: canReadOwnView,
      redactAccessRequest: canEraseAccessRequestTexts,
    },
    AccessRequest: allow,
    AccessRequestEvent: allow,
  },
};
