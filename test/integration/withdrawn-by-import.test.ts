// A disclosure's withdrawnBy in tiersight/v1: `tiersight export` writes it and an import restores it; a
// file without it (an older backup's) still imports, as unknown (null), except that the withdrawal the
// store holds, restated, keeps who made it; an import that withdraws a live disclosure is its actor, as
// it is of a version it records (`tiersight-import`).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureRecord, TiersightFile } from '../../src/domain/format.ts';
import { exportGraph } from '../../src/export/export-graph.ts';
import { ExportRepository } from '../../src/export/export-repository.ts';
import { TiersightWriter } from '../../src/export/tiersight-writer.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource, fileSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const WITHDRAWN = '2020-01-01T00:00:00.000Z';
const base = () => graph().org('buyer', 'PURCHASER').org('brand', 'BRAND').link('brand', 'buyer');
/** The brand's disclosure `id`, published before any withdrawal here. */
const about = (id: string, extra: Partial<DisclosureRecord> = {}) =>
  base().disclosure('brand', 'brand', { id, publishedAt: '2019-01-01T00:00:00Z', ...extra });

const importDocument = async (file: TiersightFile, reset = false) => {
  const outcome = await importGraph(documentSource({ ...file }), db.imports, {
    origin: TEST_ORIGIN,
    reset,
    settleMs: 0,
  });
  if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
};

const withdrawal = async (id: string) => {
  const { records } = await db.driver.executeQuery(
    `MATCH (d:Disclosure {id: $id}) RETURN toString(d.withdrawnAt) AS at, d.withdrawnBy AS by`,
    { id },
  );
  return records.map((r) => r.toObject())[0];
};

describe('withdrawnBy in tiersight/v1', () => {
  it('is exported and restored with the disclosure', async () => {
    await loadGraph(
      db,
      base()
        .disclosure('brand', 'brand', {
          id: 'gone',
          publishedAt: '2019-01-01T00:00:00Z',
          withdrawnAt: WITHDRAWN,
          withdrawnBy: 'anna@brand',
        })
        .disclosure('brand', 'brand', { id: 'live', publishedAt: '2019-01-01T00:00:00Z' })
        .build(),
    );
    const before = await dumpGraph(db.driver);
    const path = join(mkdtempSync(join(tmpdir(), 'tiersight-withdrawn-by-')), 'export.json');
    await exportGraph(new ExportRepository(db.executor), db.imports.runs, await TiersightWriter.toFile(path));
    const file = JSON.parse(readFileSync(path, 'utf8')) as TiersightFile;
    expect(file.disclosures!.map((d) => [d.id, d.withdrawnBy ?? null])).toEqual([
      ['gone', 'anna@brand'],
      ['live', null],
    ]);
    const outcome = await importGraph(fileSource(path), db.imports, {
      origin: TEST_ORIGIN,
      reset: true,
      settleMs: 0,
    });
    if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
    expect(await dumpGraph(db.driver)).toEqual(before);
    expect(await withdrawal('gone')).toEqual({ at: '2020-01-01T00:00:00Z', by: 'anna@brand' });
  });

  it('an older file without it imports, the withdrawal by nobody known', async () => {
    await importDocument(about('gone', { withdrawnAt: WITHDRAWN }).build(), true);
    expect(await withdrawal('gone')).toEqual({ at: '2020-01-01T00:00:00Z', by: null });
  });

  it('restating the stored withdrawal without it keeps who made it; another withdrawal does not', async () => {
    await importDocument(
      base()
        .disclosure('brand', 'brand', {
          id: 'gone',
          publishedAt: '2019-01-01T00:00:00Z',
          withdrawnAt: WITHDRAWN,
          withdrawnBy: 'anna@brand',
        })
        .build(),
      true,
    );
    await importDocument(about('gone', { withdrawnAt: WITHDRAWN }).build());
    expect(await withdrawal('gone')).toEqual({ at: '2020-01-01T00:00:00Z', by: 'anna@brand' });
    // The same instant in another offset is the same withdrawal (Neo4j's = on the two is false).
    await importDocument(about('gone', { withdrawnAt: '2020-01-01T02:00:00+02:00' }).build());
    expect(await withdrawal('gone')).toMatchObject({ by: 'anna@brand' });
    await importDocument(about('gone', { withdrawnAt: '2021-01-01T00:00:00Z' }).build());
    expect(await withdrawal('gone')).toEqual({ at: '2021-01-01T00:00:00Z', by: null });
    // Made live again, it has no withdrawal, nor anybody who made one.
    await importDocument(about('gone').build());
    expect(await withdrawal('gone')).toEqual({ at: null, by: null });
  });

  it('an import that withdraws a live disclosure is its actor, unless the record names one', async () => {
    await importDocument(about('a').disclosure('brand', 'brand', { id: 'b' }).build(), true);
    await importDocument(
      base()
        .disclosure('brand', 'brand', {
          id: 'a',
          publishedAt: '2019-01-01T00:00:00Z',
          withdrawnAt: WITHDRAWN,
        })
        .disclosure('brand', 'brand', {
          id: 'b',
          publishedAt: '2019-01-01T00:00:00Z',
          withdrawnAt: WITHDRAWN,
          withdrawnBy: 'anna@brand',
        })
        .build(),
    );
    expect(await withdrawal('a')).toEqual({ at: '2020-01-01T00:00:00Z', by: 'tiersight-import' });
    expect(await withdrawal('b')).toEqual({ at: '2020-01-01T00:00:00Z', by: 'anna@brand' });
  });

  it('refuses withdrawnBy without withdrawnAt, naming the value, and writes nothing', async () => {
    await loadGraph(db, base().build());
    const before = await dumpGraph(db.driver);
    const outcome = await importGraph(
      documentSource({
        ...about('x', { withdrawnBy: 'anna@brand' }).build(),
      }),
      db.imports,
      { origin: TEST_ORIGIN, settleMs: 0 },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.validation.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^disclosures\[0\] .*withdrawnBy must be absent while withdrawnAt is, got "anna@brand"$/,
      ),
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });
});
