// The DisclosureSubject label (docs/data-model.md): exactly the organizations some disclosure is ABOUT
// carry it, whatever wrote them (import, a re-import that moves a disclosure, migration 012; publishing
// is covered by test/api/disclosures.test.ts, whose chains read disclosures through it), and reading
// the disclosures of organizations without one costs the same however many relationships they have:
// the statement no longer walks their relationships looking for ABOUT (PROFILE db hits, exact on a
// loaded machine). Before the label, ten more links on such an organization cost ten more db hits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/graph/migrations.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/disclosures/disclosure-repository.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';
import { subjectsOf } from '../support/subject-labels.ts';

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

const subjects = () => subjectsOf(db, 'DisclosureSubject');

describe('the DisclosureSubject label', () => {
  it('is on exactly the subjects of disclosures after an import, a move and migration 012', async () => {
    await loadGraph(
      db,
      base()
        .disclosure('brand', 'factory', { id: 'audit' })
        .disclosure('brand', 'brand', { id: 'self', withdrawnAt: '2020-01-01' })
        .build(),
    );
    expect(await subjects()).toEqual({ labelled: ['brand', 'factory'], holding: ['brand', 'factory'] });

    // The audit now names another factory: the first one has no disclosure left, so no label.
    const moved = base()
      .disclosure('brand', 'other', { id: 'audit' })
      .disclosure('brand', 'brand', { id: 'self', withdrawnAt: '2020-01-01' })
      .build();
    const outcome = await importGraph(documentSource({ ...moved }), db.imports, {
      origin: TEST_ORIGIN,
      reset: false,
      settleMs: 0,
    });
    expect(outcome.ok).toBe(true);
    expect(await subjects()).toEqual({ labelled: ['brand', 'other'], holding: ['brand', 'other'] });

    // A store from before the label gets it from migration 012.
    await db.driver.executeQuery('MATCH (x:DisclosureSubject) REMOVE x:DisclosureSubject');
    await db.driver.executeQuery("MATCH (m:TiersightMigration {id: '012-disclosure-subjects'}) DELETE m");
    await migrate(db.executor);
    expect(await subjects()).toEqual({ labelled: ['brand', 'other'], holding: ['brand', 'other'] });
  });

  it('lets disclosure.about skip an organization without disclosures whatever its relationships', async () => {
    let built = base()
      .org('busy', 'FACTORY')
      .org('quiet', 'FACTORY')
      .link('busy', 'brand')
      .link('quiet', 'brand');
    for (let i = 0; i < 10; i++) built = built.org(`s${i}`, 'FACTORY').link(`s${i}`, 'busy');
    await loadGraph(db, built.disclosure('brand', 'factory', { id: 'audit' }).build());
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
