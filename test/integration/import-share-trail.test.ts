// The trail an import records for a share whose record carries none follows the record on each import.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-share-trail-'));
let fileNo = 0;
const importDocument = (document: unknown, reset = false) => {
  const path = join(dir, `file-${fileNo++}.json`);
  writeFileSync(path, JSON.stringify(document));
  return importGraph(fileSource(path), db.imports, { origin: TEST_ORIGIN, reset, settleMs: 0 });
};
const base = () =>
  graph()
    .org('p', 'PURCHASER')
    .org('r', 'RESELLER')
    .org('b', 'BRAND', { country: 'US' })
    .link('r', 'p')
    .link('b', 'r')
    .share('r', 'p', { linkIds: ['b>r'] });

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await loadGraph(db, graph().build());
});

const trail = async () => {
  const { records } = await db.driver.executeQuery(
    `MATCH (e:ShareEvent)-[:OF]->(:Share {id: 'r=>p#0'})
     RETURN e.action AS action, toString(e.at) AS at ORDER BY e.at, e.action`,
  );
  return records.map((r) => r.toObject());
};

describe('an imported share without a trail', () => {
  it('a later import that revokes it records the REVOKED its state now shows (as a request record’s trail follows it)', async () => {
    const active = base().build();
    active.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    expect((await importDocument(active, true)).ok).toBe(true);
    expect(await trail()).toEqual([{ action: 'GRANTED', at: '2020-01-01T00:00:00Z' }]);
    const revoked = base().build();
    revoked.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    revoked.shares[0]!.revokedAt = '2021-01-01T00:00:00Z';
    expect((await importDocument(revoked)).ok).toBe(true);
    const { records } = await db.driver.executeQuery(
      `MATCH (s:Share {id: 'r=>p#0'}) RETURN toString(s.revokedAt) AS revokedAt`,
    );
    expect(records[0]!.get('revokedAt')).toBe('2021-01-01T00:00:00Z');
    // The share is revoked, and its history says it was granted and never revoked.
    expect(await trail()).toEqual([
      { action: 'GRANTED', at: '2020-01-01T00:00:00Z' },
      { action: 'REVOKED', at: '2021-01-01T00:00:00Z' },
    ]);
  });

  it('a later import that moves it to another owner records the grant for its new owner, not the former one (no party of it now)', async () => {
    const first = base().build();
    first.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    expect((await importDocument(first, true)).ok).toBe(true);
    const moved = base().build();
    moved.shares[0] = {
      id: 'r=>p#0',
      owner: 'p',
      recipient: 'b',
      linkIds: ['r>p'],
      createdAt: '2020-01-01T00:00:00Z',
    };
    expect((await importDocument(moved)).ok).toBe(true);
    const { records } = await db.driver.executeQuery(
      `MATCH (owner)-[:GRANTED]->(s:Share {id: 'r=>p#0'})<-[:OF]-(e:ShareEvent)
       RETURN owner.id AS owner, e.actorOrganizationId AS actor`,
    );
    expect(records.map((r) => r.toObject())).toEqual([{ owner: 'p', actor: 'p' }]);
  });
});
