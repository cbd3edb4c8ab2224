// The arguments a query gives a field nested below the field being resolved, read from the query itself
// (fragments followed, @skip and @include honoured). A resolver that returns a list can then fetch that
// field for every item at once, before graphql-js resolves the items: an item whose value is already
// at hand resolves synchronously, and thousands of pending promises cost graphql-js far more than the
// values themselves. Only the query's syntax tree is read, never the schema's type objects: graphql's
// type checks refuse objects from another copy of the library (as a test runner may load one).
import {
  valueFromASTUntyped,
  type ArgumentNode,
  type DirectiveNode,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

type Variables = GraphQLResolveInfo['variableValues'];

const argumentValues = (nodes: readonly ArgumentNode[] | undefined, variables: Variables) =>
  Object.fromEntries((nodes ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));

/** False when @skip(if: true) or @include(if: false) leaves the selection out. */
function included(directives: readonly DirectiveNode[] | undefined, variables: Variables): boolean {
  for (const directive of directives ?? []) {
    const condition = argumentValues(directive.arguments, variables)['if'];
    if (directive.name.value === 'skip' && condition === true) return false;
    if (directive.name.value === 'include' && condition === false) return false;
  }
  return true;
}

/** The field nodes named `name` in `selectionSet`, through inline fragments and fragment spreads. */
function fieldsNamed(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, name: string): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!included(selection.directives, info.variableValues)) continue;
    if (selection.kind === 'Field') {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === 'InlineFragment') {
      found.push(...fieldsNamed(info, selection.selectionSet, name));
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment !== undefined) found.push(...fieldsNamed(info, fragment.selectionSet, name));
    }
  }
  return found;
}

/**
 * The argument values of every selection of `field` reached from the field being resolved through the
 * fields named by `path` (e.g. ['tiers', 'organizations'], 'disclosures'), one entry per selection
 * (aliases may ask for it twice with other arguments), arguments left out absent; empty when the query
 * does not ask for it.
 */
export function nestedFieldArguments(
  info: GraphQLResolveInfo,
  path: readonly string[],
  field: string,
): Record<string, unknown>[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of [...path, field])
    nodes = nodes.flatMap((node) => (node.selectionSet ? fieldsNamed(info, node.selectionSet, name) : []));
  return nodes.map((node) => argumentValues(node.arguments, info.variableValues));
}
