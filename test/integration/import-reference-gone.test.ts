// An organization a file's record refers to goes away after the import checked the file against the
// store a second time (an API write admitted before the import marked its run, here a merge, committed
// late: on a loaded machine it can outlast the settle wait). The batch must not report the record
// written when nothing could be attached: it rolls back, the import says which organization of which
// record is gone, and, nothing having been written, it leaves no unfinished run (src/import/
// held-references-repository.ts). Found by import-beside-api-writes, which saw "Imported …: 1 links" with no link
// written when run beside other files (December 2026).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, rowsOf, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-import-reference-gone-'));

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await loadGraph(db, graph().build());
  await db?.close();
});

it('refuses a link whose supplier went away after the second check, writing nothing and leaving no run', async () => {
  await loadGraph(db, graph().org('buyer', 'PURCHASER').org('mill-dup', 'FACTORY').build());
  const path = join(dir, 'file.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'tiersight/v1',
      organizations: [],
      links: [{ id: 'dup>buyer', supplier: 'mill-dup', customer: 'buyer', products: ['yarn'] }],
      shares: [],
      risks: [],
    }),
  );
  const outcome = importGraph(fileSource(path), new ImportRepository(db.executor), {
    origin: { source: path, command: `tiersight import ${path}` },
    settleMs: 0,
    // The late write lands right after the second check, before the first batch.
    checkAgain: async () => {
      await rowsOf(db, `MATCH (o:Organization {id: 'mill-dup'}) DETACH DELETE o RETURN 1`);
      return [];
    },
  });
  const error = await outcome.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toBe(
    `the import of ${path} stopped before it wrote anything (the store no longer holds the supplier ` +
      `"mill-dup" of link "dup>buyer" (merged or deleted by a write that committed after the import ` +
      `checked the file against the store)); the store is as it was`,
  );
  expect(await rowsOf(db, 'MATCH ()-[l:SUPPLIES]->() RETURN l.id AS id')).toEqual([]);
  const runs = await new ImportRepository(db.executor).runs.list();
  expect(runs.filter((run) => run.finishedAt === null)).toEqual([]);
});

it.each([
  {
    record: 'share',
    file: { shares: [{ id: 'sh-dup', owner: 'mill-dup', recipient: 'buyer', scope: 'SOURCING' }] },
    gone: 'the owner "mill-dup" of share "sh-dup"',
    left: 'MATCH (s:Share) RETURN s.id AS id',
  },
  {
    record: 'risk indicator',
    file: {
      risks: [
        { id: 'r-dup', organization: 'mill-dup', kind: 'REPORT', source: 'DanWatch', severity: 'HIGH' },
      ],
    },
    gone: 'the organization "mill-dup" of risk "r-dup"',
    left: 'MATCH (r:RiskIndicator) RETURN r.id AS id',
  },
])(
  'refuses a $record whose organization went away after the second check, writing nothing',
  async ({ file, gone, left }) => {
    await loadGraph(db, graph().org('buyer', 'PURCHASER').org('mill-dup', 'FACTORY').build());
    const path = join(dir, 'records.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'tiersight/v1',
        organizations: [],
        links: [],
        shares: [],
        risks: [],
        ...file,
      }),
    );
    const error = await importGraph(fileSource(path), new ImportRepository(db.executor), {
      origin: { source: path, command: `tiersight import ${path}` },
      settleMs: 0,
      checkAgain: async () => {
        await rowsOf(db, `MATCH (o:Organization {id: 'mill-dup'}) DETACH DELETE o RETURN 1`);
        return [];
      },
    }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(`(the store no longer holds ${gone} (merged or deleted`);
    expect(await rowsOf(db, left)).toEqual([]);
    const runs = await new ImportRepository(db.executor).runs.list();
    expect(runs.filter((run) => run.finishedAt === null)).toEqual([]);
  },
);
