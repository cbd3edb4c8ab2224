// The edges of paged audit trails and screening candidates: events that agree on everything but
// their record, and cursors a client made up (not base64url, an infinite score, a huge one), each
// refused naming the value as every refusal quotes one.
import { describe, expect, it } from 'vitest';
import { quote } from '../../src/domain/quote.ts';
import type { ShareEventRecord, SupplyLinkEventRecord } from '../../src/domain/format.ts';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

interface Item {
  cursor: string;
}

/** Every item, read `first` at a time by following the cursors (stops after 50 pages). */
async function readAll<T extends Item>(ask: (page: Record<string, unknown>) => Promise<T[]>, first: number) {
  const items: T[] = [];
  for (let after: string | undefined, pages = 0; pages < 50; pages++) {
    const page = await ask({ first, ...(after === undefined ? {} : { after }) });
    items.push(...page);
    if (page.length < first) return items;
    after = page.at(-1)!.cursor;
  }
  return items;
}

const withoutCursor = <T extends Item>(items: T[]) => items.map(({ cursor: _, ...rest }) => rest);

describe('supplyLinkEvents', () => {
  const EVENTS = `query ($first: Int, $after: String) {
    supplyLinkEvents(first: $first, after: $after) { cursor action at linkId before { validTo } after { validTo } }
  }`;
  type Event = Item & { action: string; at: string; linkId: string };

  it('reads both ends of a link recorded within one millisecond, page by page as in one read', async () => {
    // A link declared with a far end, whose end is then moved earlier twice (endSupplyLink allows
    // it while the end is in the future). The two ENDED events share the link id and the action,
    // and their instants fall in one millisecond: an import keeps nanoseconds, and the API stamps an
    // event with its request's instant, so two requests that start in one millisecond do the same.
    const state = (validTo: string) => ({ supplierId: 's', products: [], validFrom: null, validTo });
    const events: SupplyLinkEventRecord[] = [
      {
        action: 'DECLARED',
        at: '2024-03-01T09:00:00Z',
        actorUserId: 'u',
        actorOrganizationId: 'buyer',
        after: state('2030-01-01T00:00:00.000Z'),
      },
      {
        action: 'ENDED',
        at: '2024-03-01T10:00:00.000200Z',
        actorUserId: 'u',
        actorOrganizationId: 'buyer',
        before: state('2030-01-01T00:00:00.000Z'),
        after: state('2029-01-01T00:00:00.000Z'),
      },
      {
        action: 'ENDED',
        at: '2024-03-01T10:00:00.000700Z',
        actorUserId: 'u',
        actorOrganizationId: 'buyer',
        before: state('2029-01-01T00:00:00.000Z'),
        after: state('2028-01-01T00:00:00.000Z'),
      },
    ];
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('s')
        .link('s', 'buyer', { id: 'link-1', validTo: '2028-01-01T00:00:00Z', events })
        .build(),
    );
    const ask = async (variables: Record<string, unknown>) =>
      ok<Event[]>(await t.api.query('buyer', EVENTS, variables, ['supplier_admin']), 'supplyLinkEvents');
    const whole = await ask({ first: 500 });
    expect(whole).toHaveLength(3);
    // Every event of the trail once, whatever the page size.
    expect(withoutCursor(await readAll(ask, 1))).toEqual(withoutCursor(whole));
    // Two events never carry one cursor: each names one place in the trail.
    expect(new Set(whole.map((e) => e.cursor)).size).toBe(3);
  });
});

describe('made-up cursors', () => {
  const SHARE_EVENTS = `query ($after: String) { shareEvents(after: $after) { cursor action } }`;

  it('refuses a cursor with characters that base64url has not, naming it', async () => {
    const events: ShareEventRecord[] = [
      { action: 'GRANTED', at: '2024-03-01T10:00:00Z', actorUserId: 'u', actorOrganizationId: 'owner' },
    ];
    await loadGraph(
      t.db,
      graph().org('owner').org('buyer').link('owner', 'buyer').share('owner', 'buyer', { events }).build(),
    );
    const [event] = ok<Item[]>(await t.api.query('owner', SHARE_EVENTS, {}), 'shareEvents');
    // Not a cursor any page handed out: the decoder skips what is not base64url and reads the rest.
    for (const after of [`!!${event!.cursor}`, `${event!.cursor} <script>`, `${event!.cursor}%%%`]) {
      const response: GraphQLResponse = await t.api.query('owner', SHARE_EVENTS, { after });
      expect(codes(response), after).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toBe(
        `after must be the cursor of an earlier page's last item, got ${quote(after)}`,
      );
    }
  });

  it('refuses a screening cursor whose score is not a finite number, naming it', async () => {
    await loadGraph(t.db, graph().org('admin').build());
    const CANDIDATES = `query ($after: String) { screeningCandidates(after: $after) { id } }`;
    // JSON.parse reads 1e999 as Infinity: the event cursors refuse it (a safe integer), this one
    // took it as a place before every candidate.
    for (const after of ['[1e999,"c1"]', '[-1e999,"c1"]'].map((k) => Buffer.from(k).toString('base64url'))) {
      const response: GraphQLResponse = await t.api.query('admin', CANDIDATES, { after }, [
        'screening_admin',
      ]);
      expect(codes(response), after).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(quote(after));
    }
  });

  it('names a very long made-up cursor cut short, as every refusal quotes a value', async () => {
    await loadGraph(t.db, graph().org('owner').build());
    // src/domain/quote.ts: values are cut to 80 characters "so that a megabyte sent by mistake
    // does not come back"; the cursor refusal writes the whole value into the message.
    const after = 'A'.repeat(200_000);
    const response: GraphQLResponse = await t.api.query('owner', SHARE_EVENTS, { after });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    const message = response.errors![0]!.message;
    expect(message.startsWith('after must be the cursor of an earlier page\'s last item, got "AAAA')).toBe(
      true,
    );
    expect(message.length).toBeLessThan(200);
  });
});
