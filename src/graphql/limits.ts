// Limits on what one operation may ask for, sized so that real dashboards pass: the dashboard's
// largest query nests about 6 levels and asks for a few chains at once. They run as validation rules,
// so a refused operation never executes (GRAPHQL_VALIDATION_FAILED), and each message names the limit
// so a client knows what to change.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const LIMITS = {
  /** Parser tokens in one document (graphql-js stops parsing past it). */
  maxTokens: 5_000,
  /** Nesting of selections, fragments included. */
  maxDepth: 12,
  /** Aliased fields in one operation, fragments included. */
  maxAliases: 30,
  /** Supply-chain traversals (fields that walk the graph) in one operation. */
  maxTraversals: 5,
  /** Request body in bytes. */
  maxBodyBytes: 1_000_000,
};

/** Fields that run a graph traversal: the costly part of any operation. */
export const TRAVERSAL_FIELDS = new Set(['supplyChain', 'exposure', 'paths']);

interface Totals {
  depth: number;
  aliases: number;
  traversals: number;
}

/** A validation rule that measures each operation with its fragments expanded. */
export function operationLimits(context: ValidationContext): ASTVisitor {
  const measure = (set: SelectionSetNode, depth: number, totals: Totals, seen: Set<string>): void => {
    totals.depth = Math.max(totals.depth, depth);
    if (totals.depth > LIMITS.maxDepth) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection (__schema, __type) is bounded by the schema itself, and GraphiQL and other
        // tools send a standard introspection query deeper than any data query needs.
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) totals.aliases++;
        if (TRAVERSAL_FIELDS.has(selection.name.value)) totals.traversals++;
        if (selection.selectionSet) measure(selection.selectionSet, depth + 1, totals, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        measure(selection.selectionSet, depth, totals, seen);
      } else {
        const fragment = context.getFragment(selection.name.value);
        // A fragment is counted once per path; cycles are reported by graphql's own rules.
        if (!fragment || seen.has(fragment.name.value)) continue;
        measure(fragment.selectionSet, depth, totals, new Set(seen).add(fragment.name.value));
      }
    }
  };
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const totals: Totals = { depth: 0, aliases: 0, traversals: 0 };
      measure(node.selectionSet, 1, totals, new Set());
      const fail = (message: string) => context.reportError(new GraphQLError(message, { nodes: [node] }));
      if (totals.depth > LIMITS.maxDepth) fail(`Query is nested deeper than ${LIMITS.maxDepth} levels.`);
      if (totals.aliases > LIMITS.maxAliases) fail(`Query uses more than ${LIMITS.maxAliases} aliases.`);
      if (totals.traversals > LIMITS.maxTraversals) {
        fail(`Query asks for more than ${LIMITS.maxTraversals} supply chains.`);
      }
      return false;
    },
  };
}
