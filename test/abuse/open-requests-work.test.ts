// Exposure and the risk assessment read the viewer's open access requests (OPEN_REQUESTS_OF_V in
// src/graph/access-request-cypher.ts) from v's side: their work must not grow
// with the organizations and access requests of the rest of the store, none of which v may see (rule
// 6: "the work then depends on V alone"). A pattern starting from a fresh requester compared with v
// was planned as a scan of every organization (a small store) or every REQUESTED relationship (a
// 5,000-organization one). New organizations show it, where requests between existing ones may not.
// PROFILE db hits, as the other *-work tests here.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_DAYS } from '../../src/domain/access-requests.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/exposure/exposure-repository.ts';
import '../../src/modules/risk/risk-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;
const DEPTH = 4;

beforeAll(async () => {
  db = await openTestDatabase();
  // v <- a <- b, a shares its sourcing with v; v has one open request of its own (to b), o asked h.
  const sentAt = '2024-01-01T00:00:00Z';
  await loadGraph(db, {
    ...viewerChain().share('a', 'v').org('h', 'BRAND').org('o', 'PURCHASER').build(),
    accessRequests: [
      { id: 'ar-v-b', requester: 'v', target: 'b', scope: 'SOURCING', sentAt },
      { id: 'ar-o-h', requester: 'o', target: 'h', scope: 'SOURCING', sentAt },
    ],
  });
  await addElsewhere(10);
});

afterAll(async () => {
  await db?.close();
});

/** `count` pairs of new organizations, far from v, each with an open access request between them. */
const addElsewhere = (count: number) =>
  db.driver.executeQuery(
    `UNWIND range(1, $count) AS i
     CREATE (:Organization {id: 'elsewhere-' + randomUUID(), name: 'Elsewhere', type: 'PURCHASER', country: 'SE'})
            -[:REQUESTED]->(:AccessRequest {id: 'ar-' + randomUUID(), scope: 'SOURCING', status: 'OPEN',
                                            sentAt: datetime(), dueAt: datetime() + duration({days: 30}),
                                            extended: false, products: []})
            -[:OF]->(:Organization {id: 'elsewhere-' + randomUUID(), name: 'Elsewhere', type: 'BRAND', country: 'SE'})`,
    { count: neo4j.int(count) },
  );

const scope = () => ({ viewer: 'v', t: toNeo4jDateTime(new Date()), historical: false, product: null });

const STATEMENTS: [string, () => Record<string, unknown>][] = [
  [
    `analysis.exposure.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', depth: DEPTH, topics: null, answerDays: ANSWER_DAYS }),
  ],
  [
    `analysis.risk.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', depth: DEPTH, organizationDetail: true, answerDays: ANSWER_DAYS }),
  ],
];

async function measure(): Promise<Record<string, { hits: number; openRequests: unknown; plan: string }>> {
  const out: Record<string, { hits: number; openRequests: unknown; plan: string }> = {};
  for (const [name, params] of STATEMENTS) {
    for (let i = 0; i < 3; i++) await profiled(db, name, params()); // plans outside the measurement
    const { hits, records, plan } = await profiled(db, name, params());
    out[name] = { hits, openRequests: records[0]?.get('openRequests'), plan };
  }
  return out;
}

describe("organizations and access requests elsewhere in the store cost v's exposure nothing", () => {
  it('100 more pairs of other organizations with a request between them leave the work as it was', async () => {
    const few = await measure();
    await addElsewhere(100);
    const many = await measure();
    for (const [name] of STATEMENTS) {
      expect(few[name]!.openRequests, name).toHaveLength(1); // v's own request to b, and only it
      expect(many[name]!.openRequests, name).toEqual(few[name]!.openRequests);
    }
    const hits = (m: typeof few) => Object.fromEntries(STATEMENTS.map(([name]) => [name, m[name]!.hits]));
    const plans = STATEMENTS.map(([name]) => `${name}\n${few[name]!.plan}\n---\n${many[name]!.plan}`).join(
      '\n\n',
    );
    // Measured on the bundled Neo4j 5.26: +200 db hits each (a NodeByLabelScan of Organization).
    expect(hits(many), plans).toEqual(hits(few));
  });
});
