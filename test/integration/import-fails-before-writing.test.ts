// An import that fails after marking its run but before its first write (here the second look at the
// store, made once API writes are held off, runs into a Neo4j error): nothing was written, so it removes
// its run again and says so, rather than leave the API answering SERVICE_UNAVAILABLE until someone runs
// the import again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { toDomainError } from '../../src/graph/executor.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-import-fails-before-writing-'));

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await loadGraph(db, graph().build());
  await db?.close();
});

/** Answers organizationIds until `failing` is set, then fails as Neo4j does when a read runs out of memory. */
class FailingLookups extends ImportRepository {
  failing = false;
  override async organizationIds(ids: string[]): Promise<Set<string>> {
    if (this.failing) {
      throw toDomainError(
        'import.organizationIds',
        new Neo4jError(
          'The allocation of an extra 2.0 MiB would use more than the limit',
          'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
          '51N27',
          'memory limit',
        ),
      );
    }
    return super.organizationIds(ids);
  }
}

it('leaves no unfinished run when the second check against the store fails before anything is written', async () => {
  await loadGraph(db, graph().org('p', 'PURCHASER').build());
  const before = await dumpGraph(db.driver);
  const path = join(dir, 'file.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'tiersight/v1',
      organizations: [{ id: 'x', name: 'X Factory', type: 'FACTORY', country: 'CN' }],
      links: [{ id: 'x>p', supplier: 'x', customer: 'p', products: [] }],
      shares: [],
      risks: [],
    }),
  );
  const imports = new FailingLookups(db.executor);
  const outcome = importGraph(fileSource(path), imports, {
    origin: { source: path, command: `tiersight import ${path}` },
    settleMs: 0,
    // The run is marked when writing starts; the second check comes after it.
    progress: {
      phase: (name) => {
        if (name === 'writing') imports.failing = true;
      },
      advance() {},
      finish() {},
    },
  });
  const error = await outcome.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toContain('MemoryPoolOutOfMemoryError');
  expect(error?.message).toContain('stopped before it wrote anything');
  // Nothing was written …
  expect(await dumpGraph(db.driver)).toEqual(before);
  // … so the store is whole, and the API is not kept answering SERVICE_UNAVAILABLE.
  const runs = await db.imports.runs.list();
  expect(
    runs.filter((run) => run.finishedAt === null).map((run) => run.source),
    `the importer said: ${error?.message}`,
  ).toEqual([]);
});
