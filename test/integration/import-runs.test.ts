// Import runs (docs/data-model.md, "Import"): an import marks the store before its first write and
// unmarks it after its last; an interrupted one says how far it got and leaves the mark, which only the
// same import (or a reset) clears by completing. Interruptions here are a write that throws; a killed
// Neo4j is test/integration/import-killed.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../src/domain/format.ts';
import { IMPORT_SETTLE_MS, type ImportRun } from '../../src/domain/import-runs.ts';
import type { Executor } from '../../src/graph/executor.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import {
  ImportBlockedError,
  ImportInterruptedError,
  importGraph,
  type ImportOrigin,
} from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { reportImport } from '../../src/cli/report-import.ts';
import { countAll, loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await loadGraph(db, graph().build()); // completes any run a failed test left unfinished
  await db.close();
});

const FILE: ImportOrigin = { source: '/data/graph.json', command: 'tiersight import /data/graph.json' };
const OTHER: ImportOrigin = { source: '/data/other.json', command: 'tiersight import /data/other.json' };

/** 4 organizations and 6 links: 10 records, written 2 at a time below. */
const next = () =>
  graph()
    .org('a', 'PURCHASER')
    .org('b', 'RESELLER')
    .org('c', 'BRAND')
    .org('d', 'FACTORY')
    .link('b', 'a')
    .link('c', 'b')
    .link('d', 'c')
    .link('d', 'b', { id: 'd>b' })
    .link('c', 'a', { id: 'c>a' })
    .link('d', 'a', { id: 'd>a' })
    .build();

/** The store before each test: a graph that the new one does not contain. */
const previous = () => graph().org('old-1', 'PURCHASER').org('old-2').link('old-2', 'old-1').build();

/** Writes like the real repository until its link batches run out, then fails as a lost connection would. */
class FailingRepository extends ImportRepository {
  constructor(
    executor: Executor,
    private linkBatches: number,
  ) {
    super(executor);
  }

  override async upsertLinks(records: LinkRecord[], importedAt: Date): Promise<void> {
    if (this.linkBatches-- <= 0) throw new Error('connection lost');
    await super.upsertLinks(records, importedAt);
  }
}

const interrupt = async (origin: ImportOrigin, reset: boolean): Promise<ImportInterruptedError> => {
  const error: unknown = await importGraph(
    documentSource({ ...next() }),
    new FailingRepository(db.executor, 1),
    {
      origin,
      reset,
      batchSize: 2,
      settleMs: 0,
    },
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportInterruptedError);
  return error as ImportInterruptedError;
};

const unfinishedRuns = async (): Promise<ImportRun[]> =>
  (await db.imports.runs.list()).filter((run) => run.finishedAt === null);

beforeEach(async () => {
  await loadGraph(db, previous());
});

describe('an interrupted import', () => {
  it('says how far it got and that the store is incomplete, and leaves its run unfinished', async () => {
    const error = await interrupt(FILE, true);
    expect(error.message).toBe(
      'the store is incomplete: the import of /data/graph.json was interrupted after 6 of 10 records ' +
        '(connection lost). The API answers SERVICE_UNAVAILABLE until it completes: ' +
        'run `tiersight import /data/graph.json --reset` again.',
    );
    expect(await unfinishedRuns()).toEqual([
      expect.objectContaining({
        source: FILE.source,
        reset: true,
        total: 10,
        command: `${FILE.command} --reset`,
      }),
    ]);
    // What readers are kept from: neither the previous graph nor the new one.
    expect(await countAll(db)).toMatchObject({ organizations: 4, links: 2 });
  });

  it('is completed by running it again, which empties the store first if the interrupted run did', async () => {
    await interrupt(FILE, true);
    const [interrupted] = await unfinishedRuns();
    const outcome = await importGraph(documentSource({ ...next() }), db.imports, {
      origin: FILE,
      settleMs: 0,
    });
    expect(outcome).toMatchObject({ ok: true, reset: true, completed: [{ id: interrupted!.id }] });
    expect(await countAll(db)).toEqual({ organizations: 4, links: 6, shares: 0, risks: 0 });
    const runs = await db.imports.runs.list();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ source: FILE.source, finishedAt: expect.any(Date) });
  });

  it('blocks any other import that would not empty the store, and writes nothing', async () => {
    await interrupt(FILE, false);
    // The graph and the runs (which the dump leaves out): the blocked import marks no run of its own.
    const before = await dumpGraph(db.driver);
    const runsBefore = await db.imports.runs.list();
    const error: unknown = await importGraph(documentSource({ ...next() }), db.imports, {
      origin: OTHER,
      settleMs: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportBlockedError);
    expect((error as Error).message).toMatch(
      /^the store is incomplete: the import of \/data\/graph\.json started at \S+ did not finish, so the API answers SERVICE_UNAVAILABLE\. Complete it with `tiersight import \/data\/graph\.json`, or replace the whole store with `tiersight import \/data\/other\.json --reset`\. Nothing was written\.$/,
    );
    expect(await dumpGraph(db.driver)).toEqual(before);
    expect(await db.imports.runs.list()).toEqual(runsBefore);

    const replaced = await importGraph(documentSource({ ...next() }), db.imports, {
      origin: OTHER,
      reset: true,
      settleMs: 0,
    });
    expect(replaced).toMatchObject({ ok: true, completed: [], replaced: [{ source: FILE.source }] });
    expect(await unfinishedRuns()).toEqual([]);
  });

  it('stays unfinished when the run that should complete it finds a bad record, and the report says so', async () => {
    await interrupt(FILE, true);
    const bad = { ...next(), links: [{ id: 'x', supplier: 'ghost', customer: 'a', products: [] }] };
    const outcome = await importGraph(documentSource(bad), db.imports, { origin: FILE, settleMs: 0 });
    expect(outcome.ok).toBe(false);
    expect(() => reportImport(FILE.source, outcome)).toThrow(
      /1 problem\(s\) found; nothing was written\. The store is still incomplete from the interrupted import of \/data\/graph\.json/,
    );
    expect(await unfinishedRuns()).toHaveLength(1);
  });
});

describe('an import stopped (Ctrl-C)', () => {
  it('writes nothing when stopped while validating, and says how far it got when stopped while writing', async () => {
    const early = new AbortController();
    early.abort(new Error('stopped by SIGINT'));
    await expect(
      importGraph(documentSource({ ...next() }), db.imports, { origin: FILE, signal: early.signal }),
    ).rejects.toThrow('stopped by SIGINT');
    expect(await db.imports.runs.list()).toHaveLength(1); // the previous graph's finished run only

    const late = new AbortController();
    class StoppedAfterOrganizations extends ImportRepository {
      override async upsertLinks(records: LinkRecord[], importedAt: Date): Promise<void> {
        late.abort(new Error('stopped by SIGINT'));
        await super.upsertLinks(records, importedAt);
      }
    }
    const error: unknown = await importGraph(
      documentSource({ ...next() }),
      new StoppedAfterOrganizations(db.executor),
      { origin: FILE, batchSize: 2, settleMs: 0, signal: late.signal },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterruptedError);
    expect((error as Error).message).toContain('interrupted after 6 of 10 records (stopped by SIGINT)');
    expect(await unfinishedRuns()).toHaveLength(1);
  });
});

describe('a good import', () => {
  it('marks its run before its first write, waits IMPORT_SETTLE_MS, and finishes it after its last', async () => {
    const seen: { unfinished: ImportRun[]; at: number }[] = [];
    class Watching extends ImportRepository {
      override async deleteAllData(): Promise<void> {
        seen.push({ unfinished: await unfinishedRuns(), at: Date.now() });
        await super.deleteAllData();
      }
    }
    const outcome = await importGraph(documentSource({ ...next() }), new Watching(db.executor), {
      origin: FILE,
      reset: true,
    });
    expect(outcome.ok).toBe(true);
    const [first] = seen;
    expect(first!.unfinished).toHaveLength(1);
    // The store's clock and this process's are the same machine's; allow for rounding only.
    expect(first!.at - first!.unfinished[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(
      IMPORT_SETTLE_MS - 5,
    );
    expect(await unfinishedRuns()).toEqual([]);
  });
});
