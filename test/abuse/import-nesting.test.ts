// Issue 8, item 7: a record nested 100,000 arrays deep ended the import in `RangeError: Maximum call
// stack size exceeded`, naming no record. Nesting is bounded while the file is read, and the record is
// reported like any other bad one; nothing is written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileOrigin, fileSource, MAX_RECORD_DEPTH } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { dumpGraph } from '../support/graph-dump.ts';

const DEPTH = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-nesting-'));
let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reports a record nested 100,000 levels deep by its index and id, reads on, and writes nothing', async () => {
  const deep = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
  const file = join(dir, 'deep.json');
  writeFileSync(
    file,
    `{"format":"tiersight/v1","organizations":[` +
      `{"id":"fine","name":"Fine","type":"FACTORY","country":"SE"},` +
      `{"id":"deep","name":"Deep","type":"FACTORY","country":"SE","aliases":${deep}},` +
      `{"id":"after","name":"After","type":"FACTORY","country":"XX","extra":${deep}}` +
      `],"links":[{"id":"l","supplier":"fine","customer":"deep","products":[]}]}`,
  );
  // A graph the refused --reset would have emptied: the whole of it must be there after.
  await loadGraph(
    db,
    graph().org('kept', 'BRAND').org('kept-supplier').link('kept-supplier', 'kept').build(),
  );
  const before = await dumpGraph(db.driver);
  const started = performance.now();
  const outcome = await importGraph(fileSource(file), db.imports, { origin: fileOrigin(file), reset: true });
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(outcome.ok).toBe(false);
  expect(outcome.validation.counts).toMatchObject({ organizations: 3, links: 1 });
  expect(outcome.validation.problems.map(formatProblem)).toEqual([
    `organizations[1] (id "deep"): field "aliases" is nested more than ${MAX_RECORD_DEPTH} levels deep`,
    `organizations[2] (id "after"): field "extra" is nested more than ${MAX_RECORD_DEPTH} levels deep`,
    // An unreadable organization is not in the file for what refers to it, as with any bad record.
    `links[0] (id "l"): customer "deep" is not an organization in the file`,
  ]);
  expect(await dumpGraph(db.driver)).toEqual(before);
});
