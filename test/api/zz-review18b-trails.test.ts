// Review 18b: paged audit trails. A made-up cursor must be refused as BAD_USER_INPUT naming it (never an
// internal error), a cursor names nothing its reader was not shown, and an event's actor organization
// never fails the whole trail.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShareEventRecord, SupplyLinkEventRecord } from '../../src/domain/format.ts';
import { parseInstant } from '../../src/domain/instants.ts';
import { quote } from '../../src/domain/quote.ts';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
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

describe('an event cursor', () => {
  it('names nothing its reader was not shown (src/domain/cursor.ts): no Neo4j elementId', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('owner')
        .org('buyer')
        .link('owner', 'buyer')
        .share('owner', 'buyer', { events: [grant('owner')] })
        .build(),
    );
    type Event = { cursor: string; action: string; at: string; share: { id: string } };
    const [event] = ok<Event[]>(await t.api.query('buyer', SHARE_EVENTS, {}), 'shareEvents');
    const parts = JSON.parse(Buffer.from(event!.cursor, 'base64url').toString('utf8')) as unknown[];
    // Shown: the event's instant (to the millisecond), the share's id and the action. The record's
    // elementId ("4:<database uuid>:<store position>") is the store's internal address, which tells
    // a reader how many records the whole platform wrote between two of its events, and which Neo4j
    // documents as not to be relied on outside one transaction.
    const unshown = parts.filter(
      (p) =>
        !(
          p === event!.share.id ||
          p === event!.action ||
          (typeof p === 'string' && parseInstant(p) !== null)
        ),
    );
    expect(unshown).toEqual([]);
  });
});

describe('an event whose actor organization is no organization (an imported trail)', () => {
  beforeEach(async () => {
    // The import takes any well-formed id as an event's actorOrganizationId (src/import/record-rules.ts).
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('s')
        .link('s', 'buyer', { id: 'l1', events: [declared('gone-org')] })
        .link('s', 'buyer', { id: 'l2', events: [{ ...declared('buyer'), at: '2024-03-02T10:00:00Z' }] })
        .build(),
    );
  });

  it('does not make supplyLinkEvents { actorOrganization } an internal error for the whole trail', async () => {
    const response: GraphQLResponse = await t.api.query(
      'buyer',
      `{ supplyLinkEvents { linkId actorOrganizationId actorOrganization { id } } }`,
      {},
      ['supplier_admin'],
    );
    expect(codes(response)).toEqual([]);
    expect(response.status).toBe(200);
  });
});
