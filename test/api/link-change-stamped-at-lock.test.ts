// endSupplyLink and amendSupplyLink judged a link at the instant they held its lock, but dated the end,
// the successor's record and the event at the instant their request started. A change that waited for
// another write to the link was then on record before it, and an end at "now" came before the lock
// that made it. They are now dated and stamped at the instant the lock is held, as a revoke, an access
// request's answer and a disclosure's revision are (src/graph/locked-instant.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useHookedApi } from '../support/hooked-executor.ts';

const t = useHookedApi();
const ADMIN = ['supplier_admin'] as const;

// buyer <- brand: the buyer's own link from brand.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('buyer', 'PURCHASER').org('brand', 'BRAND').link('brand', 'buyer', { id: 'b>x' }).build(),
  );
});

type Event = { action: string; at: string };
const EVENTS = `{ supplyLinkEvents { action at } }`;

/** Runs `mutation` while another transaction holds the link's lock; answers it and when the lock was let go. */
async function behindTheLock(mutation: string): Promise<{ answer: GraphQLResponse; released: number }> {
  const session = t.db.driver.session();
  const tx = await session.beginTransaction();
  await tx.run(`MATCH ()-[l:SUPPLIES {id: 'b>x'}]->() SET l._lock = true REMOVE l._lock`);
  const pending = t.api.query('buyer', mutation, {}, [...ADMIN]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const released = Date.now();
  await tx.commit();
  await session.close();
  return { answer: await pending, released };
}

const eventAt = async (action: string) => {
  const events = ok<Event[]>(await t.api.query('buyer', EVENTS), 'supplyLinkEvents');
  const event = events.find((e) => e.action === action);
  expect(event, JSON.stringify(events)).toBeDefined();
  return new Date(event!.at).getTime();
};

describe('a change to a link that waited for its lock', () => {
  it('ends it at the instant it held the lock, and records the end then', async () => {
    const { answer, released } = await behindTheLock(`mutation { endSupplyLink(id: "b>x") { validTo } }`);
    const validTo = new Date(ok<{ validTo: string }>(answer, 'endSupplyLink').validTo).getTime();
    expect(validTo).toBeGreaterThanOrEqual(released);
    expect(await eventAt('ENDED')).toBe(validTo);
  });

  it('amends it at the instant it held the lock: the end, the successor and the event', async () => {
    const { answer, released } = await behindTheLock(
      `mutation { amendSupplyLink(id: "b>x", products: ["laptops"]) { id validFrom } }`,
    );
    const successor = ok<{ id: string; validFrom: string | null }>(answer, 'amendSupplyLink');
    const at = await eventAt('AMENDED');
    expect(at).toBeGreaterThanOrEqual(released);
    const ended = ok<{ validTo: string | null }[]>(
      await t.api.query('buyer', `{ ownSupplyLinks(includeEnded: true) { id validTo } }`),
      'ownSupplyLinks',
    );
    expect(ended).toContainEqual({ id: 'b>x', validTo: new Date(at).toISOString() });
    expect(successor.id).not.toBe('b>x');
  });
});
