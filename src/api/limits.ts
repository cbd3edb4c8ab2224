// Limits on what one operation may ask for, sized so that real dashboards pass: the dashboard's
// largest query nests about 6 levels and asks for a few chains at once. They run as validation rules,
// so a refused operation never executes (GRAPHQL_VALIDATION_FAILED), and each message names the limit
// (and, for lists, the field) so a client knows what to change. Apollo keeps each validated document
// by its text, so they run once per query text, not once per request.
import { GraphQLError, type ASTVisitor, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import { operationSizes } from './operation-size.ts';

export const LIMITS = {
  /** Parser tokens in one document (graphql-js stops parsing past it). */
  maxTokens: 5_000,
  /** Nesting of selections, fragments included. */
  maxDepth: 12,
  /** Aliased fields in one operation, fragments included. */
  maxAliases: 30,
  /** Supply-chain traversals (fields that walk the graph) in one operation. */
  maxTraversals: 5,
  /** Fields in one operation once every fragment is expanded where it is spread. */
  maxExpandedFields: 2_000,
  /**
   * Fields inside lists of objects, the lists included, counted like maxExpandedFields: each is
   * answered once per item, and a supply chain's lists have an item per organization or link. Five
   * chains of 50 fields each; the dashboard's largest operation (its exposure) asks for 56.
   */
  maxListFields: 250,
  /**
   * Distinct sets of arguments given to fields inside lists (an organization's `risks(asOf: …)`,
   * `disclosures(kind: …, asOf: …)`): each is one more statement over every item of the list.
   */
  maxListLookups: 10,
  /**
   * Mutation fields of one operation: each is a write of its own, and the rate limits count requests,
   * not writes. The dashboard sends one at a time.
   */
  maxMutations: 10,
  /** Request body in bytes. */
  maxBodyBytes: 1_000_000,
};

/**
 * Lists found inside the items of other lists, with the items each is assumed to hold (a typical
 * answer's, not the largest): a field inside one counts that many times towards maxListFields, as it
 * is answered that many times per item of the outer list. Lists not named here (a chain's tiers and
 * their organizations, which split one chain between them) count once.
 */
export const ITEM_LIST_SIZES: ReadonlyMap<string, number> = new Map([
  ['RiskScore.components', 5],
  ['RiskComponent.inputs', 4],
  ['Organization.risks', 2],
  ['Organization.disclosures', 2],
  ['Organization.publishedDisclosures', 2],
  ['Disclosure.history', 2],
  ['Disclosure.actions', 5],
  ['DisclosureVersion.actions', 5],
  ['ExposureFinding.indicators', 2],
  ['ExposureFinding.disclosedIndicators', 2],
  ['ExposureFinding.path', 5],
  ['SupplyPath.organizations', 5],
  ['SupplyPath.links', 5],
  ['AccessRequest.events', 3],
  ['AccessRequest.shares', 2],
  ['TierSummary.byCountry', 5],
  ['TierSummary.byType', 6],
]);

/** Fields that run a graph traversal: the costly part of any operation. */
export const TRAVERSAL_FIELDS = new Set([
  'supplyChain',
  'exposure',
  'paths',
  'chainsReaching',
  'chainExport',
  'riskAssessment',
]);

/** Tiersight serves queries and mutations over HTTP; a subscription is a client mistake, said early. */
export function noSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      if (node.operation === 'subscription') {
        context.reportError(
          new GraphQLError('Subscriptions are not supported; send a query or a mutation.', { nodes: [node] }),
        );
      }
      return false;
    },
  };
}

/** The entry of `counts` with the highest count. */
function largest(counts: Iterable<[string, number]>): [string, number] {
  let top: [string, number] = ['', 0];
  for (const entry of counts) if (entry[1] > top[1]) top = entry;
  return top;
}

/** How many of `lookups` (`Organization.risks(asOf: …)`) each field has. */
function lookupsByField(lookups: ReadonlySet<string>): Map<string, number> {
  const byField = new Map<string, number>();
  for (const lookup of lookups) {
    const field = lookup.split('(', 1)[0]!;
    byField.set(field, (byField.get(field) ?? 0) + 1);
  }
  return byField;
}

/** A validation rule that measures each operation (operation-size.ts) against LIMITS. */
export function operationLimits(context: ValidationContext): ASTVisitor {
  const sizeOf = operationSizes(context, TRAVERSAL_FIELDS, ITEM_LIST_SIZES);
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const size = sizeOf(node);
      const fail = (message: string) => context.reportError(new GraphQLError(message, { nodes: [node] }));
      if (size.levels > LIMITS.maxDepth) fail(`Query is nested deeper than ${LIMITS.maxDepth} levels.`);
      if (size.aliases > LIMITS.maxAliases) fail(`Query uses more than ${LIMITS.maxAliases} aliases.`);
      if (size.traversals > LIMITS.maxTraversals) {
        // A monitor asks the same question of each of its roots under aliases: say what counts and what to do.
        fail(
          `Query asks for more than ${LIMITS.maxTraversals} supply chains (it asks for ${size.traversals}): ` +
            `${[...TRAVERSAL_FIELDS].join(', ')} each walk one, also under an alias; ` +
            'send the others in another request.',
        );
      }
      if (size.fields > LIMITS.maxExpandedFields) {
        fail(`Query asks for more than ${LIMITS.maxExpandedFields} fields once its fragments are expanded.`);
      }
      if (size.listFields > LIMITS.maxListFields) {
        const [list, fields] = largest(size.listFieldsByList);
        fail(
          `Query asks for more than ${LIMITS.maxListFields} fields inside lists, each answered once per item ` +
            `(inside a list within an item, once per item it usually holds); ${fields} of them are in ${list}.`,
        );
      }
      if (size.listLookups.size > LIMITS.maxListLookups) {
        const [field, sets] = largest(lookupsByField(size.listLookups));
        fail(
          `Query gives fields inside lists more than ${LIMITS.maxListLookups} sets of arguments, each one more ` +
            `lookup for every item; ${field} has ${sets} of them.`,
        );
      }
      if (node.operation === 'mutation' && size.ownFields > LIMITS.maxMutations) {
        fail(
          `Operation runs more than ${LIMITS.maxMutations} mutations; send the others in another request.`,
        );
      }
      return false;
    },
  };
}
