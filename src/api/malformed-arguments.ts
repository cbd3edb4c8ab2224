// Finds, in an operation, every value a client gives where the schema says ID or String (an argument, a
// field of an input object, an item of a list, at any depth, in the operation or a fragment it spreads)
// that breaks the scalar's rule: an ID no id can be (src/domain/ids.ts), a text with an unpaired
// surrogate (which the driver would store as U+FFFD, text the client never sent; the importer refuses
// it too). Such a value was never stored, so it is refused as bad input instead of being looked up or
// written: the rule depends on no data and tells nothing about what exists.
//
// Where an operation gives such values depends only on its text, so it is worked out once per operation
// (Apollo keeps one parsed document per query text, as src/api/jit-executor.ts relies on too); a request
// then reads only those arguments, and an operation without any costs a map lookup.
import {
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { idRule, isWellFormedId } from '../domain/ids.ts';
import { quote } from '../domain/quote.ts';

/** An argument of the operation whose type may hold IDs or texts. */
interface CheckedArgument {
  /** The field or directive it belongs to, as messages name it: `organization`, `@include`. */
  owner: string;
  node: ArgumentNode;
  type: GraphQLInputType;
}

/** A value given as an ID or a String that breaks the scalar's rule. */
interface MalformedValue {
  /** e.g. `publishDisclosure(input.subjectId) must be …, got "  x "`. */
  message: string;
  /** The argument that gives it. */
  node: ArgumentNode;
}

/** What each checked scalar requires of a value, as a message says it; null when it is fine. */
const RULES: Readonly<Record<string, (value: string) => string | null>> = {
  ID: (value) => (isWellFormedId(value) ? null : `must be ${idRule()}`),
  String: (value) =>
    value.isWellFormed() ? null : 'must be well-formed Unicode text (it has an unpaired surrogate)',
};

const ruleOf = (type: GraphQLNamedType) => (isScalarType(type) ? RULES[type.name] : undefined);
const isChecked = (type: GraphQLNamedType): boolean => ruleOf(type) !== undefined;

/**
 * For each input object type of the schema that holds an ID or a String somewhere (through fields of
 * other input object types too), its fields that do; a type that holds none is absent.
 */
function checkedFieldsOfInputTypes(
  schema: GraphQLSchema,
): Map<GraphQLInputObjectType, readonly GraphQLInputField[]> {
  const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
  const holding = new Set<GraphQLInputObjectType>();
  const holdsIds = (field: GraphQLInputField) => {
    const named = getNamedType(field.type);
    return isChecked(named) || (isInputObjectType(named) && holding.has(named));
  };
  // Until nothing changes: a type may hold them only through another one found later.
  for (let grew = true; grew;) {
    grew = false;
    for (const type of inputs) {
      if (!holding.has(type) && Object.values(type.getFields()).some(holdsIds)) {
        holding.add(type);
        grew = true;
      }
    }
  }
  return new Map([...holding].map((type) => [type, Object.values(type.getFields()).filter(holdsIds)]));
}

/** What a request of one operation needs: where it gives checked values, and its variables' defaults. */
interface OperationArguments {
  arguments: readonly CheckedArgument[];
  /** The values of variables that have a default, for a request that leaves them out; null: none. */
  defaults: Readonly<Record<string, unknown>> | null;
}

export class MalformedArguments {
  private readonly checkedFields: Map<GraphQLInputObjectType, readonly GraphQLInputField[]>;
  private readonly byOperation = new WeakMap<OperationDefinitionNode, OperationArguments>();

  constructor(private readonly schema: GraphQLSchema) {
    this.checkedFields = checkedFieldsOfInputTypes(schema);
  }

  private holdsChecked(type: GraphQLInputType): boolean {
    const named = getNamedType(type);
    return isChecked(named) || (isInputObjectType(named) && this.checkedFields.has(named));
  }

  /** The arguments of `operation` and of the fragments it spreads whose type may hold IDs or texts. */
  argumentsOf(document: DocumentNode, operation: OperationDefinitionNode): readonly CheckedArgument[] {
    return this.checkedOf(document, operation).arguments;
  }

  private checkedOf(document: DocumentNode, operation: OperationDefinitionNode): OperationArguments {
    const known = this.byOperation.get(operation);
    if (known !== undefined) return known;
    const found: CheckedArgument[] = [];
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    // Each fragment once, however often it is spread: its arguments are the same wherever it is.
    const queue: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
    const queued = new Set<string>();
    const typeInfo = new TypeInfo(this.schema);
    const visitor = visitWithTypeInfo(typeInfo, {
      Argument: (node) => {
        const argument = typeInfo.getArgument();
        const directive = typeInfo.getDirective();
        const owner = directive ? `@${directive.name}` : typeInfo.getFieldDef()?.name;
        if (argument && owner !== undefined && this.holdsChecked(argument.type))
          found.push({ owner, node, type: argument.type });
        // Its value holds no field, fragment or argument of its own.
        return false;
      },
      FragmentSpread: (node) => {
        const fragment = fragments.get(node.name.value);
        if (fragment && !queued.has(fragment.name.value)) {
          queued.add(fragment.name.value);
          queue.push(fragment);
        }
      },
    });
    for (let i = 0; i < queue.length; i++) visit(queue[i]!, visitor);
    const checked = { arguments: found, defaults: found.length > 0 ? this.defaultsOf(operation) : null };
    this.byOperation.set(operation, checked);
    return checked;
  }

  private defaultsOf(operation: OperationDefinitionNode): Record<string, unknown> | null {
    const defaults: [string, unknown][] = [];
    for (const { variable, type, defaultValue } of operation.variableDefinitions ?? []) {
      const inputType = typeFromAST(this.schema, type);
      if (defaultValue && inputType && isInputType(inputType))
        defaults.push([variable.name.value, valueFromAST(defaultValue, inputType)]);
    }
    return defaults.length > 0 ? Object.fromEntries(defaults) : null;
  }

  /**
   * Every ID and String the request gives that breaks its scalar's rule. Variables are read as sent, not coerced a second
   * time (graphql-js does that when the operation runs, and a list of 10,000 ids takes it ~5 ms);
   * what does not fit its type is passed over here and refused by that coercion, before any resolver
   * runs.
   */
  malformed(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    inputs: Readonly<Record<string, unknown>>,
  ): MalformedValue[] {
    const { arguments: checked, defaults } = this.checkedOf(document, operation);
    if (checked.length === 0) return [];
    const variables = defaults === null ? inputs : { ...defaults, ...inputs };
    const found: MalformedValue[] = [];
    for (const { owner, node, type } of checked) {
      const report = (path: readonly (string | number)[], rule: string, value: string) =>
        found.push({ message: `${owner}(${pathText(path)}) ${rule}, got ${quote(value)}`, node });
      this.visit(type, valueFromAST(node.value, type, variables), [node.name.value], report);
    }
    return found;
  }

  /**
   * Calls `report` for each malformed ID or String in `value` of `type`, with its path in it (`path`,
   * extended in place: a list of 10,000 ids builds no text for the ones that are fine) and the rule it
   * breaks. The value is a literal of the operation or a variable as sent: a single value stands for a
   * list of one, as input coercion has it, and an ID sent as an integer is one (its digits).
   */
  private visit(
    type: GraphQLInputType,
    value: unknown,
    path: (string | number)[],
    report: (path: readonly (string | number)[], rule: string, value: string) => void,
  ): void {
    if (value === null || value === undefined) return;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        this.visit(nullable.ofType, items[i], path, report);
        path.pop();
      }
    } else if (isInputObjectType(nullable)) {
      if (typeof value !== 'object') return;
      for (const field of this.checkedFields.get(nullable) ?? []) {
        path.push(field.name);
        this.visit(field.type, Reflect.get(value, field.name), path, report);
        path.pop();
      }
    } else if (typeof value === 'string') {
      const broken = ruleOf(nullable)?.(value);
      if (broken) report(path, broken, value);
    }
  }
}

/** `input.content.actions[0].id` for ['input', 'content', 'actions', 0, 'id']. */
const pathText = (path: readonly (string | number)[]): string =>
  path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
