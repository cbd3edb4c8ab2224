// Resolving a client-supplied id through merge records (organization.resolveMerged, run before every
// lookup of such an id) must cost the same for an organization hidden from the viewer and for an id
// that exists nowhere (visibility rule 6): neither has a merge record, and the statement never looks at
// organizations at all. PROFILE db hits, as in lookup-work.test.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import '../../src/modules/organizations/merged-id-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, graph().org('v').org('hidden').org('kept').org('dup').build());
  await db.driver.executeQuery(
    `MATCH (d:Organization {id: 'dup'}) DELETE d
     CREATE (:MergedOrganization {id: 'dup', into: 'kept', mergedInto: 'kept', mergedAt: datetime()})`,
  );
});

afterAll(async () => {
  await db?.close();
});

it('costs the same for a hidden id as for a missing one, and resolves a merged one', async () => {
  const ask = async (id: string) => {
    const { hits, records } = await profiled(db, 'organization.resolveMerged', { ids: [id] });
    return { hits, kept: records.map((r) => r.get('kept') as string) };
  };
  await ask('nope'); // plans the statement outside the measurement
  const missing = await ask('nope');
  const hidden = await ask('hidden');
  expect(hidden.hits).toBe(missing.hits);
  expect(hidden.kept).toEqual(['hidden']);
  expect(missing.kept).toEqual(['nope']);
  expect((await ask('dup')).kept).toEqual(['kept']);
});
