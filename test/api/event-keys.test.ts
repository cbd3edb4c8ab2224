// An audit trail's cursor breaks ties by the event's own random key, never by its Neo4j element id,
// which counts the store's records: paging its own trail, a client read how many records everybody
// else had written in between. Migration 021 gives a key to each event written before it.
import { describe, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const SHARE_EVENTS = `query($after: String) { shareEvents(first: 1, after: $after) { cursor action } }`;
const LINK_EVENTS = `query($after: String) { supplyLinkEvents(first: 1, after: $after) { cursor action } }`;

/** The trail read one event a page, with the key each cursor carries last. */
async function pagedKeys(query: string, field: string) {
  const pages: { key: unknown; action: string }[] = [];
  for (let after: string | undefined; ;) {
    const [event] = ok<{ cursor: string; action: string }[]>(
      await t.api.query('factory', query, after === undefined ? {} : { after }),
      field,
    );
    if (event === undefined) return pages;
    const parts = JSON.parse(Buffer.from(event.cursor, 'base64url').toString('utf8')) as unknown[];
    pages.push({ key: parts.at(-1), action: event.action });
    after = event.cursor;
  }
}

/** Writes a share granted and revoked, and a declared and amended link, through the API. */
async function writeTrails() {
  await loadGraph(
    t.db,
    graph().org('brand', 'BRAND').org('factory', 'FACTORY').link('factory', 'brand').build(),
  );
  const as = (query: string, variables: Record<string, unknown>) =>
    t.api.query('factory', query, variables, [...ADMIN]);
  const share = ok<{ id: string }>(
    await as(`mutation { shareSourcing(recipientId: "brand") { id } }`, {}),
    'shareSourcing',
  );
  ok(await as(`mutation($id: ID!) { revokeShare(id: $id) { id } }`, { id: share.id }), 'revokeShare');
  const link = ok<{ id: string }>(
    await as(
      `mutation { declareSupplyLink(newSupplier: { name: "PCB Co", type: FACTORY, country: "CN" }, products: ["boards"]) { id } }`,
      {},
    ),
    'declareSupplyLink',
  );
  ok(
    await as(`mutation($id: ID!) { amendSupplyLink(id: $id, products: ["pcbs"]) { id } }`, { id: link.id }),
    'amendSupplyLink',
  );
}

const storedKeys = async () => {
  const { records } = await t.db.driver.executeQuery(
    `MATCH (e) WHERE e:ShareEvent OR e:SupplyLinkEvent RETURN e.key AS key`,
  );
  return records.map((r) => r.get('key') as unknown);
};

describe("an audit trail's cursors", () => {
  it("carry each event's random key, not its element id, on every page", async () => {
    await writeTrails();
    const shares = await pagedKeys(SHARE_EVENTS, 'shareEvents');
    const links = await pagedKeys(LINK_EVENTS, 'supplyLinkEvents');
    expect(shares.map((p) => p.action)).toEqual(['REVOKED', 'GRANTED']);
    expect(links.map((p) => p.action).sort()).toEqual(['AMENDED', 'DECLARED']);
    for (const { key } of [...shares, ...links]) expect(key).toMatch(UUID);
    expect(await storedKeys()).toHaveLength(4);
  });
});

describe('migration 021', () => {
  it('gives every event written before it a key of its own, and the trails page as before', async () => {
    await writeTrails();
    const before = await pagedKeys(SHARE_EVENTS, 'shareEvents');
    await t.db.driver.executeQuery('MATCH (e) WHERE e:ShareEvent OR e:SupplyLinkEvent REMOVE e.key');
    // One that nothing holds (the owners' pass cannot find it; the sweep after it does).
    await t.db.driver.executeQuery(
      `CREATE (:ShareEvent {action: 'GRANTED', at: datetime(), actorUserId: 'u', actorOrganizationId: 'factory'})`,
    );
    await t.db.driver.executeQuery(`MATCH (m:TiersightMigration {id: '021-event-keys'}) DELETE m`);
    expect(MIGRATIONS.some((m) => m.id === '021-event-keys')).toBe(true);
    await migrate(new Executor(t.db.driver, { transactionTimeoutMs: 60_000 }));
    const keys = await storedKeys();
    expect(keys).toHaveLength(5);
    for (const key of keys) expect(key).toMatch(UUID);
    expect(new Set(keys).size).toBe(5);
    const after = await pagedKeys(SHARE_EVENTS, 'shareEvents');
    expect(after.map((p) => p.action)).toEqual(before.map((p) => p.action));
  });
});
