// Shares between two other organizations do not exist for the viewer, so they cost its share trail
// (share.events) nothing: when they did (an OR of the two ends' ids was planned as a scan of every
// share), the viewer could tell how many shares others have. PROFILE db hits, as the other tests here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import '../../src/modules/sharing/share-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;

/** Shares from h to o (neither is v's), each with its GRANTED event. */
const addHiddenShares = (from: number, to: number) =>
  db.driver.executeQuery(
    `MATCH (h:Organization {id: 'h'}), (o:Organization {id: 'o'})
     UNWIND range($from, $to) AS i
     CREATE (h)-[:GRANTED]->(s:Share {id: 'hidden-' + i, scope: 'SOURCING', createdAt: datetime()})-[:TO]->(o)
     CREATE (:ShareEvent {action: 'GRANTED', at: datetime(), actorUserId: 'u', actorOrganizationId: 'h'})-[:OF]->(s)`,
    { from: neo4j.int(from), to: neo4j.int(to) },
  );

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, viewerChain().org('o', 'PURCHASER').org('h', 'BRAND').build());
  // v's own share to a, with its event.
  await db.driver.executeQuery(
    `MATCH (v:Organization {id: 'v'}), (a:Organization {id: 'a'})
     CREATE (v)-[:GRANTED]->(s:Share {id: 'own', scope: 'SOURCING', createdAt: datetime()})-[:TO]->(a)
     CREATE (:ShareEvent {action: 'GRANTED', at: datetime(), actorUserId: 'u', actorOrganizationId: 'v'})-[:OF]->(s)`,
  );
  await addHiddenShares(1, 5);
});

afterAll(async () => {
  await db?.close();
});

it("shareEvents: shares between two other organizations cost the viewer's trail nothing", async () => {
  const ask = async () => {
    const params = { org: 'v', after: null, size: neo4j.int(100) };
    for (let i = 0; i < 3; i++) await profiled(db, 'share.events', params); // plans outside the measurement
    return profiled(db, 'share.events', params);
  };
  const few = await ask();
  await addHiddenShares(6, 105);
  const many = await ask();
  expect(few.records).toHaveLength(1);
  expect(many.records).toHaveLength(1);
  // Measured on the bundled Neo4j 5.26: the hits grow with the hidden shares (5 -> 105 of them).
  expect(many.hits, `${few.plan}\n---\n${many.plan}`).toBe(few.hits);
});
