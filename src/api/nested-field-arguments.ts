// The arguments a query gives a field nested below the field being resolved, read from the query itself
// (fragments followed, @skip and @include honoured). A resolver that returns a list can then fetch that
// field for every item at once, before graphql-js resolves the items: an item whose value is already
// at hand resolves synchronously, and thousands of pending promises cost graphql-js far more than the
// values themselves.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
}

/** The field nodes named `name` in `selectionSet`, through inline fragments and fragment spreads. */
function fieldsNamed(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, name: string): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!included(info, selection)) continue;
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
 * (aliases may ask for it twice with other arguments); empty when the query does not ask for it.
 */
export function nestedFieldArguments(
  info: GraphQLResolveInfo,
  path: readonly string[],
  field: string,
): Record<string, unknown>[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type: GraphQLNamedType = getNamedType(info.returnType);
  for (const name of [...path, field]) {
    if (!isObjectType(type) && !isInterfaceType(type)) return [];
    const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
    if (definition === undefined) return [];
    nodes = nodes.flatMap((node) => (node.selectionSet ? fieldsNamed(info, node.selectionSet, name) : []));
    if (name === field) return nodes.map((node) => getArgumentValues(definition, node, info.variableValues));
    type = getNamedType(definition.type);
  }
  return [];
}
