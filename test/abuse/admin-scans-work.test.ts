// Two statements of the platform's own tools must cost what their answer touches, not the size of the
// store (their callers may read everything, so nothing hidden is told; this is about scale):
// - screening.candidates (src/modules/screening/screening-review-repository.ts) pages the review queue
//   through the screening_candidate_status index on (status, score), in score order: a page of 10
//   reads about 10 candidates, not every candidate ever kept, whatever its status.
// - merge.check (src/modules/merging/merge-repository.ts) reads the shares and access requests between
//   the two organizations from their two ends, inside the merge's write transaction; an OR of the ends
//   was planned as scans of every share and request in the store.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import '../../src/modules/merging/merge-repository.ts';
import '../../src/modules/screening/screening-review-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';
import { OVERLAPPING_SCOPES } from '../../src/domain/access-requests.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  // k and m are to be merged; m supplies k and shares with it. h and o are strangers to both.
  await loadGraph(
    db,
    graph()
      .org('k', 'BRAND')
      .org('m', 'BRAND')
      .org('h', 'FACTORY')
      .org('o', 'PURCHASER')
      .link('m', 'k')
      .share('m', 'k')
      .build(),
  );
  await addPending(12);
  await addElsewhere(5);
});

afterAll(async () => {
  await db?.close();
});

/** `count` pending candidates about o, scores 0.9 down. */
const addPending = (count: number) =>
  db.driver.executeQuery(
    `MATCH (o:Organization {id: 'o'})
     UNWIND range(1, $count) AS i
     CREATE (:ScreeningCandidate {id: 'pending-' + i, status: 'PENDING', score: 0.9 - i / 1000.0, source: 'list',
                                  createdAt: datetime(), observedAt: datetime()})-[:ABOUT]->(o)`,
    { count: neo4j.int(count) },
  );

/** `count` candidates already rejected, and as many shares and access requests between h and o. */
const addElsewhere = (count: number) =>
  db.driver.executeQuery(
    `MATCH (h:Organization {id: 'h'}), (o:Organization {id: 'o'})
     UNWIND range(1, $count) AS i
     CREATE (:ScreeningCandidate {id: 'rejected-' + randomUUID(), status: 'REJECTED', score: 0.95, source: 'list',
                                  createdAt: datetime(), observedAt: datetime()})-[:ABOUT]->(o)
     CREATE (h)-[:GRANTED]->(:Share {id: 'h-o-' + randomUUID(), scope: 'SOURCING', createdAt: datetime()})-[:TO]->(o)
     CREATE (o)-[:REQUESTED]->(:AccessRequest {id: 'o-h-' + randomUUID(), scope: 'SOURCING', status: 'OPEN',
                                               sentAt: datetime(), dueAt: datetime(), extended: false})-[:OF]->(h)`,
    { count: neo4j.int(count) },
  );

async function ask(name: string, params: Record<string, unknown>) {
  for (let i = 0; i < 3; i++) await profiled(db, name, params); // plans outside the measurement
  return profiled(db, name, params);
}

const rows = (r: Awaited<ReturnType<typeof ask>>) =>
  r.records.map((record) => JSON.stringify(record.toObject()));

it('screening.candidates: a page of 10 pending candidates costs what it reads, not every candidate kept', async () => {
  const params = { status: 'PENDING', after: null, limit: neo4j.int(10) };
  const few = await ask('screening.candidates', params);
  await addElsewhere(100);
  const many = await ask('screening.candidates', params);
  expect(rows(few)).toHaveLength(10);
  expect(rows(many)).toEqual(rows(few));
  // Measured on the bundled Neo4j 5.26: +200 db hits for 100 more rejected candidates.
  expect(many.hits, `${few.plan}\n---\n${many.plan}`).toBe(few.hits);
});

it('merge.check: shares and requests between two other organizations cost the check nothing', async () => {
  const params = { keep: 'k', merge: 'm', overlapping: OVERLAPPING_SCOPES };
  const few = await ask('merge.check', params);
  await addElsewhere(100);
  const many = await ask('merge.check', params);
  expect(few.records[0]?.get('sharesBetween')).toHaveLength(1);
  expect(rows(many)).toEqual(rows(few));
  // Measured on the bundled Neo4j 5.26: +200 db hits for 100 more of each.
  expect(many.hits, `${few.plan}\n---\n${many.plan}`).toBe(few.hits);
});
