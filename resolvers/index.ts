// The resolver map: thin functions that read arguments, call a request-scoped service and return
// domain objects (src/domain/model.ts) that the type resolvers below shape for GraphQL.
import type { Resolvers } from '../src/generated/resolvers-types.ts';
import { DateTime } from './DateTime.ts';
import { Exposure, ExposureFinding } from './Exposure.ts';
import { Me } from './Me.ts';
import { revokeShare } from './Mutation/revokeShare.ts';
import { shareSourcing } from './Mutation/shareSourcing.ts';
import { Organization } from './Organization.ts';
import { exposure } from './Query/exposure.ts';
import { me } from './Query/me.ts';
import { organization } from './Query/organization.ts';
import { paths } from './Query/paths.ts';
import { shareEvents, sharesGiven, sharesReceived } from './Query/shares.ts';
import { supplyChain } from './Query/supplyChain.ts';
import { Share } from './Share.ts';
import { ShareEvent } from './ShareEvent.ts';
import { SupplyLink } from './SupplyLink.ts';
import { SupplyPath } from './SupplyPath.ts';

export const resolvers: Resolvers = {
  DateTime,
  Query: { me, organization, supplyChain, exposure, paths, sharesGiven, sharesReceived, shareEvents },
  Mutation: { shareSourcing, revokeShare },
  Me,
  Organization,
  SupplyLink,
  SupplyPath,
  Exposure,
  ExposureFinding,
  Share,
  ShareEvent,
  Role: { ANALYST: 'analyst', SUPPLIER_ADMIN: 'supplier_admin', PLATFORM_ADMIN: 'platform_admin' },
};
