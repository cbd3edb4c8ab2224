// Organizations, the viewer (`me`) and risk indicators: the base every other module builds on.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canReadOwnView } from '../../api/shield.ts';
import { ROLE_ENUM_VALUES } from '../../domain/roles.ts';
import type { OrganizationsContext } from './context.ts';
import { Me } from './resolvers/Me.ts';
import { Organization } from './resolvers/Organization.ts';
import { Query } from './resolvers/Query.ts';

export const organizationsModule: ApiModule<OrganizationsContext> = {
  name: 'organizations',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: {
    Query,
    Me,
    Organization,
    Role: ROLE_ENUM_VALUES,
  },
  rules: {
    Query: { me: canReadOwnView, organization: canReadOwnView },
    Me: allow,
    Organization: allow,
    RiskIndicator: allow,
  },
};
