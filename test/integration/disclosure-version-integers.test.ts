// Disclosure version numbers are integers wherever they come from: the import once stored the numbers
// of the versions it brought as floats (a JavaScript number reaches Neo4j as one), and migration 018
// turns such stored numbers into integers.
import { beforeAll, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { loadGraph } from '../support/database.ts';
import { disclosureVersion, graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

/** Each stored version number's Cypher type, for the disclosure and its versions. */
const types = async () => {
  const { records } = await t.db.driver.executeQuery(
    `MATCH (d:Disclosure)-[:VERSION]->(dv:DisclosureVersion)
     RETURN d.id AS id, valueType(d.version) AS current, collect(valueType(dv.version)) AS versions ORDER BY id`,
  );
  return records.map((r) => r.toObject());
};

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('dell', 'BRAND')
      .org('factory', 'FACTORY')
      .link('factory', 'dell')
      .disclosure('dell', 'factory', {
        history: [disclosureVersion({ title: 'First', recordedAt: '2026-01-01T00:00:00Z' })],
        recordedAt: '2026-02-01T00:00:00Z',
        publishedAt: '2026-01-01T00:00:00Z',
      })
      .disclosure('dell')
      .build(),
  );
});

it('stores the numbers of imported versions as integers', async () => {
  expect(await types()).toEqual([
    { id: 'd-0', current: 'INTEGER NOT NULL', versions: ['INTEGER NOT NULL', 'INTEGER NOT NULL'] },
    { id: 'd-1', current: 'INTEGER NOT NULL', versions: ['INTEGER NOT NULL'] },
  ]);
});

it('turns the floats an earlier import stored into integers at start-up', async () => {
  await t.db.driver.executeQuery(
    `MATCH (d:Disclosure)-[:VERSION]->(dv) SET d.version = toFloat(d.version), dv.version = toFloat(dv.version)`,
  );
  const migration = MIGRATIONS.find((m) => m.id.endsWith('-disclosure-versions-integers'))!;
  await t.db.driver.executeQuery('MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: migration.id });
  await migrate(t.db.executor);
  expect(await types()).toEqual([
    { id: 'd-0', current: 'INTEGER NOT NULL', versions: ['INTEGER NOT NULL', 'INTEGER NOT NULL'] },
    { id: 'd-1', current: 'INTEGER NOT NULL', versions: ['INTEGER NOT NULL'] },
  ]);
  const { records } = await t.db.driver.executeQuery(
    `MATCH (:Disclosure {id: 'd-0'})-[:VERSION]->(dv) RETURN dv.version AS v ORDER BY v`,
  );
  expect(records.map((r) => Number(r.get('v')))).toEqual([1, 2]);
});
