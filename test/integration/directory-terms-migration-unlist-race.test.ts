// Migration 017 picks its batch of listed cards before it locks them: an organization unlisted by a
// write that commits while the migration waits for its lock must keep no terms (unlisting removes
// them, and the migration must leave unlisted organizations alone).
import { expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

it('writes no terms on a card unlisted while the migration waited for its lock', async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('leaving', 'FACTORY', { name: 'O-Film Reels', listed: true })
      .build(),
  );
  const migration = MIGRATIONS.find((m) => m.id.endsWith('-directory-terms-split-and-joined'))!;
  await t.db.driver.executeQuery('MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: migration.id });

  // The unlisting, as setListing writes it, holds its lock until the migration waits on it.
  const session = t.db.driver.session();
  const unlisting = session.beginTransaction();
  await unlisting.run(`MATCH (o:Organization {id: 'leaving'}) SET o.listed = false, o.directoryTerms = null`);
  const migrating = migrate(new Executor(t.db.driver, { transactionTimeoutMs: 60_000 }));
  for (let blocked = false; !blocked;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { records } = await t.db.driver.executeQuery(
      `SHOW TRANSACTIONS YIELD status, currentQuery
       WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'o._lock' RETURN count(*) AS n`,
    );
    blocked = Number(records[0]!.get('n')) > 0;
  }
  await unlisting.commit();
  await session.close();
  await migrating;

  const { records } = await t.db.driver.executeQuery(
    `MATCH (o:Organization {id: 'leaving'}) RETURN o.listed AS listed, o.directoryTerms AS terms`,
  );
  expect(records[0]!.toObject()).toEqual({ listed: false, terms: null });
});
