// Issue 13 (specification, section 9, rule 6): naming a supplier, a link to amend or end, or a new
// supplier's osId must cost the same for something hidden as for something missing, in Neo4j's own
// count of the work (PROFILE db hits, test/support/profile.ts), and answer the same. Nothing is
// written for either: every id asked here is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/organizations/organization-repository.ts';
import '../../src/modules/sourcing/sourcing-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { expectSameWorkAsMissing, profiled } from '../support/profile.ts';

let db: TestDatabase;
const MISSING = 'nope';

beforeAll(async () => {
  db = await openTestDatabase();
  // v buys from a (which shared its sourcing) and sees b; h and its suppliers exist but v has no way to
  // them; l is listed, so v may name it.
  const built = viewerChain()
    .org('l', 'FACTORY', { listed: true, osId: 'CN2020001LISTED' })
    .org('m', 'MONITOR')
    .share('a', 'v')
    .org('h', 'BRAND', { osId: 'CN2020001HIDDEN' })
    .link('h', 'b')
    .busySuppliers('h', 12, 'b');
  await loadGraph(db, built.build());
});

afterAll(async () => {
  await db?.close();
});

const now = () => toNeo4jDateTime(new Date());

/** Statement `name` about a missing value and each hidden one: the same rows and db hits (rule 6). */
const sameWorkAsMissing = (
  name: string,
  hidden: string[],
  params: (value: string) => Record<string, unknown>,
) => expectSameWorkAsMissing(db, name, MISSING, hidden, params);

describe('a hidden thing costs what a missing one costs', () => {
  it('named as the supplier of a declared link', async () => {
    const before = await dumpGraph(db.driver);
    const params = (supplierId: string) => ({
      viewer: 'v',
      t: now(),
      historical: false,
      namedId: supplierId,
      namedMerged: false,
      link: { id: 'link-never-written', products: [], provenance: 'REPORTED', sources: [] },
      event: { linkId: 'link-never-written' },
    });
    const [row] = await sameWorkAsMissing('sourcing.declareExisting', ['h', 'h0', 'h11'], params);
    expect(row).toMatchObject({ supplierNamed: false, link: null });
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it("as a new supplier's osId: an unlisted organization's is never matched", async () => {
    // Declared by a MONITOR, which may not declare, so that no osId leads to a write.
    const before = await dumpGraph(db.driver);
    const params = (osId: string) => ({
      viewer: 'm',
      t: now(),
      supplier: { id: 'org-never-written', name: 'X', type: 'FACTORY', country: 'CN', osId },
      link: { id: 'link-never-written', products: [] },
      event: { linkId: 'link-never-written' },
    });
    const [row] = await sameWorkAsMissing('sourcing.declareNew', ['CN2020001HIDDEN'], params);
    expect(row).toMatchObject({ listedId: null, customerType: 'MONITOR', link: null });
    const listed = await profiled(db, 'sourcing.declareNew', params('CN2020001LISTED'));
    expect(listed.records[0]!.get('listedId')).toBe('l');
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('as the link to amend or end', async () => {
    const rows = await sameWorkAsMissing('sourcing.lockOwnLink', ['h>b', 'h0>h', 'b>a'], (id) => ({
      viewer: 'v',
      id,
    }));
    expect(rows).toEqual([]);
    expect((await profiled(db, 'sourcing.lockOwnLink', { viewer: 'v', id: 'a>v' })).records).toHaveLength(1);
  });

  it('looked up by id, now that listed organizations answer their card', async () => {
    const params = (id: string) => ({
      viewer: 'v',
      t: now(),
      historical: false,
      product: null,
      ids: [id],
      cardIds: [id],
    });
    expect(await sameWorkAsMissing('visibility.visibleOrganizations', ['h', 'h0', 'h11'], params)).toEqual(
      [],
    );
    expect((await profiled(db, 'visibility.visibleOrganizations', params('l'))).records).toHaveLength(1);
  });
});
