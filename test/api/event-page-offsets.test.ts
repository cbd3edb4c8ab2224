// Audit trails paged one event at a time read every event once, in the order of a whole page, when
// events share an instant written in different offsets (an import keeps each file's offset, and
// Neo4j's `=` on such DateTimes is false) and when they share instant, share and action; and a cursor
// of another trail or another viewer only picks a place in the viewer's own trail.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const PAGE = `query($first: Int!, $after: String) { shareEvents(first: $first, after: $after) {
  cursor action at share { id } } }`;
const LINK_PAGE = `query($after: String) { supplyLinkEvents(first: 5, after: $after) { cursor } }`;
type Event = { cursor: string; action: string; at: string; share: { id: string } };

const event = (action: 'GRANTED' | 'REVOKED', at: string) => ({
  action,
  at,
  actorUserId: 'u@factory',
  actorOrganizationId: 'factory',
});

beforeEach(async () => {
  const builder = graph().org('brand', 'BRAND').org('factory', 'FACTORY').org('other', 'BRAND');
  builder.link('factory', 'brand').link('factory', 'other');
  // Three shares granted at one instant written three ways, and two with two GRANTED events each at one
  // instant (nothing but the key tells them apart).
  const same = ['2024-03-01T10:00:00Z', '2024-03-01T12:00:00+02:00', '2024-03-01T05:00:00-05:00'];
  same.forEach((at, i) =>
    builder.share('factory', 'brand', { id: `s${i}`, createdAt: at, events: [event('GRANTED', at)] }),
  );
  for (const id of ['t0', 't1'])
    builder.share('factory', 'other', {
      id,
      createdAt: '2024-03-01T10:00:00Z',
      events: [event('GRANTED', '2024-03-01T10:00:00Z'), event('GRANTED', '2024-03-01T11:00:00+01:00')],
    });
  await loadGraph(t.db, builder.build());
});

const page = async (viewer: string, first: number, after?: string) =>
  ok<Event[]>(
    await t.api.query(viewer, PAGE, after === undefined ? { first } : { first, after }),
    'shareEvents',
  );

async function oneByOne(viewer: string): Promise<Event[]> {
  const all: Event[] = [];
  for (let after: string | undefined; ;) {
    const [next] = await page(viewer, 1, after);
    if (next === undefined) return all;
    all.push(next);
    after = next.cursor;
    if (all.length > 50) throw new Error('paging does not end');
  }
}

describe('an audit trail paged one event at a time', () => {
  it('reads each event once, in the order of one whole page, whatever offsets the instants were written in', async () => {
    const whole = await page('factory', 100);
    expect(whole).toHaveLength(7);
    expect(new Set(whole.map((e) => e.cursor)).size).toBe(7);
    expect((await oneByOne('factory')).map((e) => e.cursor)).toEqual(whole.map((e) => e.cursor));
  });

  it("takes another viewer's cursor or one of another trail as a place in its own, and a made-up one by name", async () => {
    const brands = await page('brand', 100);
    const after = brands.at(-1)!.cursor;
    const placed = await page('other', 100, after);
    const own = await page('other', 100);
    // Only events of other's own trail, those after that place.
    expect(placed.every((e) => own.some((o) => o.cursor === e.cursor))).toBe(true);
    const linkCursor = await t.api.query('factory', LINK_PAGE, { after });
    expect(linkCursor.errors).toBeUndefined();
    for (const bad of [
      '!!' + after,
      'W10',
      Buffer.from('["2024-13-01T00:00:00Z","a","b","c"]').toString('base64url'),
      'x'.repeat(5000),
    ]) {
      const refused = await t.api.query('factory', PAGE, { first: 1, after: bad });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
