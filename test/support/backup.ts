// A backup and restore as an operator makes them: `tiersight export` to a file, then
// `tiersight import --reset` of it. What a store holds must survive both.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TiersightFile } from '../../src/domain/format.ts';
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
  const path = scratch('out.json');
  await exportTo(db, path);
  const restored = await importGraph(fileSource(path), db.imports, {
    origin: TEST_ORIGIN,
    reset: true,
    settleMs: 0,
  });
  return restored.ok ? [] : restored.validation.problems.map(formatProblem);
}

const scratch = (name: string) => join(mkdtempSync(join(tmpdir(), 'tiersight-backup-')), name);

/** The whole store of `db` as `tiersight export` writes it, read back as a file's contents. */
export async function exportFile(db: TestDatabase): Promise<TiersightFile> {
  const path = scratch('export.json');
  await exportTo(db, path);
  return JSON.parse(readFileSync(path, 'utf8')) as TiersightFile;
}

/** `tiersight import` (without --reset) of a file holding `file`: the import's outcome. */
export async function importFile(db: TestDatabase, file: TiersightFile) {
  const path = scratch('import.json');
  writeFileSync(path, JSON.stringify(file));
  return importGraph(fileSource(path), db.imports, { origin: TEST_ORIGIN, reset: false, settleMs: 0 });
}

/** As `importFile`, throwing the import's problems when it refuses the file. */
export async function importFileOk(db: TestDatabase, file: TiersightFile): Promise<void> {
  const outcome = await importFile(db, file);
  if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
}
