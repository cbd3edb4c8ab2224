// The permission layer: deny by default, with one rule per root field. Rules are thin wrappers over
// src/auth/policy.ts; which organizations and links a viewer sees is decided inside the Cypher
// traversal, not here, so object types only need to be reachable (allow).
import { GraphQLError } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { canManageShares, canRead, type Decision } from '../auth/policy.ts';
import type { RequestContext } from '../context.ts';

const forbiddenError = (reason: string) => new GraphQLError(reason, { extensions: { code: 'FORBIDDEN' } });

const fromPolicy = (name: string, decide: (context: RequestContext) => Decision) =>
  // `contextual`: the decision depends only on the request, so shield caches it per request.
  rule(name, { cache: 'contextual' })((_parent, _args, context: RequestContext) => {
    const decision = decide(context);
    return decision.allowed ? true : forbiddenError(decision.reason);
  });

const canReadOwnView = fromPolicy('canReadOwnView', ({ viewer }) => canRead(viewer));
const canManageOwnShares = fromPolicy('canManageOwnShares', ({ viewer }) => canManageShares(viewer));

/** Every root field must be listed; a new field without a rule is denied. */
export const RULES: IRules = {
  Query: {
    '*': deny,
    me: canReadOwnView,
    organization: canReadOwnView,
    supplyChain: canReadOwnView,
    exposure: canReadOwnView,
    paths: canReadOwnView,
    sharesGiven: canReadOwnView,
    sharesReceived: canReadOwnView,
    shareEvents: canReadOwnView,
  },
  Mutation: {
    '*': deny,
    shareSourcing: canManageOwnShares,
    revokeShare: canManageOwnShares,
  },
  Me: allow,
  Organization: allow,
  SupplyChain: allow,
  Tier: allow,
  SupplyLink: allow,
  Share: allow,
  ShareEvent: allow,
  TierSummary: allow,
  TypeCount: allow,
  CountryCount: allow,
  RiskIndicator: allow,
  Exposure: allow,
  ExposureFinding: allow,
  BlindSpot: allow,
  SupplyPath: allow,
};

export const permissions = shield(RULES, {
  fallbackRule: deny,
  fallbackError: () => forbiddenError('Not allowed.'),
  // Domain errors thrown by resolvers keep their own code and message.
  allowExternalErrors: true,
});
