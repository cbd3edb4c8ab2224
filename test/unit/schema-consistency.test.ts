// The public GraphQL API's consistency at the level of the built schema (no database): every
// element described, and arguments of the same meaning declared alike on sibling root fields.
import {
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLField,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/app/schema.ts';

const schema = buildSchema();
const query = schema.getQueryType()!.getFields();
const mutation = schema.getMutationType()!.getFields();
const blank = (text: string | null | undefined) => (text ?? '').trim() === '';
const arg = (field: GraphQLField<unknown, unknown>, name: string): GraphQLArgument | undefined =>
  field.args.find((a) => a.name === name);
const shape = (a: GraphQLArgument | undefined) =>
  a === undefined ? 'absent' : `${String(a.type)} = ${JSON.stringify(a.defaultValue ?? null)}`;

describe('descriptions (specification section 4: "every type and field described")', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      const root = type === schema.getQueryType() || type === schema.getMutationType();
      if (!root && blank(type.description)) undescribed.push(type.name);
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (blank(field.description)) undescribed.push(`${type.name}.${field.name}`);
          for (const a of field.args) {
            if (blank(a.description)) undescribed.push(`${type.name}.${field.name}(${a.name})`);
          }
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (blank(field.description)) undescribed.push(`${type.name}.${field.name}`);
        }
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (blank(value.description)) undescribed.push(`${type.name}.${value.name}`);
        }
      } else if (isScalarType(type) && blank(type.description)) {
        undescribed.push(type.name);
      }
    }
    expect(undescribed).toEqual([]);
  });
});

describe('arguments of the same meaning on the traversal root fields', () => {
  const TRAVERSALS = ['supplyChain', 'exposure', 'paths', 'riskAssessment', 'chainExport'] as const;

  it('gives maxDepth the same type and default everywhere (chainExport promises exactly what supplyChain answers for the same arguments)', () => {
    const shapes = Object.fromEntries(TRAVERSALS.map((name) => [name, shape(arg(query[name]!, 'maxDepth'))]));
    expect(shapes).toEqual(Object.fromEntries(TRAVERSALS.map((name) => [name, 'Int = 10'])));
  });

  it('describes `product` the same way everywhere (an exact match)', () => {
    const descriptions = Object.fromEntries(
      TRAVERSALS.map((name) => [name, arg(query[name]!, 'product')?.description]),
    );
    expect(new Set(Object.values(descriptions)), JSON.stringify(descriptions)).toHaveLength(1);
  });
});

describe('idempotencyKey descriptions', () => {
  it('state the whole rule a key is checked against (surrounding spaces and unpaired surrogates are refused too)', () => {
    const described = Object.values(mutation)
      .map((field) => arg(field, 'idempotencyKey'))
      .filter((a): a is GraphQLArgument => a !== undefined)
      .map((a) => a.description ?? '');
    expect(described.length).toBeGreaterThan(0);
    for (const description of described) expect(description).toMatch(/surrounding spaces/);
  });
});
