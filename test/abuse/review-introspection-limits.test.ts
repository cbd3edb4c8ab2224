// Review (hostile client with any token, where introspection is on): introspection is exempt from the
// operation limits.
//
// src/api/limits.ts skips every field whose name starts with `__` together with its whole selection
// ("Introspection (__schema, __type) is bounded by the schema itself"). Nesting is bounded (graphql's
// MaxIntrospectionDepthRule refuses `fields { type { fields … } }` chains), but aliases are not: each
// alias of `__schema` repeats the whole schema, and neither the 30-alias nor the 2,000-field limit
// counts them. On the review's probe server, 180 aliases of
// `__schema { types { name description fields { name description args { name description } } } }`
// (a 17 kB request, within the 5,000 tokens) were answered with 11 MB in 1.5-4.5 s of the event
// loop, every time. Introspection is on by default outside production and wherever
// GRAPHQL_INTROSPECTION is on (GraphiQL's documentation needs it).
//
// Expected: aliases of introspection fields count against the alias limit (the standard introspection
// query has none), so this is refused before it runs.
//
// Fixed: introspection fields and their aliases count against the alias and field limits like any
// other; only their nesting is left to MaxIntrospectionDepthRule (the standard query nests past 12).
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

// The harness turns introspection on (GRAPHQL_INTROSPECTION), as GraphiQL's docs need it.
const t = useApi('production');

beforeAll(async () => {
  await loadGraph(t.db, graph().org('v', 'PURCHASER').build());
});

describe('introspection where it is on', () => {
  it('cannot repeat the schema under more than 30 aliases', async () => {
    const selection = Array.from(
      { length: 180 },
      (_, i) =>
        `a${i}: __schema { types { name description fields { name description args { name description } } } }`,
    ).join(' ');
    const response = await t.api.query('v', `{ ${selection} }`);
    // Before the fix: 200 and ~11 MB of the schema, 180 times over.
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).toContain('more than 30 aliases');
  });

  it('cannot repeat the whole standard description of the schema past the field limit', async () => {
    const introspection = getIntrospectionQuery();
    const fragments = introspection.slice(introspection.indexOf('fragment FullType'));
    const schemas = Array.from({ length: 12 }, (_, i) => `a${i}: __schema { types { ...FullType } }`);
    const response = await t.api.query('v', `{ ${schemas.join(' ')} } ${fragments}`);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).toContain('more than 2000 fields');
  });

  it('still answers the standard introspection query (GraphiQL, codegen)', async () => {
    const response = await t.api.query('v', getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveProperty('__schema.queryType.name', 'Query');
  });
});
