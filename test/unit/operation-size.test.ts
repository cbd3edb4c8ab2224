// What src/api/operation-size.ts counts in an operation over the real schema: fields inside lists
// (where a fragment is spread, not where it is written), lookups inside lists, an operation's own
// fields, and introspection. test/unit/operation-limits.test.ts checks the limits on these numbers.
import { parse, validate, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TRAVERSAL_FIELDS } from '../../src/api/limits.ts';
import { operationSizes, type Size } from '../../src/api/operation-size.ts';
import { buildSchema } from '../../src/app/schema.ts';

const schema = buildSchema();

/** The size of the document's only operation. */
function sizeOf(document: string): Size {
  const sizes: Size[] = [];
  const measureRule = (context: ValidationContext) => {
    const measure = operationSizes(context, TRAVERSAL_FIELDS);
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        sizes.push(measure(node));
        return false;
      },
    };
  };
  validate(schema, parse(document), [measureRule]);
  return sizes[0]!;
}

const CARD = 'fragment Card on Organization { id name risks { id kind } }';

describe('operation size', () => {
  it('counts the fields inside lists where a fragment is spread, each once however deep the lists', () => {
    const size = sizeOf(`{ supplyChain {
      root { ...Card }
      tiers { tier organizations { ...Card } }
      links { supplier { ...Card } }
    } } ${CARD}`);
    // The root is one organization: only its risks are a list (3). tiers: itself, tier, organizations
    // and a card (5 fields, its risks among them); links: itself, supplier and a card.
    expect(size.listFields).toBe(3 + 8 + 7);
    expect(Object.fromEntries(size.listFieldsByList)).toEqual({
      'Organization.risks': 3 * 3,
      'SupplyChain.tiers': 8,
      'Tier.organizations': 6,
      'SupplyChain.links': 7,
    });
    expect(size.fields).toBe(1 + 1 + 5 + 8 + 7);
  });

  it('counts each alias of a list again, and lists of scalars not as lists', () => {
    const size = sizeOf('{ supplyChain { a: links { id products } b: links { id } } }');
    expect(size.listFields).toBe(3 + 2);
    expect(Object.fromEntries(size.listFieldsByList)).toEqual({ 'SupplyChain.links': 5 });
  });

  it('keeps each distinct set of arguments of a field inside a list once, wherever it is asked', () => {
    const size = sizeOf(`{ supplyChain {
      root { risks(asOf: "2001-01-01") { id } }
      tiers { organizations { ...Card a: risks(asOf: "2020-01-01") { id } b: risks(asOf: "2020-01-01") { id } } }
      links { supplier { disclosures(asOf: $at, kind: AUDIT_REPORT) { id } } customer { ...Card } }
    } } ${CARD}`);
    expect([...size.listLookups].sort()).toEqual([
      'Organization.disclosures(asOf: $at, kind: AUDIT_REPORT)',
      'Organization.risks',
      'Organization.risks(asOf: "2020-01-01")',
    ]);
    // The root's, and the traversal's own arguments, are not inside a list.
    expect([...size.openLookups].sort()).toEqual([
      'Organization.risks(asOf: "2001-01-01")',
      'Query.supplyChain',
    ]);
  });

  it('counts the fields of the operation itself through its fragments', () => {
    const size = sizeOf(
      'mutation { ...M c: revokeShare(id: "c") { id owner { id } } } fragment M on Mutation { a: revokeShare(id: "a") { id } b: revokeShare(id: "b") { id } }',
    );
    expect(size.ownFields).toBe(3);
    expect(size.fields).toBe(4 + 2 + 2);
  });

  it('counts introspection fields and aliases, but neither its nesting nor its lists', () => {
    const size = sizeOf(
      '{ a: __schema { types { fields { type { ofType { ofType { name } } } } } } __typename }',
    );
    expect(size).toMatchObject({ levels: 1, aliases: 1, fields: 8, listFields: 0 });
    expect(size.listFieldsByList.size).toBe(0);
  });
});
