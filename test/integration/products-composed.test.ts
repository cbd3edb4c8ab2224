// Product names are stored trimmed and composed (NFC) wherever they come from (src/domain/products.ts),
// since a product filter compares them as stored. "bärbara datorer" written by a file with an a and a
// combining diaeresis looks the same as the one a buyer types with ä; before, no filter found it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequestRecord } from '../../src/domain/access-requests.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { loadGraph } from '../support/database.ts';
import { disclosureVersion, graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const COMPOSED = 'bärbara datorer';
const DECOMPOSED = COMPOSED.normalize('NFD');
const LONG = 'x'.repeat(250);

const request = (products: string[]): AccessRequestRecord => ({
  id: 'ar-1',
  requester: 'buyer',
  target: 'dell',
  scope: 'SOURCING',
  products,
  sentAt: new Date(Date.now() - 86_400_000).toISOString(),
  dueAt: null,
});

const load = (products: string[]) =>
  loadGraph(t.db, {
    ...graph()
      .org('buyer', 'PURCHASER')
      .org('dell', 'BRAND')
      .org('factory', 'FACTORY')
      .link('dell', 'buyer', { products: [...products, LONG] })
      .link('factory', 'dell', { products: [...products, LONG] })
      .share('dell', 'buyer')
      .disclosure('dell', 'factory', { ...disclosureVersion({ products: products.slice(0, 2) }) })
      .build(),
    accessRequests: [request(products.slice(0, 2))],
  });

/** What each kind of record holds, as stored. */
const stored = async () => {
  const { records } = await t.db.driver.executeQuery(
    `MATCH ()-[l:SUPPLIES]->() WITH collect(l.products) AS links
     MATCH (:Disclosure)-[:VERSION]->(dv) WITH links, collect(dv.products) AS versions
     MATCH (r:AccessRequest)
     RETURN links, versions, collect(r.products) AS requests`,
  );
  return records[0]!.toObject();
};

const chainFor = async (product: string) => {
  const response = await t.api.query(
    'buyer',
    `query($product: String) { supplyChain(maxDepth: 3, product: $product) { links { id } } }`,
    { product },
  );
  expect(response.errors).toBeUndefined();
  return (response.data as { supplyChain: { links: { id: string }[] } }).supplyChain.links.map((l) => l.id);
};

describe('an import', () => {
  beforeEach(() => load([` ${DECOMPOSED} `, COMPOSED, 'servers']));

  it('stores product names trimmed, composed and once, in links, disclosures and access requests', async () => {
    expect(await stored()).toEqual({
      // A link keeps a name longer than the API takes: a backup of what an earlier import stored.
      links: [
        [COMPOSED, 'servers', LONG],
        [COMPOSED, 'servers', LONG],
      ],
      versions: [[COMPOSED]],
      requests: [[COMPOSED]],
    });
  });

  it('so a product filter finds them by either spelling', async () => {
    expect(await chainFor(COMPOSED)).toEqual(['dell>buyer', 'factory>dell']);
    expect(await chainFor(` ${DECOMPOSED}`)).toEqual(['dell>buyer', 'factory>dell']);
  });
});

describe('migration 022, for names stored before it', () => {
  const migration = MIGRATIONS.find((m) => m.id === '022-products-composed')!;

  beforeEach(async () => {
    await load([]);
    // As an earlier import stored them: decomposed, spaced, twice; and one longer than the API takes,
    // which the migration must keep, since it only changes how names are written.
    const before = [` ${DECOMPOSED}`, COMPOSED, LONG];
    await t.db.driver.executeQuery(
      `MATCH ()-[l:SUPPLIES]->() SET l.products = $before
       WITH count(*) AS done
       MATCH (:Disclosure)-[:VERSION]->(dv) SET dv.products = $before
       WITH count(*) AS done
       MATCH (r:AccessRequest) SET r.products = $before
       WITH count(*) AS done
       MATCH (m:TiersightMigration {id: $id}) DELETE m`,
      { before, id: migration.id },
    );
  });

  it('composes, trims and keeps once every stored name, dropping none', async () => {
    expect(await migrate(t.db.executor)).toEqual([migration.id]);
    expect(await stored()).toEqual({
      links: [
        [COMPOSED, LONG],
        [COMPOSED, LONG],
      ],
      versions: [[COMPOSED, LONG]],
      requests: [[COMPOSED, LONG]],
    });
    expect(await chainFor(COMPOSED)).toEqual(['dell>buyer', 'factory>dell']);
  });

  it('leaves a list that changed since it was read as it is', async () => {
    const [backfill] = migration.backfills!;
    if (backfill === undefined || !('compute' in backfill)) throw new Error('a computed backfill');
    const { records } = await t.db.driver.executeQuery(backfill.read.text, { after: '' });
    const rows = backfill.compute(records);
    expect(rows).toHaveLength(2);
    // An older replica's import writes one of the links meanwhile.
    await t.db.driver.executeQuery(
      `MATCH ()-[l:SUPPLIES {id: 'dell>buyer'}]->() SET l.products = ['monitors']`,
    );
    await t.db.driver.executeQuery(backfill.write.text, { rows });
    const { records: after } = await t.db.driver.executeQuery(
      'MATCH ()-[l:SUPPLIES]->() RETURN l.id AS id, l.products AS products ORDER BY id',
    );
    expect(after.map((r) => r.toObject())).toEqual([
      { id: 'dell>buyer', products: ['monitors'] },
      { id: 'factory>dell', products: [COMPOSED, LONG] },
    ]);
  });
});
