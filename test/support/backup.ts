// A backup and restore as an operator makes them: `tiersight export` to a file, then
// `tiersight import --reset` of it. What a store holds must survive both.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportGraph } from '../../src/export/export-graph.ts';
import { ExportRepository } from '../../src/export/export-repository.ts';
import { TiersightWriter } from '../../src/export/tiersight-writer.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { TEST_ORIGIN, type TestDatabase } from './database.ts';

/** Exports the whole store of `db` to `path`, as `tiersight export --out` does. */
export async function exportTo(db: TestDatabase, path: string) {
  return exportGraph(new ExportRepository(db.executor), db.imports.runs, await TiersightWriter.toFile(path));
}

/** Exports the store, then imports the file back with --reset: the import's problems, none when it reads back. */
export async function backupAndRestore(db: TestDatabase): Promise<string[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'tiersight-backup-')), 'out.json');
  await exportTo(db, path);
  const restored = await importGraph(fileSource(path), db.imports, {
    origin: TEST_ORIGIN,
    reset: true,
    settleMs: 0,
  });
  return restored.ok ? [] : restored.validation.problems.map(formatProblem);
}
