// Rule 6 for the disclosures of organizations an answer holds (Organization.disclosures and
// publishedDisclosures, exposure's disclosed indicators, the risk assessment's disclosed evidence): what
// the viewer may not see must cost it nothing. Three things are hidden from v here, and each once showed
// in Neo4j's count of the work (PROFILE db hits) of v's own answers:
// - how many other customers its visible supplier q has (rule 5: "never other customers of its
//   suppliers"): the subject's rule 5 was asked of q's own links (+5 db hits per other customer);
// - how many organizations q shares its sourcing with (+6 per share), asked of q's own shares;
// - how many organizations the publisher p shares its disclosures with (about +9 per share, in each of
//   the statements below): whether a disclosure is shared with v was asked of the publisher's own
//   shares, row by row.
// The nodes are made dense (more than Neo4j's 50 relationships) before the first measurement, so that
// what is compared is the planned expansion, not the record store's walk of a small node's whole chain.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_DAYS } from '../../src/domain/access-requests.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/disclosures/disclosure-repository.ts';
import '../../src/modules/exposure/exposure-repository.ts';
import '../../src/modules/risk/risk-repository.ts';
import '../../src/modules/supply-chain/supply-chain-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { correctiveAction, graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;
const DEPTH = 4;

beforeAll(async () => {
  db = await openTestDatabase();
  // v <- p <- q: p shares only q>p with v, and all its disclosures; p published an audit of q with an
  // open HIGH action (a disclosed indicator), and a self-assessment.
  await loadGraph(
    db,
    graph()
      .org('v', 'PURCHASER')
      .org('p', 'BRAND')
      .org('q', 'FACTORY')
      .link('p', 'v')
      .link('q', 'p')
      .share('p', 'v', { linkIds: ['q>p'] })
      .share('p', 'v', { scope: 'DISCLOSURES' })
      .disclosure('p', 'q', { id: 'dq', kind: 'AUDIT_REPORT', actions: [correctiveAction('2099-01-01')] })
      .disclosure('p', 'p', { id: 'dp' })
      .org('r', 'BRAND')
      .share('r', 'v', { scope: 'DISCLOSURES', disclosureIds: ['dr'] })
      .disclosure('r', 'r', { id: 'dr' })
      .build(),
  );
  await addHiddenCustomers('q', 60);
  await addHiddenShares('q', 60, 'SOURCING');
  await addHiddenShares('p', 60, 'DISCLOSURES');
  await addHiddenDisclosures('r', 60);
});

afterAll(async () => {
  await db?.close();
});

/** `count` new brands that `supplier` supplies: links no share discloses to v. */
const addHiddenCustomers = (supplier: string, count: number) =>
  db.driver.executeQuery(
    `MATCH (s:Organization {id: $supplier})
     UNWIND range(1, $count) AS i
     CREATE (s)-[:SUPPLIES {id: $supplier + '-hidden-' + randomUUID(), products: [], recordedAt: datetime()}]->
            (:Organization {id: $supplier + '-c-' + randomUUID(), name: 'Hidden', type: 'BRAND', country: 'SE'})`,
    { supplier, count: neo4j.int(count) },
  );

/** `count` active shares of `owner` (all of its sourcing or disclosures) to new organizations. */
const addHiddenShares = (owner: string, count: number, scope: 'SOURCING' | 'DISCLOSURES') =>
  db.driver.executeQuery(
    `MATCH (o:Organization {id: $owner})
     UNWIND range(1, $count) AS i
     CREATE (o)-[:GRANTED]->(:Share {id: 'hidden-' + randomUUID(), scope: $scope, createdAt: datetime()})-[:TO]->
            (:Organization {id: $owner + '-r-' + randomUUID(), name: 'Hidden', type: 'BRAND', country: 'SE'})`,
    { owner, count: neo4j.int(count), scope },
  );

/** `count` disclosures of `owner` about new suppliers of its own, which it shares with nobody. */
const addHiddenDisclosures = (owner: string, count: number) =>
  db.driver.executeQuery(
    `MATCH (o:Organization {id: $owner})
     UNWIND range(1, $count) AS i
     CREATE (o)<-[:SUPPLIES {id: $owner + '-hidden-' + randomUUID(), products: [], recordedAt: datetime()}]-
            (s:Organization:DisclosureSubject {id: $owner + '-s-' + randomUUID(), name: 'Hidden', type: 'FACTORY', country: 'SE'})
     CREATE (o)-[:PUBLISHED]->(d:Disclosure {id: 'hidden-' + randomUUID(), kind: 'SELF_ASSESSMENT',
                                             publishedAt: datetime(), version: 1})-[:ABOUT]->(s)
     CREATE (d)-[:VERSION]->(:DisclosureVersion {version: 1, recordedAt: datetime(), title: 'Hidden',
                                                 products: [], issuedAt: datetime()})`,
    { owner, count: neo4j.int(count) },
  );

const scope = () => ({ viewer: 'v', t: toNeo4jDateTime(new Date()), historical: false, product: null });

const STATEMENTS: [string, () => Record<string, unknown>][] = [
  ['disclosure.about', () => ({ ...scope(), kind: null, ids: ['q', 'p', 'r'] })],
  ['disclosure.publishedBy', () => ({ ...scope(), kind: null, ids: ['p', 'r'] })],
  ['disclosure.received', () => ({ ...scope(), kind: null })],
  ['disclosure.byIds', () => ({ ...scope(), ids: ['dq', 'dr'] })],
  [
    `visibility.supplyChain.withDisclosures.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', organizationDetail: true, linkDetail: 'full', kind: null }),
  ],
  [
    `analysis.exposure.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', depth: DEPTH, topics: null, answerDays: ANSWER_DAYS }),
  ],
  [
    `analysis.risk.depth${DEPTH}`,
    () => ({ ...scope(), root: 'v', depth: DEPTH, organizationDetail: true, answerDays: ANSWER_DAYS }),
  ],
];

/** db hits and rows of each statement, each planned outside the measurement. */
async function measure(): Promise<Record<string, { hits: number; rows: string[]; plan: string }>> {
  const out: Record<string, { hits: number; rows: string[]; plan: string }> = {};
  for (const [name, params] of STATEMENTS) {
    for (let i = 0; i < 3; i++) await profiled(db, name, params(), { keepPlan: true });
    const { hits, records, plan } = await profiled(db, name, params(), { keepPlan: true });
    out[name] = { hits, rows: records.map((r) => JSON.stringify(r.toObject())), plan };
  }
  return out;
}

describe("what others were shown costs v's answers about q, p and r nothing", () => {
  it.each([
    ['more customers of q', () => addHiddenCustomers('q', 100), []],
    ['more sourcing shares of q to others', () => addHiddenShares('q', 100, 'SOURCING'), []],
    ['more disclosure shares of p to others', () => addHiddenShares('p', 100, 'DISCLOSURES'), []],
    // The disclosures r published are read and tested by r's publishedDisclosures, as documented
    // (docs/specification.md, rule 8: the disclosures by an organization an answer holds).
    [
      'more disclosures of r that its share to v does not name',
      () => addHiddenDisclosures('r', 100),
      ['disclosure.publishedBy'],
    ],
  ])(
    '%s leave the work of v’s answers as it was',
    async (_what, add, reading) => {
      const few = await measure();
      // v sees the disclosures about q, p and r (and exposure the audit of q) in every answer.
      expect(few['disclosure.about']!.rows).toHaveLength(3);
      expect(few['disclosure.publishedBy']!.rows).toHaveLength(3);
      expect(few[`analysis.exposure.depth${DEPTH}`]!.rows[0]).toContain('"disclosureId":"dq"');
      await add();
      const many = await measure();
      for (const [name] of STATEMENTS) expect(many[name]!.rows, name).toEqual(few[name]!.rows);
      const hits = (m: typeof few) =>
        Object.fromEntries(
          STATEMENTS.filter(([name]) => !reading.includes(name)).map(([name]) => [name, m[name]!.hits]),
        );
      const plans = STATEMENTS.map(([name]) => `${name}\n${few[name]!.plan}\n---\n${many[name]!.plan}`).join(
        '\n\n',
      );
      expect(hits(many), plans).toEqual(hits(few));
    },
    // Planning eight statements at depth 4 takes most of it: over a minute beside other files.
    300_000,
  );
});
