// disclosure.sharedWith (src/modules/disclosures/disclosure-repository.ts) answers the owner from its own
// records: its disclosures, its shares and the links into it, gathered from its side. Whether its own
// link from the subject is shared must not be sought from the subject's side, where the work would
// grow with the subject's links to its other customers and their shares, which the owner may know
// nothing of (rule 6). PROFILE db hits, as the other *-work tests here.
//
// The factory is made dense (more than Neo4j's 50 relationships) before the first measurement, so that
// what is compared is the planned expansion, not the record store's walk of a small node's chain.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/disclosures/disclosure-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  // brand buys from factory, publishes about it (d-0) and itself (d-1), and shares all its
  // disclosures and the factory's link with buyer.
  await loadGraph(
    db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('buyer', 'PURCHASER')
      .link('factory', 'brand')
      .link('brand', 'buyer')
      .disclosure('brand', 'factory')
      .disclosure('brand', 'brand')
      .share('brand', 'buyer', { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null })
      .share('brand', 'buyer', { linkIds: ['factory>brand'] })
      .build(),
  );
  await addOtherCustomersOfFactory(60);
});

afterAll(async () => {
  await db?.close();
});

/**
 * `count` other customers of the factory, each sharing its sourcing (all of it) and its disclosures with
 * buyer and publishing a disclosure about the factory: nothing of brand's.
 */
const addOtherCustomersOfFactory = (count: number) =>
  db.driver.executeQuery(
    `MATCH (f:Organization {id: 'factory'}), (b:Organization {id: 'buyer'})
     UNWIND range(1, $count) AS i
     CREATE (c:Organization {id: 'other-' + randomUUID(), name: 'Other', type: 'BRAND', country: 'SE'})
     CREATE (f)-[:SUPPLIES {id: 'l-' + randomUUID(), products: []}]->(c)
     CREATE (c)-[:GRANTED]->(:Share {id: 's-' + randomUUID(), scope: 'SOURCING', createdAt: datetime()})-[:TO]->(b)
     CREATE (c)-[:GRANTED]->(:Share {id: 's-' + randomUUID(), scope: 'DISCLOSURES', createdAt: datetime()})-[:TO]->(b)
     CREATE (c)-[:PUBLISHED]->(:Disclosure {id: 'd-' + randomUUID(), kind: 'SELF_ASSESSMENT', publishedAt: datetime(), version: 1})-[:ABOUT]->(f)`,
    { count: neo4j.int(count) },
  );

const params = () => ({
  viewer: 'brand',
  t: toNeo4jDateTime(new Date()),
  historical: false,
  product: null,
  ids: ['d-0', 'd-1'],
});

async function ask() {
  for (let i = 0; i < 3; i++) await profiled(db, 'disclosure.sharedWith', params()); // plans outside the measurement
  return profiled(db, 'disclosure.sharedWith', params());
}

it("the subject's other customers and their shares cost the owner's sharedWith nothing", async () => {
  const few = await ask();
  await addOtherCustomersOfFactory(100);
  const many = await ask();
  const rows = (r: typeof few) => r.records.map((record) => JSON.stringify(record.toObject()));
  expect(rows(few)).toHaveLength(2);
  expect(rows(few).join()).toContain('"ownLinkShared":true');
  expect(rows(many)).toEqual(rows(few));
  expect(many.hits, `${few.plan}\n---\n${many.plan}`).toBe(few.hits);
});
