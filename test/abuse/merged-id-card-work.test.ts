// An old id merged into an organization the viewer may not see costs, in the lookup that follows its
// resolution, what an id that never existed costs (rule 6): organization(id) runs, for a client id,
// organization.resolveMerged and then visibility.visibleOrganizations (organization-loaders.ts lookUp),
// which seeks directory cards by the ids as named. The resolution itself reads the merge record of an
// old id, an index entry a missing id does not have (documented in docs/specification.md, rule 6).
// PROFILE db hits, as the other tests here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/organizations/merged-id-repository.ts';
import '../../src/modules/organizations/organization-repository.ts';
import '../../src/modules/sharing/share-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  // v sees a and b; hkep (unlisted) and its old id hdup are hidden from v.
  await loadGraph(db, viewerChain().org('hkep', 'BRAND').org('hdup', 'BRAND').build());
  await db.driver.executeQuery(
    `MATCH (d:Organization {id: 'hdup'}) DELETE d
     CREATE (:MergedOrganization {id: 'hdup', into: 'hkep', mergedInto: 'hkep', mergedAt: datetime()})`,
  );
});

afterAll(async () => {
  await db?.close();
});

const scope = () => ({ viewer: 'v', t: toNeo4jDateTime(new Date()), historical: false, product: null });

/** The db hits of what organization(id) runs for `asked`, as organization-loaders.ts lookUp sends it. */
async function lookupHits(asked: string): Promise<{ hits: number[]; found: number }> {
  const resolved = await profiled(db, 'organization.resolveMerged', { ids: [asked] });
  const kept = resolved.records[0]!.get('kept') as string;
  const cardIds = [asked];
  const visible = await profiled(db, 'visibility.visibleOrganizations', { ...scope(), ids: [kept], cardIds });
  return { hits: [resolved.hits, visible.hits], found: visible.records.length };
}

it('organization(id): an old id merged into a hidden organization costs in its lookup what a missing id costs', async () => {
  for (let i = 0; i < 3; i++) await lookupHits('nope'); // plans both statements
  await lookupHits('hdup');
  const missing = await lookupHits('nope');
  const hiddenNow = await lookupHits('hkep');
  const merged = await lookupHits('hdup');
  // Both answer null; the hidden kept id costs what the missing one costs (this holds today).
  expect(hiddenNow).toEqual(missing);
  expect(merged.found).toBe(0);
  expect(merged.hits[1]).toBe(missing.hits[1]);
});

it('shareSourcing(recipientId): an old id merged into a hidden organization costs what a missing id costs', async () => {
  const grant = (namedId: string, namedMerged: boolean) =>
    profiled(db, 'share.grant', {
      viewer: 'v',
      t: toNeo4jDateTime(new Date()),
      historical: false,
      namedId,
      namedMerged,
      id: 'never-written',
      scope: 'SOURCING',
      linkIds: null,
      disclosureIds: null,
      expiresAt: null,
      actorUserId: 'u',
    });
  for (let i = 0; i < 3; i++) await grant('nope', false);
  await grant('hkep', true);
  const missing = await grant('nope', false);
  const merged = await grant('hkep', true); // what Mutation.ts sends for recipientId "hdup"
  expect(merged.records[0]!.get('recipientNamed')).toBe(false);
  expect(merged.hits).toBe(missing.hits);
});
