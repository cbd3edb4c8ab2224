// The permission layer: deny by default, one rule per field, each a thin wrapper over
// src/auth/policy.ts. Which organizations and links a viewer sees is decided inside the Cypher
// traversal, not here, so object types only need to be reachable (allow). Modules name the rule of each
// of their fields (src/modules/*/module.ts); a field that no module names is denied.
import { GraphQLError } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRule } from 'graphql-shield';
import {
  canAnswerAccessRequests as mayAnswer,
  canAdministerPlatform as mayAdministerPlatform,
  canEraseAccessRequestTexts as mayEraseRequestTexts,
  canManageDisclosures,
  canManageFindings,
  canManageListing,
  canManageShares,
  canManageSourcing,
  canRead,
  canReviewScreening,
  type Decision,
} from '../auth/policy.ts';
import type { BaseContext } from './context.ts';

const forbiddenError = (reason: string) => new GraphQLError(reason, { extensions: { code: 'FORBIDDEN' } });

const fromPolicy = (name: string, decide: (context: BaseContext) => Decision) =>
  // `contextual`: the decision depends only on the request, so shield caches it per request.
  rule(name, { cache: 'contextual' })((_parent, _args, context: BaseContext) => {
    const decision = decide(context);
    return decision.allowed ? true : forbiddenError(decision.reason);
  });

export const canReadOwnView = fromPolicy('canReadOwnView', ({ viewer }) => canRead(viewer));
export const canManageOwnShares = fromPolicy('canManageOwnShares', ({ viewer }) => canManageShares(viewer));
export const canManageOwnDisclosures = fromPolicy('canManageOwnDisclosures', ({ viewer }) =>
  canManageDisclosures(viewer),
);
export const canAnswerAccessRequests = fromPolicy('canAnswerAccessRequests', ({ viewer }) =>
  mayAnswer(viewer),
);
export const canEraseAccessRequestTexts = fromPolicy('canEraseAccessRequestTexts', ({ viewer }) =>
  mayEraseRequestTexts(viewer),
);

export const canAdministerPlatform = fromPolicy('canAdministerPlatform', ({ viewer }) =>
  mayAdministerPlatform(viewer),
);
export const canManageOwnFindings = fromPolicy('canManageOwnFindings', ({ viewer }) =>
  canManageFindings(viewer),
);
export const canManageOwnSourcing = fromPolicy('canManageOwnSourcing', ({ viewer }) =>
  canManageSourcing(viewer),
);
export const canManageOwnListing = fromPolicy('canManageOwnListing', ({ viewer }) =>
  canManageListing(viewer),
);
export const canReviewScreeningMatches = fromPolicy('canReviewScreeningMatches', ({ viewer }) =>
  canReviewScreening(viewer),
);

type FieldRule = IRule | typeof allow | typeof deny;
type FieldRules = Record<string, FieldRule>;
/** A type's rule, or its fields' rules. */
export type TypeRules = Record<string, FieldRule | FieldRules>;

export const isFieldMap = (rule: FieldRule | FieldRules): rule is FieldRules => !('resolve' in rule);

/** The modules' rules as one map; the root types deny every field that no module names. */
export function joinRules(ruleMaps: readonly TypeRules[]): TypeRules {
  const joined: TypeRules = { Query: { '*': deny }, Mutation: { '*': deny } };
  for (const rules of ruleMaps) {
    for (const [type, rule] of Object.entries(rules)) {
      const existing = joined[type];
      if (existing === undefined) joined[type] = rule;
      else if (isFieldMap(existing) && isFieldMap(rule)) {
        const clash = Object.keys(rule).find((field) => field in existing);
        if (clash !== undefined) throw new Error(`Two modules set the rule of ${type}.${clash}.`);
        joined[type] = { ...existing, ...rule };
      } else throw new Error(`Two modules set the rule of type ${type}.`);
    }
  }
  return joined;
}

const permissionsOf = (rules: TypeRules) =>
  shield(rules, {
    fallbackRule: deny,
    fallbackError: () => forbiddenError('Not allowed.'),
    // Domain errors thrown by resolvers keep their own code and message.
    allowExternalErrors: true,
  });

/**
 * `schema` with the rules applied. A field whose rule is `allow` (by its own rule or its type's) is
 * left as it is: wrapping it would cost a promise and a rule evaluation per field of every object
 * of an answer (thousands for a big chain) to decide nothing. Every other field, including those of a
 * type no module names, gets shield's wrapper, so deny by default still holds.
 */
export function protect(schema: GraphQLSchema, rules: TypeRules): GraphQLSchema {
  const generated = permissionsOf(rules).generate(schema);
  if (typeof generated === 'function' || 'resolve' in generated) return applyMiddleware(schema, generated);
  const decisive: IMiddlewareTypeMap = {};
  for (const [typeName, fields] of Object.entries(generated)) {
    const typeRule = rules[typeName];
    if (typeRule === allow || typeof fields === 'function' || 'resolve' in fields) {
      if (typeRule !== allow) decisive[typeName] = fields;
      continue;
    }
    const fieldRules = typeRule !== undefined && isFieldMap(typeRule) ? typeRule : {};
    const kept = Object.entries(fields).filter(([field]) => fieldRules[field] !== allow);
    if (kept.length > 0) decisive[typeName] = Object.fromEntries(kept);
  }
  return applyMiddleware(schema, decisive);
}
