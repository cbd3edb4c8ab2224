// A supplier declared as new is a record its declaring customer made. Others come to see it whole: a
// rival whose own record of the same factory a platform_admin merged into it (the duplicate case of
// section 10), anyone who names it as a supplier once it is listed. Its sources cited
// "declared by <customer>", which told them who else buys from the factory: another buyer's chain,
// which rule 5 never shows ("never other customers of its suppliers").
import { beforeEach, describe, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { ok } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

interface Declared {
  id: string;
  sources: string[];
}

const declareNew = async (customer: string, name: string): Promise<Declared> => {
  const response = await t.api.query(
    customer,
    `mutation($s: NewSupplierInput!) { declareSupplyLink(newSupplier: $s) { id supplier { id sources } } }`,
    { s: { name, type: 'FACTORY', country: 'CN', city: 'Shenzhen' } },
    [...ADMIN],
  );
  return ok<{ supplier: Declared }>(response, 'declareSupplyLink').supplier;
};

const merge = async (keepId: string, mergeId: string) => {
  const response = await t.api.query(
    'operator',
    'mutation($k: ID!, $m: ID!) { mergeOrganizations(keepId: $k, mergeId: $m) { keptId } }',
    { k: keepId, m: mergeId },
    ['platform_admin'],
  );
  expect(response.errors).toBeUndefined();
};

/** What the viewer is shown of organization `id`'s sources: looked up, in its chain and its export. */
const shownTo = async (viewer: string, id: string) => {
  const lookup = ok<Declared | null>(
    await t.api.query(viewer, 'query($id: ID!) { organization(id: $id) { id sources } }', { id }),
    'organization',
  );
  const chain = ok<{ tiers: { organizations: Declared[] }[] }>(
    await t.api.query(viewer, '{ supplyChain { tiers { organizations { id sources } } } }'),
    'supplyChain',
  );
  const exported = ok<{ content: string }>(
    await t.api.query(viewer, '{ chainExport(format: JSON) { content } }'),
    'chainExport',
  );
  return {
    lookup: lookup?.sources ?? null,
    chain: chain.tiers.flatMap((tier) => tier.organizations).find((o) => o.id === id)?.sources ?? null,
    exportNamesC: exported.content.includes('declared by c'),
  };
};

const NAMES_NOBODY = {
  lookup: ['declared by a customer'],
  chain: ['declared by a customer'],
  exportNamesC: false,
};

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('c', 'PURCHASER')
      .org('rival', 'PURCHASER')
      .org('imported', 'FACTORY', { sources: ['declared by customs'] })
      .link('imported', 'c')
      .build(),
  );
});

describe('a supplier declared as new', () => {
  it('cites no customer, to the customer itself either', async () => {
    const acme = await declareNew('c', 'Acme Electronics');
    expect(acme.sources).toEqual(['declared by a customer']);
    // The link is the customer's own, seen by whom rule 1 shows it: it still names who declared it.
    const links = await t.api.query('c', '{ ownSupplyLinks { sources } }');
    expect(ok<{ sources: string[] }[]>(links, 'ownSupplyLinks')).toContainEqual({
      sources: ['declared by c'],
    });
  });

  it('names no customer to a rival whose record of the same factory was merged into it', async () => {
    const acme = await declareNew('c', 'Acme Electronics');
    const rivals = await declareNew('rival', 'Acme Electronics Factory');
    await merge(acme.id, rivals.id);
    // The factory is the rival's supplier now, as it was before the merge: it sees the kept record
    // whole, as rule 5 allows, but not whose record it was.
    expect(await shownTo('rival', acme.id)).toEqual(NAMES_NOBODY);
  });

  it('names no customer to whoever declares it as a supplier once it is listed', async () => {
    const acme = await declareNew('c', 'Acme Electronics');
    const listing = await t.api.query(acme.id, 'mutation { setListing(listed: true) { listed } }', {}, [
      ...ADMIN,
    ]);
    expect(listing.errors).toBeUndefined();
    const declared = await t.api.query(
      'rival',
      'mutation($s: ID!) { declareSupplyLink(supplierId: $s) { id } }',
      { s: acme.id },
      [...ADMIN],
    );
    expect(declared.errors).toBeUndefined();
    expect(await shownTo('rival', acme.id)).toEqual(NAMES_NOBODY);
  });

  it('names no customer once migration 020 has run over a record declared before it', async () => {
    const acme = await declareNew('c', 'Acme Electronics');
    const rivals = await declareNew('rival', 'Acme Electronics Factory');
    await merge(acme.id, rivals.id);
    // As a declaration stored it before: the customer's id. An organization no declaration created
    // keeps its own citations, whatever they say.
    await t.db.driver.executeQuery('MATCH (o:Organization {id: $id}) SET o.sources = $sources', {
      id: acme.id,
      sources: ['declared by c', 'https://example.org/acme'],
    });
    expect((await shownTo('rival', acme.id)).lookup).toEqual(['declared by c', 'https://example.org/acme']);

    const migration = MIGRATIONS.find((m) => m.id === '020-declared-supplier-sources')!;
    await t.db.driver.executeQuery('MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: migration.id });
    await migrate(new Executor(t.db.driver, { transactionTimeoutMs: 60_000 }));

    expect((await shownTo('rival', acme.id)).lookup).toEqual([
      'declared by a customer',
      'https://example.org/acme',
    ]);
    const { records } = await t.db.driver.executeQuery(
      'MATCH (o:Organization {id: "imported"}) RETURN o.sources AS sources',
    );
    expect(records[0]!.get('sources')).toEqual(['declared by customs']);
  });
});
