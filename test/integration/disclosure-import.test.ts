// The `disclosures` of tiersight/v1 and the scope of shares: validated like every record (each bad one
// named by array, index, id and field, nothing written), written with their versions (new content adds
// one, `history` replaces them), and exported back to the same graph.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
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

const base = () =>
  graph()
    .org('buyer', 'PURCHASER')
    .org('brand', 'BRAND')
    .org('factory', 'FACTORY')
    .org('stranger', 'FACTORY')
    .link('brand', 'buyer')
    .link('factory', 'brand', { validTo: '2015-01-01' });

const importDocument = (file: TiersightFile | Record<string, unknown>, reset = false) =>
  importGraph(documentSource({ ...file }), db.imports, { origin: TEST_ORIGIN, reset, settleMs: 0 });

const versions = async (id: string) => {
  const { records } = await db.driver.executeQuery(
    `MATCH (:Disclosure {id: $id})-[:VERSION]->(v) RETURN v.version AS version, v.title AS title,
     toString(v.recordedAt) AS recordedAt ORDER BY version`,
    { id },
  );
  return records.map((r) => r.toObject());
};

describe('importing disclosures', () => {
  it('names every bad record by array, index, id and field, and writes nothing', async () => {
    await loadGraph(db, base().build());
    const before = await dumpGraph(db.driver);
    const file = base()
      .disclosure('brand', 'stranger', { id: 'bad-subject' })
      .disclosure('brand', 'brand', {
        id: 'bad-fields',
        documentSha256: 'xyz',
        documentUrl: 'ftp://x',
        title: '',
      })
      .disclosure('brand', 'brand', {
        id: 'bad-actions',
        actions: [
          {
            id: 'a',
            finding: 'f',
            severity: 'HIGH',
            action: 'x',
            dueAt: '2020-01-01',
            status: 'CLOSED',
            verification: null,
            closedAt: null,
          },
        ],
      })
      .disclosure('brand', 'brand', { id: 'future', issuedAt: '2999-01-01', validUntil: '1999-01-01' })
      .share('brand', 'buyer', { scope: 'DISCLOSURES', disclosureIds: ['nope'] })
      .build();
    const outcome = await importDocument(file);
    expect(outcome.ok).toBe(false);
    const problems = outcome.validation.problems.map(formatProblem);
    expect(problems).toEqual([
      `shares[0] (id "brand=>buyer#0"): disclosureIds: "nope" is not a disclosure in the file or the database`,
      `disclosures[0] (id "bad-subject"): subject "stranger" must be the owner "brand" or one of its suppliers: no link in the file or the database has "stranger" as supplier and "brand" as customer`,
      'disclosures[1] (id "bad-fields"): title must be 1..200 characters and not blank, got ""',
      'disclosures[1] (id "bad-fields"): documentUrl must be an http(s) URL of at most 2000 characters, got "ftp://x"',
      'disclosures[1] (id "bad-fields"): documentSha256 must be 64 hexadecimal digits, got "xyz"',
      `disclosures[2] (id "bad-actions"): actions are only for CORRECTIVE_ACTION_PLAN and AUDIT_REPORT disclosures, not SELF_ASSESSMENT`,
      `disclosures[2] (id "bad-actions"): actions[0].closedAt is required when status is CLOSED`,
      'disclosures[3] (id "future"): issuedAt must not be in the future, got "2999-01-01"',
      'disclosures[3] (id "future"): validUntil must be after issuedAt ("2999-01-01"), got "1999-01-01"',
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('refuses a new withdrawn disclosure whose unstated publication would come after its withdrawal', async () => {
    const before = await dumpGraph(db.driver);
    const withdrawn = (extra: Record<string, string | null>) =>
      importDocument(
        base()
          .disclosure('brand', 'brand', {
            id: 'gone',
            publishedAt: null,
            withdrawnAt: '2020-01-01',
            ...extra,
          })
          .build(),
      );
    const atImport = await withdrawn({});
    expect(atImport.validation.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^disclosures\[0\] \(id "gone"\): withdrawnAt 2020-01-01\S* is before the import \(\S+\), when a disclosure that states no publishedAt is published: state publishedAt$/,
      ),
    ]);
    expect((await withdrawn({ recordedAt: '2021-01-01' })).validation.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/withdrawnAt 2020-01-01\S* is before its first version's recordedAt 2021-01-01/),
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
    expect((await withdrawn({ publishedAt: '2019-01-01' })).ok).toBe(true);
  });

  it('adds a version when the content changes, none when it does not; history replaces the versions', async () => {
    const first = base().disclosure('brand', 'factory', { id: 'd', publishedAt: '2014-01-01' }).build();
    await loadGraph(db, first);
    expect(await versions('d')).toEqual([
      { version: 1, title: 'About factory', recordedAt: '2014-01-01T00:00:00Z' },
    ]);
    expect((await importDocument(first)).ok).toBe(true);
    expect(await versions('d')).toHaveLength(1);
    const changed = base()
      .disclosure('brand', 'factory', { id: 'd', publishedAt: '2014-01-01', title: 'Revised' })
      .build();
    expect((await importDocument(changed)).ok).toBe(true);
    expect((await versions('d')).map((v) => [v['version'], v['title']])).toEqual([
      [1, 'About factory'],
      [2, 'Revised'],
    ]);
    const withHistory = base()
      .disclosure('brand', 'factory', {
        id: 'd',
        publishedAt: '2014-01-01',
        title: 'Third',
        recordedAt: '2016-01-01',
        history: [
          {
            ...base().disclosure('brand').build().disclosures![0]!,
            title: 'First',
            recordedAt: '2014-01-01',
          },
        ],
      })
      .build();
    expect((await importDocument(withHistory)).ok).toBe(true);
    expect((await versions('d')).map((v) => [v['version'], v['title']])).toEqual([
      [1, 'First'],
      [2, 'Third'],
    ]);
  });

  it('exports disclosures with their history, and disclosure shares, back to the same graph', async () => {
    const plan = {
      kind: 'CORRECTIVE_ACTION_PLAN' as const,
      publishedAt: '2014-02-01T10:00:00+01:00',
      validUntil: '2030-01-01',
      documentUrl: 'https://example.org/plan.pdf',
      documentSha256: 'ab'.repeat(32),
      products: ['laptops'],
      actions: [
        {
          id: 'a1',
          finding: 'Overtime',
          severity: 'HIGH' as const,
          action: 'Cap hours',
          dueAt: '2014-06-01',
          status: 'OPEN' as const,
          verification: null,
          closedAt: null,
        },
        {
          id: 'a2',
          finding: 'Exits',
          severity: 'CRITICAL' as const,
          action: 'Clear',
          dueAt: '2014-03-01',
          status: 'CLOSED' as const,
          verification: 'DESKTOP' as const,
          closedAt: '2014-02-20',
        },
      ],
    };
    await loadGraph(
      db,
      base()
        .disclosure('brand', 'factory', {
          id: 'plan',
          ...plan,
          withdrawnAt: '2020-01-01',
          provenance: 'ILLUSTRATIVE',
          sources: ['Demo'],
        })
        .disclosure('brand', 'brand', { id: 'self' })
        .share('brand', 'buyer', { scope: 'DISCLOSURES', disclosureIds: ['self'], createdAt: '2015-01-01' })
        .share('brand', 'buyer', { scope: 'DISCLOSURES' })
        .build(),
    );
    expect(
      (
        await importDocument(
          base()
            .disclosure('brand', 'factory', { id: 'plan', ...plan, title: 'v2' })
            .build(),
        )
      ).ok,
    ).toBe(true);
    const before = await dumpGraph(db.driver);
    const path = join(mkdtempSync(join(tmpdir(), 'tiersight-disclosures-')), 'export.json');
    const exported = await exportGraph(
      new ExportRepository(db.executor),
      db.imports.runs,
      await TiersightWriter.toFile(path),
    );
    expect(exported.written.disclosures).toBe(2);
    const outcome = await importGraph(fileSource(path), db.imports, {
      origin: TEST_ORIGIN,
      reset: true,
      settleMs: 0,
    });
    if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
    expect(await dumpGraph(db.driver)).toEqual(before);
  });
});
