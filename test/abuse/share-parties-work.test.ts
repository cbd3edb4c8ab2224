// share.parties and accessRequest.parties (src/modules/sharing/share-repository.ts,
// src/modules/access-requests/access-request-repository.ts) gather the viewer's parties from its own
// side once. A test per id from the party's side was planned as a walk of every share the party had
// received, from anybody, so the work of v's list of shares (each Share.owner / Share.recipient goes
// through this loader) grew with shares v's partner received from organizations v knows nothing of
// (rule 6: "the work then depends on V alone"). PROFILE db hits, as the other *-work tests here.
//
// a is made dense (more than Neo4j's 50 relationships) before the first measurement, so that what is
// compared is the planned expansion, not the record store's walk of a small node's relationship chain.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/sharing/share-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  // v buys from a; a shares its sourcing with v and v shares its own with a. o is a stranger to v.
  await loadGraph(db, viewerChain().share('a', 'v').share('v', 'a').org('o', 'PURCHASER').build());
  await addSharesFromOtherToA(60);
});

afterAll(async () => {
  await db?.close();
});

/** `count` shares o -> a: shares between a and an organization v knows nothing of. */
const addSharesFromOtherToA = (count: number) =>
  db.driver.executeQuery(
    `MATCH (o:Organization {id: 'o'}), (a:Organization {id: 'a'})
     UNWIND range(1, $count) AS i
     CREATE (o)-[:GRANTED]->(:Share {id: 'o-a-' + randomUUID(), scope: 'SOURCING', createdAt: datetime()})-[:TO]->(a)`,
    { count: neo4j.int(count) },
  );

const params = () => ({
  viewer: 'v',
  t: toNeo4jDateTime(new Date()),
  historical: false,
  product: null,
  ids: ['v', 'a'],
});

async function ask() {
  for (let i = 0; i < 3; i++) await profiled(db, 'share.parties', params()); // plans outside the measurement
  return profiled(db, 'share.parties', params());
}

it("shares that v's partner received from others cost v's share parties nothing", async () => {
  const few = await ask();
  await addSharesFromOtherToA(100);
  const many = await ask();
  const rows = (r: typeof few) => r.records.map((record) => JSON.stringify(record.toObject()));
  expect(rows(few)).toHaveLength(2);
  expect(rows(many)).toEqual(rows(few));
  // Measured on the bundled Neo4j 5.26: +600 db hits for 100 more shares o -> a.
  expect(many.hits, `${few.plan}\n---\n${many.plan}`).toBe(few.hits);
});
