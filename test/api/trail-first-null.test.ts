// `first` is checked also when the deprecated `limit` counts, but an explicit null `first` (a client's
// unset $first variable next to its `limit`) is that client's way of not sending it: limit counts.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .link('reseller', 'buyer')
      .share('reseller', 'buyer', { id: 'share-1' })
      .build(),
  );
});

describe('first: null next to the deprecated limit', () => {
  it.each([
    ['shareEvents', 'query($first: Int) { shareEvents(first: $first, limit: 5) { action } }', 'analyst'],
    [
      'supplyLinkEvents',
      'query($first: Int) { supplyLinkEvents(first: $first, limit: 5) { action } }',
      'supplier_admin',
    ],
  ] as const)('%s answers the page `limit` asks for, as before', async (_field, query, role) => {
    const response: GraphQLResponse = await t.api.query('buyer', query, { first: null }, [role]);
    expect(codes(response)).toEqual([]);
  });
});
