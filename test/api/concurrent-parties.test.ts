// Races between different organizations' writes (two listings with one osId, a merge and a write of
// the merged organization), and a backup of a store that a race left behind, from a concurrency review
// (December 2026). Each race is repeated in one test; a test fails when any round leaves wrong state.
import { describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { publishThenRaceUpdates } from '../support/raced-updates.ts';
import { backupAndRestore } from '../support/backup.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const ROUNDS = 15;

const rows = (cypher: string, params: Record<string, unknown> = {}) => rowsOf(t.db, cypher, params);

const SET_LISTING = `mutation($listed: Boolean!, $osId: String) {
  setListing(listed: $listed, osId: $osId) { organization { id osId } listed } }`;

describe('setListing by two organizations with one osId at once', () => {
  it('lists exactly one of them with it ("an osId that another listed organization has is refused")', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await loadGraph(t.db, graph().org('f1', 'FACTORY').org('f2', 'FACTORY').build());
      const osId = `CN2024${String(round).padStart(3, '0')}ABCDEF`;
      const answers = await Promise.all(
        ['f1', 'f2'].map((org) => t.api.query(org, SET_LISTING, { listed: true, osId }, [...ADMIN])),
      );
      const listed = await rows(
        `MATCH (o:Organization) WHERE o.listed = true AND o.osId = $osId RETURN o.id AS id`,
        { osId },
      );
      if (listed.length !== 1)
        failures.push(
          `round ${round}: ${listed.map((l) => l['id']).join(', ')} listed with ${osId} (${answers.map((a) => a.errors?.[0]?.message ?? 'ok').join(' / ')})`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});

const DECLARE_NEW = `mutation($newSupplier: NewSupplierInput) {
  declareSupplyLink(newSupplier: $newSupplier) { id } }`;

describe('a listing of an osId, and writes that test it is free, at once', () => {
  it('setListing and a declaration of a new supplier with that osId wait for the listing, then refuse it', async () => {
    await loadGraph(t.db, graph().org('f1', 'FACTORY').org('f2', 'FACTORY').org('b', 'BRAND').build());
    const osId = 'CN2024777ABCDEF';
    // f1 lists the osId in a transaction held open: what setListing does between its lock and its commit.
    const session = t.db.driver.session();
    const listing = await session.beginTransaction();
    try {
      await listing.run(
        `MERGE (lock:TiersightLock {id: 'listed-os-id'}) SET lock._lock = true REMOVE lock._lock`,
      );
      await listing.run(`MATCH (o:Organization {id: 'f1'}) SET o.listed = true, o.osId = $osId`, { osId });
      const settled: string[] = [];
      const raced = [
        t.api.query('f2', SET_LISTING, { listed: true, osId }, [...ADMIN]),
        t.api.query(
          'b',
          DECLARE_NEW,
          { newSupplier: { name: 'F1 again', type: 'FACTORY', country: 'CN', osId } },
          [...ADMIN],
        ),
      ].map((answer, i) => answer.finally(() => settled.push(String(i))));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled, 'answered while the listing was not committed').toEqual([]);
      await listing.commit();
      const [listed, declared] = await Promise.all(raced);
      expect(codes(listed!)).toEqual(['BAD_USER_INPUT']);
      expect(listed!.errors?.[0]?.message).toContain(
        `osId "${osId}" is already on the card of listed organization "f1"`,
      );
      expect(codes(declared!)).toEqual(['BAD_USER_INPUT']);
      expect(declared!.errors?.[0]?.message).toContain(`Open Supply Hub id of listed organization "f1"`);
      expect(await rows(`MATCH (o:Organization {osId: $osId}) RETURN o.id AS id`, { osId })).toEqual([
        { id: 'f1' },
      ]);
    } finally {
      await session.close();
    }
  });
});

const DECLARE = `mutation($s: ID!) { declareSupplyLink(supplierId: $s) { id } }`;

/** `tiersight export` then `tiersight import --reset` of the file: the restore a backup promises. */
const roundTrip = () => backupAndRestore(t.db);

describe('a backup after two updateDisclosure at once', () => {
  it('imports back (export writes what import accepts)', async () => {
    await loadGraph(t.db, graph().org('buyer', 'PURCHASER').build());
    let disorder = false;
    for (let round = 0; round < 20 && !disorder; round++) {
      const d = { id: await publishThenRaceUpdates(t.api, 'buyer') };
      const [row] = await rows(
        `MATCH (d:Disclosure {id: $id})-[:VERSION]->(dv) WITH dv ORDER BY dv.version
         WITH collect(dv.recordedAt.epochMillis) AS at
         RETURN any(i IN range(1, size(at) - 1) WHERE at[i] < at[i - 1]) AS disorder`,
        { id: d.id },
      );
      disorder = row!['disorder'] === true;
    }
    // Whether or not the race hit this time, the store must export to a file that imports back.
    expect(await roundTrip()).toEqual([]);
  });
});

const AMEND = `mutation($id: ID!, $products: [String!]) { amendSupplyLink(id: $id, products: $products) { id } }`;

// A guard: the amend race's state (concurrent-writes.test.ts) still exports and imports back.
describe('a backup after two amendSupplyLink of one link at once', () => {
  it('imports back', async () => {
    await loadGraph(
      t.db,
      graph().org('buyer', 'PURCHASER').org('maker', 'MANUFACTURER').link('maker', 'buyer').build(),
    );
    for (let round = 0; round < 10; round++) {
      const link = ok<{ id: string }>(
        await t.api.query('buyer', DECLARE, { s: 'maker' }, [...ADMIN]),
        'declareSupplyLink',
      );
      await Promise.all(
        [['monitors'], ['docks']].map((products) =>
          t.api.query('buyer', AMEND, { id: link.id, products }, [...ADMIN]),
        ),
      );
    }
    expect(await roundTrip()).toEqual([]);
  });
});
