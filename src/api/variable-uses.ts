// What a request's variables weigh when each counts once for every place the operation uses it. A
// variable is sent once but read wherever the operation names it: one 1 MB input under 30 aliases of a
// mutation is 30 MB to write. Counted once per use, what a request makes the server process is no more
// than a body of that size could carry.
//
// Where an operation uses its variables depends only on its text, so it is worked out once per
// operation (Apollo keeps one parsed document per query text); a request of an operation that uses no
// variable twice then costs a map lookup.
import {
  Kind,
  print,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { jsonBytes } from './json-bytes.ts';

/** How many times each variable is used. */
type Uses = Map<string, number>;

interface OperationVariables {
  /** Uses of each variable, with fragments expanded where they are spread; absent: unused. */
  uses: ReadonlyMap<string, number>;
  /** Whether any variable is used more than once: otherwise the body itself bounds their weight. */
  repeated: boolean;
  /** The bytes of each variable's default value, for a request that leaves it out. */
  defaults: ReadonlyMap<string, number>;
}

/** The variable that weighs the most once counted per use. */
interface HeaviestVariable {
  name: string;
  bytes: number;
  uses: number;
}

interface VariableWeight {
  /** The variables' bytes, each multiplied by its uses. */
  bytes: number;
  heaviest: HeaviestVariable;
}

const byOperation = new WeakMap<OperationDefinitionNode, OperationVariables>();

const add = (into: Uses, from: ReadonlyMap<string, number>) => {
  for (const [name, count] of from) into.set(name, (into.get(name) ?? 0) + count);
};

function countValue(uses: Uses, value: ValueNode): void {
  if (value.kind === Kind.VARIABLE) uses.set(value.name.value, (uses.get(value.name.value) ?? 0) + 1);
  else if (value.kind === Kind.LIST) for (const item of value.values) countValue(uses, item);
  else if (value.kind === Kind.OBJECT) for (const field of value.fields) countValue(uses, field.value);
}

function countDirectives(uses: Uses, directives: readonly DirectiveNode[] | undefined): void {
  for (const directive of directives ?? [])
    for (const argument of directive.arguments ?? []) countValue(uses, argument.value);
}

function variablesOf(document: DocumentNode, operation: OperationDefinitionNode): OperationVariables {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // Each fragment is counted once and its uses added wherever it is spread.
  const fragmentUses = new Map<string, Uses>();

  const usesOfFragment = (name: string): Uses => {
    const known = fragmentUses.get(name);
    if (known) return known;
    // Placeholder while counting: a cycle adds nothing (validation refuses the document anyway).
    fragmentUses.set(name, new Map());
    const fragment = fragments.get(name);
    const uses = fragment ? usesOf(fragment.selectionSet) : new Map<string, number>();
    fragmentUses.set(name, uses);
    return uses;
  };

  function usesOf(set: SelectionSetNode): Uses {
    const uses: Uses = new Map();
    for (const selection of set.selections) {
      countDirectives(uses, selection.directives);
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) countValue(uses, argument.value);
        if (selection.selectionSet) add(uses, usesOf(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(uses, usesOf(selection.selectionSet));
      } else {
        add(uses, usesOfFragment(selection.name.value));
      }
    }
    return uses;
  }

  const uses = usesOf(operation.selectionSet);
  countDirectives(uses, operation.directives);
  const defaults = new Map<string, number>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, Buffer.byteLength(print(definition.defaultValue)));
  return { uses, repeated: [...uses.values()].some((count) => count > 1), defaults };
}

/**
 * The weight of `variables` (as the request sent them) in `operation`, each counted once per use;
 * undefined when no variable is used twice, as the body limit then bounds them already.
 */
export function variableWeight(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): VariableWeight | undefined {
  let known = byOperation.get(operation);
  if (known === undefined) {
    known = variablesOf(document, operation);
    byOperation.set(operation, known);
  }
  if (!known.repeated) return undefined;
  let bytes = 0;
  let heaviest: HeaviestVariable = { name: '', bytes: 0, uses: 0 };
  for (const [name, uses] of known.uses) {
    const own = Object.hasOwn(variables, name) ? jsonBytes(variables[name]) : (known.defaults.get(name) ?? 0);
    bytes += own * uses;
    if (own * uses > heaviest.bytes * heaviest.uses) heaviest = { name, bytes: own, uses };
  }
  return { bytes, heaviest };
}
