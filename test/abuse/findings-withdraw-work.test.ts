// withdrawFinding and redactFinding answer another monitor's finding, an imported indicator and an
// unknown id alike (specification, section 13), and an indicator of an organization the monitor may not
// look up is hidden from it (rule 6): so the statement that finds the finding to withdraw or erase (one
// for both) must cost, for such an id, what it costs for an id that exists nowhere (PROFILE db hits, test/support/profile.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/modules/findings/finding-repository.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { expectSameWorkAsMissing } from '../support/profile.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  // Monitor m recorded one finding; monitor n recorded many about h, which m cannot look up, and h
  // carries imported indicators too.
  let built = graph().org('m', 'MONITOR').org('n', 'MONITOR').org('h', 'FACTORY').org('x', 'FACTORY');
  for (let i = 0; i < 12; i++) built = built.risk('h', { id: `r-h-${i}` });
  built = built
    .risk('x', { id: 'f-m-own', recordedBy: 'm', recordedByUserId: 'u' })
    .risk('h', { id: 'f-n-00001', recordedBy: 'n', recordedByUserId: 'u' });
  await loadGraph(db, built.build());
});

afterAll(async () => {
  await db?.close();
});

describe('withdrawFinding and redactFinding', () => {
  it("costs for another monitor's finding and an imported indicator what it costs for a missing id", async () => {
    const params = (id: string) => ({ viewer: 'm', id });
    const rows = await expectSameWorkAsMissing(
      db,
      'finding.lockOwn',
      'f-missing',
      ['f-n-00001', 'r-h-0'],
      params,
    );
    expect(rows).toEqual([]);
  });
});
