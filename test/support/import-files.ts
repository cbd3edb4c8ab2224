// Imports of small tiersight/v1 files written on the spot: the import tests state a few records, and
// the importer reads a file (fileSource), as `tiersight import` does, rather than a document in memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileSource } from '../../src/import/read-records.ts';
import type { LinkRecord, TiersightFile } from '../../src/domain/format.ts';
import { TEST_ORIGIN, type TestDatabase } from './database.ts';

/**
 * A function that writes `records` as a new tiersight/v1 file (with empty organizations and links
 * unless given) in a temporary folder named after `name`, and imports it into `db()`.
 */
export function fileImporter(name: string, db: () => TestDatabase) {
  const dir = mkdtempSync(join(tmpdir(), `tiersight-${name}-`));
  let fileNo = 0;
  return (records: Partial<Omit<TiersightFile, 'format'>>, reset = false) => {
    const path = join(dir, `file-${fileNo++}.json`);
    writeFileSync(path, JSON.stringify({ format: 'tiersight/v1', organizations: [], links: [], ...records }));
    return importGraph(fileSource(path), db().imports, { origin: TEST_ORIGIN, reset, settleMs: 0 });
  };
}

/** A link record with no products and no dates. */
export const linkRecord = (id: string, supplier: string, customer: string): LinkRecord => ({
  id,
  supplier,
  customer,
  products: [],
});
