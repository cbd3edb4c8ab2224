// Audit trails and screening candidates read a page at a time: following each page's last cursor
// reads every item exactly once, in the order of one unpaged read, newest first to the nanosecond
// (below the millisecond the API shows), with ties in time and in score broken the same way on every
// page.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShareEventRecord, SupplyLinkEventRecord } from '../../src/domain/format.ts';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

// Four instants, two of them within one millisecond, each used by several events.
const AT = [
  '2024-03-01T10:00:00Z',
  '2024-03-01T10:00:00.000400Z',
  '2024-03-01T10:00:00.000900Z',
  '2023-01-01T00:00:00Z',
];
const at = (i: number) => AT[i % AT.length]!;

interface Item {
  cursor: string;
}

/** Every item, read `first` at a time by following the cursors; also checks each page's size. */
async function readAll<T extends Item>(ask: (page: Record<string, unknown>) => Promise<T[]>, first: number) {
  const items: T[] = [];
  for (let after: string | undefined; ;) {
    const page = await ask({ first, ...(after === undefined ? {} : { after }) });
    items.push(...page);
    if (page.length < first) return items;
    after = page.at(-1)!.cursor;
  }
}

const withoutCursor = <T extends Item>(items: T[]) => items.map(({ cursor: _, ...rest }) => rest);

describe('shareEvents', () => {
  const EVENTS = `query ($first: Int, $after: String, $limit: Int) {
    shareEvents(first: $first, after: $after, limit: $limit) { cursor action at share { id } }
  }`;
  type Event = Item & { action: string; at: string; share: { id: string } };
  const eventsOf = async (org: string, variables: Record<string, unknown>) =>
    ok<Event[]>(await t.api.query(org, EVENTS, variables), 'shareEvents');

  beforeEach(async () => {
    const builder = graph().org('owner').org('buyer').org('stranger').link('owner', 'buyer');
    for (let i = 0; i < 9; i++) {
      const events: ShareEventRecord[] = [
        { action: 'GRANTED', at: at(i), actorUserId: 'u', actorOrganizationId: 'owner' },
      ];
      // A revoke at the same instant as its grant: one share, two events of one millisecond.
      if (i % 3 === 0)
        events.push({ action: 'REVOKED', at: at(i), actorUserId: 'u', actorOrganizationId: 'owner' });
      builder.share('owner', 'buyer', {
        id: `share-${i}`,
        createdAt: at(i),
        revokedAt: i % 3 === 0 ? at(i) : null,
        events,
      });
    }
    await loadGraph(t.db, builder.build());
  });

  it('reads every event once, in the order of one read, whatever the page size', async () => {
    const whole = await eventsOf('owner', { first: 500 });
    expect(whole).toHaveLength(12);
    const order = whole.map((e) => `${e.at} ${e.share.id} ${e.action}`);
    expect(order.slice(0, 3)).toEqual([
      '2024-03-01T10:00:00.000Z share-2 GRANTED',
      '2024-03-01T10:00:00.000Z share-6 GRANTED',
      '2024-03-01T10:00:00.000Z share-6 REVOKED',
    ]);
    for (const first of [1, 2, 5, 11, 12]) {
      expect(withoutCursor(await readAll((page) => eventsOf('owner', page), first))).toEqual(
        withoutCursor(whole),
      );
    }
    // The recipient reads the same trail; the deprecated `limit` still sizes the page.
    expect(await eventsOf('buyer', { first: 500 })).toEqual(whole);
    expect(await eventsOf('owner', { first: 2, limit: 4 })).toEqual(whole.slice(0, 4));
  });

  it("gives another organization nothing for a cursor of someone else's trail", async () => {
    const [first] = await eventsOf('owner', { first: 1 });
    expect(await eventsOf('stranger', { after: first!.cursor })).toEqual([]);
  });

  it.each(['', 'not-a-cursor', Buffer.from('["2024",1]').toString('base64url')])(
    'refuses the cursor %j as BAD_USER_INPUT naming it',
    async (after) => {
      const response: GraphQLResponse = await t.api.query('owner', EVENTS, { after });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toBe(
        `after must be the cursor of an earlier page's last item, got ${JSON.stringify(after)}`,
      );
    },
  );
});

describe('supplyLinkEvents', () => {
  const EVENTS = `query ($first: Int, $after: String) {
    supplyLinkEvents(first: $first, after: $after) { cursor action at linkId }
  }`;
  type Event = Item & { action: string; at: string; linkId: string };

  it('reads every event once, in the order of one read', async () => {
    const builder = graph().org('buyer', 'PURCHASER');
    for (let i = 0; i < 7; i++) {
      const events: SupplyLinkEventRecord[] = [
        {
          action: 'DECLARED',
          at: at(i),
          actorUserId: 'u',
          actorOrganizationId: 'buyer',
          after: { supplierId: `s${i}`, products: [], validFrom: null, validTo: null },
        },
      ];
      builder.org(`s${i}`).link(`s${i}`, 'buyer', { id: `link-${i}`, events });
    }
    await loadGraph(t.db, builder.build());
    const ask = async (variables: Record<string, unknown>) =>
      ok<Event[]>(await t.api.query('buyer', EVENTS, variables, ['supplier_admin']), 'supplyLinkEvents');
    const whole = await ask({ first: 500 });
    expect(whole.map((e) => e.linkId)).toEqual([
      'link-2',
      'link-6',
      'link-1',
      'link-5',
      'link-0',
      'link-4',
      'link-3',
    ]);
    for (const first of [1, 3, 7]) {
      expect(withoutCursor(await readAll(ask, first))).toEqual(withoutCursor(whole));
    }
  });
});

describe('screeningCandidates', () => {
  const CANDIDATES = `query ($first: Int, $after: String) {
    screeningCandidates(first: $first, after: $after) { cursor id score }
  }`;
  type Candidate = Item & { id: string; score: number };

  it('reads every candidate once, best score first and by id among equal scores', async () => {
    await loadGraph(t.db, graph().org('admin').org('factory', 'FACTORY').build());
    await t.db.driver.executeQuery(
      `MATCH (o:Organization {id: 'factory'})
       UNWIND range(0, 8) AS i
       CREATE (:ScreeningCandidate {id: 'c' + i, status: 'PENDING', score: [0.91, 0.95, 0.933][i % 3],
         source: 'list', listEntryId: 'E-' + i, entryName: 'Foo', matchedName: 'Org factory',
         matchedEntryName: 'Foo', explanation: [], createdAt: datetime()})-[:ABOUT]->(o)`,
    );
    const ask = async (variables: Record<string, unknown>) =>
      ok<Candidate[]>(
        await t.api.query('admin', CANDIDATES, variables, ['screening_admin']),
        'screeningCandidates',
      );
    const whole = await ask({ first: 500 });
    expect(whole.map((c) => c.id)).toEqual(['c1', 'c4', 'c7', 'c2', 'c5', 'c8', 'c0', 'c3', 'c6']);
    for (const first of [1, 2, 4, 9]) {
      expect(withoutCursor(await readAll(ask, first))).toEqual(withoutCursor(whole));
    }
  });
});
