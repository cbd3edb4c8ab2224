// A made-up trail cursor whose instant Neo4j could not read (an offset beyond ±18:00) is refused as
// BAD_USER_INPUT naming it, never an internal error.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShareEventRecord, SupplyLinkEventRecord } from '../../src/domain/format.ts';
import { quote } from '../../src/domain/quote.ts';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const SHARE_EVENTS = `query ($after: String) { shareEvents(after: $after) { cursor action at share { id } } }`;
const LINK_EVENTS = `query ($after: String) { supplyLinkEvents(after: $after) { cursor action at linkId } }`;

const grant = (actorOrganizationId: string): ShareEventRecord => ({
  action: 'GRANTED',
  at: '2024-03-01T10:00:00Z',
  actorUserId: 'u',
  actorOrganizationId,
});
const declared = (actorOrganizationId: string): SupplyLinkEventRecord => ({
  action: 'DECLARED',
  at: '2024-03-01T10:00:00Z',
  actorUserId: 'u',
  actorOrganizationId,
  after: { supplierId: 's', products: [], validFrom: null, validTo: null },
});

/** A cursor a client made up: an instant parseInstant reads but Neo4j's datetime() refuses (offset past 18:00). */
const madeUp = Buffer.from(JSON.stringify(['2024-03-01T10:00+19:00', 's', 'GRANTED', 'k'])).toString(
  'base64url',
);

describe('a made-up cursor whose instant has an offset beyond 18 hours', () => {
  beforeEach(async () => {
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('s')
        .link('s', 'buyer', { id: 'l1', events: [declared('buyer')] })
        .share('buyer', 's', { events: [grant('buyer')] })
        .build(),
    );
  });

  it('is refused by shareEvents as BAD_USER_INPUT naming it, not an internal error', async () => {
    const response: GraphQLResponse = await t.api.query('buyer', SHARE_EVENTS, { after: madeUp });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe(
      `after must be the cursor of an earlier page's last item, got ${quote(madeUp)}`,
    );
  });

  it('is refused by supplyLinkEvents as BAD_USER_INPUT naming it, not an internal error', async () => {
    const response: GraphQLResponse = await t.api.query('buyer', LINK_EVENTS, { after: madeUp }, [
      'supplier_admin',
    ]);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain(quote(madeUp));
  });
});
