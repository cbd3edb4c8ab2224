// Migration 017 walks a store's cards a batch at a time: reading one batch must cost about the same
// wherever the batch starts, or a store of n listed cards is read n / 1,000 times over (the walk is
// quadratic, and a large directory's upgrade waits on it).
import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/graph/migrations.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

interface Plan {
  rows: number;
  children: Plan[];
}
/** The entries its index scans and seeks handed over: the operators that read no other operator. */
const scanned = (plan: Plan): number =>
  plan.children.length === 0 ? plan.rows : plan.children.reduce((sum, c) => sum + scanned(c), 0);

it("reads a batch at the same cost at the directory's start as near its end", async () => {
  await t.db.driver.executeQuery(
    `UNWIND range(1, 9000) AS i
     CREATE (:Organization {id: 'o' + right('00000' + i, 5), name: 'Card ' + i, type: 'FACTORY',
       country: 'SE', listed: i % 3 <> 0})`,
  );
  await t.db.driver.executeQuery('CALL db.awaitIndexes(60)');
  const migration = MIGRATIONS.find((m) => m.id.endsWith('-directory-terms-split-and-joined'))!;
  const backfill = migration.backfills![0]!;
  if (!('read' in backfill)) throw new Error('migration 017 is a computed backfill');
  const work = async (after: string) => {
    const { summary } = await t.db.driver.executeQuery(`PROFILE ${backfill.read.text}`, { after });
    return scanned(summary.profile as unknown as Plan);
  };
  const atStart = await work('');
  const nearEnd = await work('o07500');
  expect(atStart).toBe(nearEnd);
});
