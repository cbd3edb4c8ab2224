// Limits on what one operation may ask for, sized so that real dashboards pass: the dashboard's
// largest query nests about 6 levels and asks for a few chains at once. They run as validation rules,
// so a refused operation never executes (GRAPHQL_VALIDATION_FAILED), and each message names the limit
// so a client knows what to change.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
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
  /** Fields in one operation once every fragment is expanded where it is spread. */
  maxExpandedFields: 2_000,
  /** Request body in bytes. */
  maxBodyBytes: 1_000_000,
};

/** Fields that run a graph traversal: the costly part of any operation. */
export const TRAVERSAL_FIELDS = new Set([
  'supplyChain',
  'exposure',
  'paths',
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

/** What a selection set costs once its fragments are expanded. */
interface Size {
  /** Levels of selection sets, this one included. */
  levels: number;
  aliases: number;
  traversals: number;
  fields: number;
}

const EMPTY: Size = { levels: 0, aliases: 0, traversals: 0, fields: 0 };

/**
 * A validation rule that measures each operation with its fragments expanded. Each fragment is
 * measured once and its size reused wherever it is spread, so the work is linear in the document even
 * when fragments spread each other many times over (the expanded size may be exponential; it is only
 * computed, never walked).
 */
export function operationLimits(context: ValidationContext): ASTVisitor {
  const fragmentSizes = new Map<string, Size>();

  const fragmentSize = (fragment: FragmentDefinitionNode): Size => {
    const name = fragment.name.value;
    const known = fragmentSizes.get(name);
    if (known) return known;
    // Placeholder while measuring: a cycle adds nothing here (graphql's NoFragmentCycles reports it).
    fragmentSizes.set(name, EMPTY);
    const size = measure(fragment.selectionSet);
    fragmentSizes.set(name, size);
    return size;
  };

  function measure(set: SelectionSetNode): Size {
    const total: Size = { levels: 1, aliases: 0, traversals: 0, fields: 0 };
    const add = (part: Size, levelsAbove: number) => {
      total.levels = Math.max(total.levels, part.levels + levelsAbove);
      total.aliases += part.aliases;
      total.traversals += part.traversals;
      total.fields += part.fields;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection (__schema, __type) is bounded by the schema itself, and GraphiQL and other
        // tools send a standard introspection query deeper than any data query needs.
        if (selection.name.value.startsWith('__')) continue;
        add(
          {
            levels: 0,
            aliases: selection.alias ? 1 : 0,
            traversals: TRAVERSAL_FIELDS.has(selection.name.value) ? 1 : 0,
            fields: 1,
          },
          0,
        );
        if (selection.selectionSet) add(measure(selection.selectionSet), 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(measure(selection.selectionSet), 0);
      } else {
        const fragment = context.getFragment(selection.name.value);
        if (fragment) add(fragmentSize(fragment), 0);
      }
    }
    return total;
  }

  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const size = measure(node.selectionSet);
      const fail = (message: string) => context.reportError(new GraphQLError(message, { nodes: [node] }));
      if (size.levels > LIMITS.maxDepth) fail(`Query is nested deeper than ${LIMITS.maxDepth} levels.`);
      if (size.aliases > LIMITS.maxAliases) fail(`Query uses more than ${LIMITS.maxAliases} aliases.`);
      if (size.traversals > LIMITS.maxTraversals) {
        fail(`Query asks for more than ${LIMITS.maxTraversals} supply chains.`);
      }
      if (size.fields > LIMITS.maxExpandedFields) {
        fail(`Query asks for more than ${LIMITS.maxExpandedFields} fields once its fragments are expanded.`);
      }
      return false;
    },
  };
}
