// The tier step of the chain walk (tierWalk in src/graph/visibility-cypher.ts, shared by supplyChain,
// exposure, the risk assessment and paths) reads only disclosed links: every link into an open
// organization (v, a whole share's owner), and of a partial share's owner only the links its share
// names. For an organization that shares nothing with the viewer (b below) none of its supplier links
// can be disclosed, and for a partial share's owner (p) only the links its share names: the rest do
// not exist for the viewer, and must cost its query nothing, or the work of v's own chain would tell
// v how many suppliers the organizations at its edge have (rule 6: "the work then depends on V
// alone"; docs/data-model.md: "the cost follows the disclosed links crossed"). PROFILE db hits, as
// the other *-work tests here.
//
// b and p are made dense (more than Neo4j's 50 relationships) before the first measurement, so that
// what is compared is the planned expansion, not the record store's walk of a small node's whole
// relationship chain.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_DAYS } from '../../src/domain/access-requests.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/exposure/exposure-repository.ts';
import '../../src/modules/risk/risk-repository.ts';
import '../../src/modules/supply-chain/supply-chain-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;
const DEPTH = 4;

beforeAll(async () => {
  db = await openTestDatabase();
  // v <- a <- b: a shares all of its sourcing with v, b shares nothing. v <- p <- q: p shares only q>p.
  await loadGraph(
    db,
    viewerChain()
      .share('a', 'v')
      .org('p', 'RESELLER')
      .org('q', 'FACTORY')
      .link('p', 'v')
      .link('q', 'p')
      .share('p', 'v', { linkIds: ['q>p'] })
      .build(),
  );
  await addHiddenSuppliers('b', 60);
  await addHiddenSuppliers('p', 60);
});

afterAll(async () => {
  await db?.close();
});

/** `count` new factories supplying `customer`: links no share discloses to v. */
const addHiddenSuppliers = (customer: string, count: number) =>
  db.driver.executeQuery(
    `MATCH (c:Organization {id: $customer})
     UNWIND range(1, $count) AS i
     CREATE (c)<-[:SUPPLIES {id: $customer + '-hidden-' + randomUUID(), products: [], recordedAt: datetime()}]-
            (:Organization {id: $customer + '-s-' + randomUUID(), name: 'Hidden', type: 'FACTORY', country: 'SE'})`,
    { customer, count: neo4j.int(count) },
  );

const scope = () => ({ viewer: 'v', t: toNeo4jDateTime(new Date()), historical: false, product: null });

const STATEMENTS: [string, () => Record<string, unknown>][] = [
  [
    `visibility.supplyChain.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', organizationDetail: true, linkDetail: 'full' }),
  ],
  [
    `analysis.exposure.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', depth: DEPTH, topics: null, answerDays: ANSWER_DAYS }),
  ],
  [
    `analysis.risk.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', depth: DEPTH, organizationDetail: true, answerDays: ANSWER_DAYS }),
  ],
  [`analysis.paths.depth${DEPTH}`, () => ({ ...scope(), root: 'v', toId: 'b' })],
];

/** db hits and rows of each statement, each planned outside the measurement. */
async function measure(): Promise<Record<string, { hits: number; rows: unknown[]; plan: string }>> {
  const out: Record<string, { hits: number; rows: unknown[]; plan: string }> = {};
  for (const [name, params] of STATEMENTS) {
    for (let i = 0; i < 3; i++) await profiled(db, name, params());
    const { hits, records, plan } = await profiled(db, name, params());
    out[name] = { hits, rows: records.map((r) => JSON.stringify(r.toObject())), plan };
  }
  return out;
}

describe("suppliers that no share discloses cost the viewer's chain nothing", () => {
  it.each(['b', 'p'])(
    "more undisclosed suppliers of %s leave the work of v's chain, exposure, risk assessment and paths as it was",
    async (customer) => {
      const few = await measure();
      await addHiddenSuppliers(customer, 100);
      const many = await measure();
      for (const [name] of STATEMENTS) {
        // The answers do not change: the links are not disclosed to v.
        expect(many[name]!.rows, name).toEqual(few[name]!.rows);
      }
      const hits = (m: typeof few) => Object.fromEntries(STATEMENTS.map(([name]) => [name, m[name]!.hits]));
      const plans = STATEMENTS.map(([name]) => `${name}\n${few[name]!.plan}\n---\n${many[name]!.plan}`).join(
        '\n\n',
      );
      // Measured on the bundled Neo4j 5.26: +100 db hits each (exposure +200) for 100 more suppliers.
      expect(hits(many), plans).toEqual(hits(few));
    },
  );
});
