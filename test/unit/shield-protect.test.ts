// Shield wraps only the fields whose rule decides something: an `allow` field answers without a
// wrapper (issue 11: a promise and a rule per field of a 10,000-organization answer), and a field
// that no rule names is still denied.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { allow } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { canReadOwnView, protect } from '../../src/api/shield.ts';
import { buildSchema, MODULES } from '../../src/app/schema.ts';

const fieldOf = (schema: GraphQLSchema, type: string, field: string) => {
  const named = schema.getType(type);
  if (!isObjectType(named)) throw new Error(`${type} is not an object type`);
  const found = named.getFields()[field];
  if (found === undefined) throw new Error(`${type}.${field} is missing`);
  return found;
};

describe('protect', () => {
  const schema = buildSchema();
  const organizations = MODULES[0].resolvers;

  it('leaves fields of allowed types as the modules wrote them', () => {
    // makeExecutableSchema binds each resolver; a wrapper would have another name.
    expect(fieldOf(schema, 'Organization', 'risks').resolve?.name).toBe('bound risks');
    expect(fieldOf(schema, 'Organization', 'name').resolve).toBeUndefined();
    expect(fieldOf(schema, 'SupplyLink', 'products').resolve).toBeUndefined();
  });

  it('wraps every root field, which has a rule of its own', () => {
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {}))
        expect(field.resolve, field.name).toBeDefined();
    }
    expect(fieldOf(schema, 'Query', 'me').resolve).not.toBe(organizations.Query?.me);
  });

  it('still denies what no rule names, and runs the rules it wraps', async () => {
    const small = protect(
      makeExecutableSchema({
        typeDefs: `type Query { open: Open, unnamed: Unnamed, guarded: String }
          type Open { a: String } type Unnamed { b: String }`,
        resolvers: { Query: { open: () => ({ a: 'a' }), unnamed: () => ({ b: 'b' }), guarded: () => 'g' } },
      }),
      { Query: { open: allow, unnamed: allow, guarded: canReadOwnView }, Open: allow },
    );
    const analyst = { viewer: { organizationId: 'o', userId: 'u', roles: ['analyst'] }, instant: new Date() };
    const nobody = { ...analyst, viewer: { ...analyst.viewer, roles: [] } };
    const asAnalyst = await graphql({
      schema: small,
      source: '{ open { a } unnamed { b } guarded }',
      contextValue: analyst,
    });
    expect(asAnalyst.data).toEqual({ open: { a: 'a' }, unnamed: { b: null }, guarded: 'g' });
    expect(asAnalyst.errors?.map((e) => [e.path?.join('.'), e.extensions['code']])).toEqual([
      ['unnamed.b', 'FORBIDDEN'],
    ]);
    const asNobody = await graphql({ schema: small, source: '{ guarded }', contextValue: nobody });
    expect(asNobody.errors?.map((e) => e.extensions['code'])).toEqual(['FORBIDDEN']);
  });
});
