// nestedFieldArguments reads from the query what a nested field is asked with, as graphql-js would
// resolve it: through aliases, inline fragments and fragment spreads, with variables, honouring @skip
// and @include; nothing when the field is not asked for.
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { expect, it } from 'vitest';
import { nestedFieldArguments } from '../../src/api/nested-field-arguments.ts';

const schema = buildSchema(`
  type Query { chain: Chain }
  type Chain { tiers: [Tier!]! }
  type Tier { organizations: [Org!]! }
  type Org { id: ID!, disclosures(kind: String, asOf: String): [String!]! }
`);

async function asked(query: string, variableValues: Record<string, unknown> = {}) {
  let found: Record<string, unknown>[] = [];
  const rootValue = {
    chain: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      found = nestedFieldArguments(info, ['tiers', 'organizations'], 'disclosures');
      return { tiers: [] };
    },
  };
  const result = await graphql({ schema, source: query, rootValue, variableValues });
  expect(result.errors).toBeUndefined();
  return found;
}

it('finds every selection of the nested field with its arguments', async () => {
  const query = `query($k: String, $skip: Boolean!, $keep: Boolean!) { chain { tiers {
    organizations { id plain: disclosures ...F ... on Org { dated: disclosures(asOf: "2020-01-01") }
      skipped: disclosures(kind: "X") @skip(if: $skip) kept: disclosures(kind: "Y") @include(if: $keep) }
    more: organizations { disclosures(kind: "Z") } } } }
    fragment F on Org { byKind: disclosures(kind: $k) }`;
  expect(await asked(query, { k: 'AUDIT', skip: true, keep: true })).toEqual([
    {},
    { kind: 'AUDIT' },
    { asOf: '2020-01-01' },
    { kind: 'Y' },
    { kind: 'Z' },
  ]);
});

it('finds nothing when the query does not ask for it', async () => {
  expect(await asked('{ chain { tiers { organizations { id } } } }')).toEqual([]);
  expect(await asked('{ chain { __typename } }')).toEqual([]);
});
