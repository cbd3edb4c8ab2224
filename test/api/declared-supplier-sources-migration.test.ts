// Migration 020 rewrites the citation a declaration gave the supplier it created ("declared by
// <customer id>") to "declared by a customer". Only that one: the record's sources may have been
// edited since (an import restating it, a platform admin's correction), and a citation someone gave
// that happens to begin "declared by" is a source, kept as it is, not a customer's name.
import { beforeEach, describe, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { ok } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const declareNew = async (customer: string, name: string): Promise<string> => {
  const response = await t.api.query(
    customer,
    `mutation($s: NewSupplierInput!) { declareSupplyLink(newSupplier: $s) { supplier { id } } }`,
    { s: { name, type: 'FACTORY', country: 'CN', city: 'Shenzhen' } },
    [...ADMIN],
  );
  return ok<{ supplier: { id: string } }>(response, 'declareSupplyLink').supplier.id;
};

/** Stores `sources` on `id`, as a record edited before the migration ran. */
const edit = (id: string, sources: string[]) =>
  t.db.driver.executeQuery('MATCH (o:Organization {id: $id}) SET o.sources = $sources', { id, sources });

const sourcesOf = async (id: string) => {
  const { records } = await t.db.driver.executeQuery(
    'MATCH (o:Organization {id: $id}) RETURN o.sources AS sources',
    { id },
  );
  return records[0]!.get('sources') as unknown;
};

const migrateAgain = async () => {
  const migration = MIGRATIONS.find((m) => m.id === '020-declared-supplier-sources')!;
  await t.db.driver.executeQuery('MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: migration.id });
  await migrate(new Executor(t.db.driver, { transactionTimeoutMs: 60_000 }));
};

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('operator', 'MONITOR').org('c', 'PURCHASER').org('rival', 'PURCHASER').build(),
  );
});

describe('migration 020 over a record declared before it', () => {
  it("rewrites the declaration's own citation and keeps every other, whatever it begins with", async () => {
    const acme = await declareNew('c', 'Acme Electronics');
    await edit(acme, [
      'declared by c',
      'declared by customs (bill of lading 2025-114)',
      'https://example.org/acme',
    ]);
    await migrateAgain();
    expect(await sourcesOf(acme)).toEqual([
      'declared by a customer',
      'declared by customs (bill of lading 2025-114)',
      'https://example.org/acme',
    ]);
  });

  it('rewrites the citations of two declarations whose records were merged into one', async () => {
    const acme = await declareNew('c', 'Acme Electronics');
    const rivals = await declareNew('rival', 'Acme Electronics Factory');
    const merged = await t.api.query(
      'operator',
      'mutation($k: ID!, $m: ID!) { mergeOrganizations(keepId: $k, mergeId: $m) { keptId } }',
      { k: acme, m: rivals },
      ['platform_admin'],
    );
    expect(merged.errors).toBeUndefined();
    await edit(acme, ['declared by rival', 'declared by c']);
    await migrateAgain();
    expect(await sourcesOf(acme)).toEqual(['declared by a customer']);
  });
});
