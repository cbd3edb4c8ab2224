// Migration 021 run by two replicas at once (both start with the record of 021 missing) ends,
// and leaves every event with a key, across more than one batch of ten thousand.
import { describe, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { migrate } from '../../src/graph/migrations.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

describe('migration 021 on two replicas at once', () => {
  it('ends, every event keyed', async () => {
    await loadGraph(
      t.db,
      graph().org('brand', 'BRAND').org('factory', 'FACTORY').link('factory', 'brand').build(),
    );
    await t.db.driver.executeQuery(
      `MATCH (o:Organization {id: 'factory'}), (b:Organization {id: 'brand'})
       CREATE (o)-[:GRANTED]->(s:Share {id: 's-many', scope: 'SOURCING', createdAt: datetime()})-[:TO]->(b)
       WITH s UNWIND range(1, 12000) AS i
       CREATE (:ShareEvent {action: 'GRANTED', at: datetime(), actorUserId: 'u', actorOrganizationId: 'factory'})-[:OF]->(s)`,
    );
    await t.db.driver.executeQuery(`MATCH (m:TiersightMigration {id: '021-event-keys'}) DELETE m`);
    const replica = () => migrate(new Executor(t.db.driver, { transactionTimeoutMs: 120_000 }));
    await Promise.all([replica(), replica()]);
    const { records } = await t.db.driver.executeQuery(
      `MATCH (e:ShareEvent) RETURN count(e) AS all, count(e.key) AS keyed, count(DISTINCT e.key) AS distinct`,
    );
    const row = records[0]!.toObject();
    expect(Number(row.all)).toBe(12_000);
    expect(Number(row.keyed)).toBe(12_000);
    expect(Number(row.distinct)).toBe(12_000);
  }, 300_000);
});
