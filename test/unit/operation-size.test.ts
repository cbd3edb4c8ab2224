// What src/api/operation-size.ts counts in an operation over the real schema: fields inside lists
// (where a fragment is spread, not where it is written), lookups inside lists, an operation's own
// fields, and introspection. test/unit/operation-limits.test.ts checks the limits on these numbers.
import { parse, validate, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ITEM_LIST_SIZES, TRAVERSAL_FIELDS } from '../../src/api/limits.ts';
import { operationSizes, type Size } from '../../src/api/operation-size.ts';
import { buildSchema } from '../../src/app/schema.ts';

const schema = buildSchema();

/** The size of the document's only operation. */
function sizeOf(document: string): Size {
  const sizes: Size[] = [];
  const measureRule = (context: ValidationContext) => {
    const measure = operationSizes(context, TRAVERSAL_FIELDS, ITEM_LIST_SIZES);
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
  it('counts the fields inside lists where a fragment is spread, a list inside an item by its usual size', () => {
    const size = sizeOf(`{ supplyChain {
      root { ...Card }
      tiers { tier organizations { ...Card } }
      links { supplier { ...Card } }
    } } ${CARD}`);
    // The root is one organization: only its risks are a list (3). A card inside a list is id, name,
    // risks and the two fields of each of the 2 risk indicators an organization is assumed to have (7).
    // tiers: itself, tier, organizations and a card; links: itself, supplier and a card.
    expect(size.listFields).toBe(3 + 10 + 9);
    expect(Object.fromEntries(size.listFieldsByList)).toEqual({
      'Organization.risks': 3 * 3,
      'SupplyChain.tiers': 10,
      'Tier.organizations': 8,
      'SupplyChain.links': 9,
    });
    expect(size.fields).toBe(1 + 1 + 5 + 8 + 7);
  });

  it('weighs a list inside a list inside an item by both sizes', () => {
    const inputs = Array.from({ length: 30 }, (_, i) => `a${i}: label`).join(' ');
    const size = sizeOf(`{ riskAssessment { organizations { score components { inputs { ${inputs} } } } } }`);
    // Each of the 30 labels is answered for each of a component's 4 usual inputs, for each of 5
    // components: 600 per organization, not the 30 fields it names.
    expect(size.listFields).toBe(1 + 1 + 1 + 5 * (1 + 4 * 30));
    expect(size.fields).toBe(5 + 30);
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
