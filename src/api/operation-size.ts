// What one operation asks for, with its fragments expanded where they are spread: the numbers that the
// operation limits (limits.ts) bound. Each fragment is measured once and its size reused wherever it is
// spread, so the work is linear in the document even when fragments spread each other many times over
// (the expanded size may be exponential; it is only computed, never walked).
//
// Lists are what make an answer big: a field inside a list is answered once per item, and a supply
// chain's lists (its tiers' organizations, its links, an exposure's findings, a ranking) have an item
// per organization or link of the chain, thousands on a big one. So besides the fields of the document,
// the size counts the fields inside lists (each place an alias or a fragment asks for one counts again),
// and the distinct sets of arguments given to fields inside lists (`risks(asOf: …)` on every
// organization of a chain is one more statement over all of them). Whether a field is a list, and of
// which type, comes from the schema.
//
// A list inside an item of another list (a score's components, a component's inputs, an
// organization's risk indicators) is answered once per item of each: a field there counts once per
// item the inner list is assumed to hold (`itemListSizes`, as the assumedSize of IBM's GraphQL cost
// directives), or else 30 aliases inside a ranking's inputs would count 30 and answer 20 times as many
// fields as 30 aliases on its organizations.
import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface Size {
  /** Levels of selection sets, this one included. */
  levels: number;
  aliases: number;
  /** Fields named in `traversalFields`. */
  traversals: number;
  fields: number;
  /** Fields of this selection set itself, through its fragments but not below it. */
  ownFields: number;
  /** `fields` as answered for one item holding this selection set: lists below it weighed by their size. */
  itemFields: number;
  /** Fields inside lists of objects, each list included: each is answered once per item. */
  listFields: number;
  /** `listFields` by the list that holds them (`SupplyChain.links`), to name the biggest. */
  listFieldsByList: ReadonlyMap<string, number>;
  /** Distinct argument sets of fields inside lists, as `Organization.risks(asOf: "2020-01-01")`. */
  listLookups: ReadonlySet<string>;
  /** Argument sets of fields not inside a list (yet): lookups once a list holds this selection set. */
  openLookups: ReadonlySet<string>;
}

const EMPTY: Size = {
  levels: 0,
  aliases: 0,
  traversals: 0,
  fields: 0,
  ownFields: 0,
  itemFields: 0,
  listFields: 0,
  listFieldsByList: new Map(),
  listLookups: new Set(),
  openLookups: new Set(),
};

/**
 * Introspection answers the schema, whose size is fixed and small. Its fields count as fields and
 * aliases, but not their nesting (graphql's MaxIntrospectionDepthRule bounds it, and the standard
 * introspection query of GraphiQL and codegen nests deeper than any data query) nor their lists.
 */
const INTROSPECTION = new Set(['__schema', '__type']);

const addAll = <T>(into: Set<T>, from: ReadonlySet<T>) => from.forEach((item) => into.add(item));

/** The lookup a field inside a list makes per set of arguments; undefined for a field that takes none. */
function lookupOf(coordinate: string, definition: GraphQLField<unknown, unknown>, node: FieldNode) {
  if (definition.args.length === 0) return undefined;
  const given = (node.arguments ?? []).map((argument) => print(argument)).sort();
  return given.length === 0 ? coordinate : `${coordinate}(${given.join(', ')})`;
}

class Total {
  levels = 1;
  aliases = 0;
  traversals = 0;
  fields = 0;
  ownFields = 0;
  itemFields = 0;
  listFields = 0;
  listFieldsByList = new Map<string, number>();
  listLookups = new Set<string>();
  openLookups = new Set<string>();

  /** Adds what a fragment of this selection set asks for. */
  addFragment(part: Size) {
    this.levels = Math.max(this.levels, part.levels);
    this.aliases += part.aliases;
    this.traversals += part.traversals;
    this.fields += part.fields;
    this.ownFields += part.ownFields;
    this.itemFields += part.itemFields;
    this.listFields += part.listFields;
    this.countLists(part.listFieldsByList);
    addAll(this.listLookups, part.listLookups);
    addAll(this.openLookups, part.openLookups);
  }

  /**
   * Adds one field whose own selection set measured `inner`, answered `items` times per answer of this
   * selection set (the assumed size of a list, 1 for anything else).
   */
  addField(field: { aliased: boolean; traversal: boolean }, inner: Size, items = 1) {
    this.levels = Math.max(this.levels, inner.levels + 1);
    this.aliases += (field.aliased ? 1 : 0) + inner.aliases;
    this.traversals += (field.traversal ? 1 : 0) + inner.traversals;
    this.fields += 1 + inner.fields;
    this.ownFields += 1;
    this.itemFields += 1 + items * inner.itemFields;
  }

  /** Adds what `inner` holds in lists, below a field that is `list` (at `coordinate`) or not. */
  addLists(list: string | undefined, inner: Size) {
    this.countLists(inner.listFieldsByList);
    addAll(this.listLookups, inner.listLookups);
    if (list === undefined) {
      this.listFields += inner.listFields;
      addAll(this.openLookups, inner.openLookups);
    } else {
      this.listFields += 1 + inner.itemFields;
      this.countLists(new Map([[list, 1 + inner.itemFields]]));
      addAll(this.listLookups, inner.openLookups);
    }
  }

  private countLists(counts: ReadonlyMap<string, number>) {
    for (const [list, fields] of counts)
      this.listFieldsByList.set(list, (this.listFieldsByList.get(list) ?? 0) + fields);
  }
}

/**
 * Measures the operations of the document that `context` validates. `traversalFields` are the names of
 * the fields that walk a supply chain; `itemListSizes` the items assumed of lists found inside the
 * items of other lists, by coordinate (`RiskScore.components`); a list not named there counts as one.
 */
export function operationSizes(
  context: ValidationContext,
  traversalFields: ReadonlySet<string>,
  itemListSizes: ReadonlyMap<string, number>,
): (operation: OperationDefinitionNode) => Size {
  const schema = context.getSchema();
  const fragmentSizes = new Map<string, Size>();

  const fragmentSize = (fragment: FragmentDefinitionNode): Size => {
    const name = fragment.name.value;
    const known = fragmentSizes.get(name);
    if (known) return known;
    // Placeholder while measuring: a cycle adds nothing here (graphql's NoFragmentCycles reports it).
    fragmentSizes.set(name, EMPTY);
    const size = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
    fragmentSizes.set(name, size);
    return size;
  };

  /** `type` is the selection set's type; undefined where unknown (the document's own errors say why). */
  function measure(set: SelectionSetNode, type: GraphQLNamedType | null | undefined): Size {
    const total = new Total();
    const fieldsOfType = isObjectType(type) || isInterfaceType(type) ? type.getFields() : undefined;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field = { aliased: selection.alias !== undefined, traversal: traversalFields.has(name) };
        if (INTROSPECTION.has(name)) {
          const inner = selection.selectionSet ? measure(selection.selectionSet, undefined) : EMPTY;
          total.addField(field, { ...EMPTY, aliases: inner.aliases, fields: inner.fields });
          continue;
        }
        const definition = fieldsOfType?.[name];
        const fieldType = definition && getNamedType(definition.type);
        const inner = selection.selectionSet ? measure(selection.selectionSet, fieldType) : EMPTY;
        if (definition === undefined || !type) {
          total.addField(field, inner);
          total.addLists(undefined, inner);
          continue;
        }
        const coordinate = `${type.name}.${name}`;
        const isList = isListType(getNullableType(definition.type)) && isCompositeType(fieldType);
        total.addField(field, inner, isList ? (itemListSizes.get(coordinate) ?? 1) : 1);
        total.addLists(isList ? coordinate : undefined, inner);
        const lookup = lookupOf(coordinate, definition, selection);
        if (lookup !== undefined) total.openLookups.add(lookup);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        total.addFragment(measure(selection.selectionSet, condition ?? type));
      } else {
        const fragment = context.getFragment(selection.name.value);
        if (fragment) total.addFragment(fragmentSize(fragment));
      }
    }
    return total;
  }

  return (operation) => measure(operation.selectionSet, schema.getRootType(operation.operation));
}
