// The subject labels (docs/data-model.md), which let a chain's reads skip the organizations that have
// nothing to read: DisclosureSubject is on exactly the organizations some disclosure is ABOUT, and
// RiskSubject on exactly those with a public risk indicator, whatever wrote them (import, a re-import
// that moves an indicator or is refused for moving a disclosure, migrations 012 and 014; publishing, screening and merges
// are checked in their own tests); and reading the disclosures or indicators of an organization
// without any costs the same however many relationships it has (PROFILE db hits, exact on a loaded
// machine). Before the labels, ten more links on such an organization cost ten more db hits, and the
// chains' reads walked every relationship of every organization: for HAS_RISK, a fifth of the db hits
// of exposure and of the risk assessment of a 1,000-organization chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/graph/migrations.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import { scopeParams } from '../../src/graph/visibility-cypher.ts';
import '../../src/modules/disclosures/disclosure-repository.ts';
import '../../src/modules/organizations/organization-repository.ts';
import '../../src/modules/supply-chain/supply-chain-repository.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';
import { subjectsOf, type SubjectLabel } from '../support/subject-labels.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const base = () =>
  graph()
    .org('buyer', 'PURCHASER')
    .org('brand', 'BRAND')
    .org('factory', 'FACTORY')
    .org('other', 'FACTORY')
    .link('brand', 'buyer')
    .link('factory', 'brand')
    .link('other', 'brand');

/** Two more suppliers of `brand` with nothing about them: `busy` with ten suppliers, `quiet` with none. */
const busyAndQuiet = () => {
  let built = base()
    .org('busy', 'FACTORY')
    .org('quiet', 'FACTORY')
    .link('busy', 'brand')
    .link('quiet', 'brand');
  for (let i = 0; i < 10; i++) built = built.org(`s${i}`, 'FACTORY').link(`s${i}`, 'busy');
  return built;
};

/**
 * Each label with what puts an organization under it: `held(g, id, subject)` adds to graph `g` the
 * record `id` that makes `subject` hold, a second one held by `brand` that no later import moves.
 */
const LABELS: {
  label: SubjectLabel;
  migration: string;
  held: (g: ReturnType<typeof base>, id: string, subject: string) => ReturnType<typeof base>;
  /** Whether an import may move the record to another organization (a disclosure keeps its subject). */
  moves: boolean;
}[] = [
  {
    label: 'DisclosureSubject',
    migration: '012-disclosure-subjects',
    held: (g, id, subject) =>
      g
        .disclosure('brand', subject, { id })
        .disclosure('brand', 'brand', { id: 'self', withdrawnAt: '2020-01-01' }),
    moves: false,
  },
  {
    label: 'RiskSubject',
    migration: '014-risk-subjects',
    held: (g, id, subject) =>
      g.risk(subject, { id }).risk('brand', { id: 'delisted', delistedAt: '2020-01-01T00:00:00Z' }),
    moves: true,
  },
];

describe.each(LABELS)('the $label label', ({ label, migration, held, moves }) => {
  it('is on exactly the organizations it describes after an import, a move (or its refusal) and its migration', async () => {
    const subjects = () => subjectsOf(db, label);
    await loadGraph(db, held(base(), 'record', 'factory').build());
    expect(await subjects()).toEqual({ labelled: ['brand', 'factory'], holding: ['brand', 'factory'] });

    // The record now names another factory: the first one has none left, so no label. A disclosure
    // keeps its subject: the import is refused and nothing changes.
    const moved = held(base(), 'record', 'other').build();
    const outcome = await importGraph(documentSource({ ...moved }), db.imports, {
      origin: TEST_ORIGIN,
      reset: false,
      settleMs: 0,
    });
    expect(outcome.ok).toBe(moves);
    const after = moves ? ['brand', 'other'] : ['brand', 'factory'];
    expect(await subjects()).toEqual({ labelled: after, holding: after });

    // A store from before the label gets it from the migration.
    await db.driver.executeQuery(`MATCH (x:${label}) REMOVE x:${label}`);
    await db.driver.executeQuery('MATCH (m:TiersightMigration {id: $migration}) DELETE m', { migration });
    await migrate(db.executor);
    expect(await subjects()).toEqual({ labelled: after, holding: after });
  });
});

describe('the DisclosureSubject label', () => {
  it('lets disclosure.about skip an organization without disclosures whatever its relationships', async () => {
    await loadGraph(db, busyAndQuiet().disclosure('brand', 'factory', { id: 'audit' }).build());
    const hits = async (id: string) => {
      const { hits, records } = await profiled(db, 'disclosure.about', {
        viewer: 'brand',
        t: toNeo4jDateTime(new Date()),
        historical: false,
        product: null,
        kind: null,
        ids: [id],
      });
      expect(records).toEqual([]);
      return hits;
    };
    expect(await hits('busy')).toBe(await hits('quiet'));
  });
});

describe('the RiskSubject label', () => {
  it("lets the chain's and the loaders' reads skip an organization without indicators whatever its relationships", async () => {
    await loadGraph(db, busyAndQuiet().risk('factory').build());
    const loaderHits = async (id: string) => {
      const { hits, records } = await profiled(db, 'analysis.risksByOrganization', {
        keys: [{ id, asOf: null }],
      });
      expect(records).toEqual([]);
      return hits;
    };
    expect(await loaderHits('busy')).toBe(await loaderHits('quiet'));
    // The viewer's own chain at depth 1 (no supplier's links are read beyond its first tier), holding
    // `busy` with ten suppliers of its own or `quiet` with none, its indicators read by RISKS_OF_O.
    const chainHits = async (id: string) => {
      let chain = base().org(id, 'FACTORY').link(id, 'brand').risk('factory');
      if (id === 'busy') for (let i = 0; i < 10; i++) chain = chain.org(`s${i}`, 'FACTORY').link(`s${i}`, id);
      await loadGraph(db, chain.build());
      const scope = { viewerId: 'brand', instant: new Date(), historical: false, context: {} };
      return (
        await profiled(db, 'visibility.supplyChain.withRisks.depth1', {
          ...scopeParams(scope, null),
          root: 'brand',
          organizationDetail: false,
          linkDetail: 'none',
        })
      ).hits;
    };
    expect(await chainHits('busy')).toBe(await chainHits('quiet'));
  });
});
