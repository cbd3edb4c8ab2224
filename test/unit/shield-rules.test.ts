// Deny by default is only safe if nothing is denied by accident and nothing is let through by
// accident: every field of Query and Mutation names its own rule (the '*' deny is the fallback for a
// field nobody thought about, not a rule), and every object type the API returns has one. A new field
// or type without a rule fails here before it ships as FORBIDDEN for everyone.
import { extendSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { deny } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { isFieldMap, type TypeRules } from '../../src/api/shield.ts';
import { buildSchema, RULES } from '../../src/app/schema.ts';

const ROOTS = new Set(['Query', 'Mutation']);

/** Each field or object type of `schema` that `rules` leaves to the fallback or denies outright. */
function withoutRule(schema: GraphQLSchema, rules: TypeRules): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rule = rules[type.name];
    if (rule === undefined || rule === deny) {
      missing.push(type.name);
      continue;
    }
    if (!isFieldMap(rule)) {
      if (ROOTS.has(type.name)) missing.push(`${type.name} (one rule for every field)`);
      continue;
    }
    for (const field of Object.keys(type.getFields())) {
      const fieldRule = rule[field];
      if (fieldRule === undefined || fieldRule === deny) missing.push(`${type.name}.${field}`);
    }
  }
  return missing.sort();
}

/** Each type or field that `rules` names but `schema` does not have (a typo leaves the real one denied). */
function stale(schema: GraphQLSchema, rules: TypeRules): string[] {
  return Object.entries(rules).flatMap(([typeName, rule]) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return [typeName];
    if (!isFieldMap(rule)) return [];
    const fields = type.getFields();
    return Object.keys(rule)
      .filter((field) => field !== '*' && !(field in fields))
      .map((field) => `${typeName}.${field}`);
  });
}

describe('the permission rules', () => {
  const schema = buildSchema();

  it('name a rule, not the deny fallback, for every field of Query and Mutation and every object type', () => {
    expect(withoutRule(schema, RULES)).toEqual([]);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).length).toBeGreaterThan(0);
  });

  it('name only types and fields the schema has', () => {
    expect(stale(schema, RULES)).toEqual([]);
  });

  it('deny what no module names', () => {
    expect(RULES['Query']).toMatchObject({ '*': deny });
    expect(RULES['Mutation']).toMatchObject({ '*': deny });
  });

  it('would catch a new field or type added without a rule', () => {
    const grown = extendSchema(
      schema,
      parse(`
        type Dossier { id: ID! }
        extend type Query { dossier(id: ID!): Dossier }
        extend type Mutation { compileDossier(id: ID!): Dossier! }
      `),
    );
    expect(withoutRule(grown, RULES)).toEqual(['Dossier', 'Mutation.compileDossier', 'Query.dossier']);
  });
});
