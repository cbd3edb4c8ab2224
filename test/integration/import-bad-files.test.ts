// Bad `tiersight/v1` files at the edges of JSON and of text encodings are refused with the bad value and
// its place named, and nothing written (specification, section 6; data-model.md, "Import": "Validation
// guarantees that a bad file writes nothing"): bytes that are not UTF-8, ids and texts with unpaired
// surrogates (which Neo4j would store as U+FFFD), a section given twice, a number too large for a double.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-bad-files-'));
let fileNo = 0;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const file = (content: string | Buffer) => {
  const path = join(dir, `file-${fileNo++}.json`);
  writeFileSync(path, content);
  return path;
};

/** Imports `path`; the problems, or the thrown message, or null when it was imported. */
async function tryImport(path: string, reset = false): Promise<string[] | string | null> {
  try {
    const outcome = await importGraph(fileSource(path), db.imports, {
      origin: TEST_ORIGIN,
      reset,
      settleMs: 0,
    });
    return outcome.ok ? null : outcome.validation.problems.map(formatProblem);
  } catch (error) {
    return (error as Error).message;
  }
}

const unfinishedRuns = async () => {
  const { records } = await db.driver.executeQuery(
    'MATCH (r:ImportRun) WHERE r.finishedAt IS NULL RETURN count(r) AS n',
  );
  return Number(records[0]!.get('n'));
};

describe(
  'bad files are refused, naming the value and its place, and nothing is written',
  { timeout: 120_000 },
  () => {
    it('a file that is not UTF-8 (a Windows-1252 "é" and "ü") is refused instead of stored with U+FFFD', async () => {
      await loadGraph(db, graph().org('x').build());
      const before = await dumpGraph(db.driver);
      const path = file(
        Buffer.concat([
          Buffer.from('{"format":"tiersight/v1","organizations":[{"id":"a","name":"Caf'),
          Buffer.from([0xe9]),
          Buffer.from(' M'),
          Buffer.from([0xfc]),
          Buffer.from('ller","type":"BRAND","country":"SE"}]}'),
        ]),
      );
      const outcome = await tryImport(path);
      // Not imported as "Caf\uFFFD M\uFFFDller" (the decoder's replacement character) without a word.
      expect(outcome).toMatch(/is not UTF-8: byte 0xE9 at byte offset 63 is not part of a UTF-8 character/);
      expect(await dumpGraph(db.driver)).toEqual(before);
    });

    const twoSurrogateIds = () =>
      file(
        // JSON escapes of lone surrogates: distinct JavaScript strings, both sent to Neo4j as U+FFFD.
        '{"format":"tiersight/v1","organizations":[' +
          '{"id":"dup\\ud800","name":"A","type":"BRAND","country":"SE"},' +
          '{"id":"dup\\udc00","name":"B","type":"BRAND","country":"SE"}]}',
      );
    const storedDup = async () => {
      const { records } = await db.driver.executeQuery(
        `MATCH (o:Organization) WHERE o.id STARTS WITH 'dup' RETURN o.id AS id, o.name AS name ORDER BY name`,
      );
      return records.map((r) => [r.get('id') as string, r.get('name') as string]);
    };

    it('two ids that differ only in unpaired surrogates are refused, not merged into one organization', async () => {
      await loadGraph(db, graph().org('x').build());
      const outcome = await tryImport(twoSurrogateIds());
      // Refused by validation, naming organizations[0] and [1]; accepted, they became ONE organization
      // 'dup\uFFFD' named "B": the second record silently overwrote the first.
      expect({ outcome, stored: await storedDup() }).toMatchObject({
        outcome: expect.arrayContaining([expect.stringMatching(/^organizations\[[01]\]/)]),
        stored: [],
      });
    });

    it('the same file with --reset is refused by validation: the store is not emptied and left unfinished', async () => {
      await loadGraph(db, graph().org('x').build());
      const outcome = await tryImport(twoSurrogateIds(), true);
      const unfinished = await unfinishedRuns();
      const organizations = Number(
        (await db.driver.executeQuery('MATCH (o:Organization) RETURN count(o) AS n')).records[0]!.get('n'),
      );
      // Refused by validation, nothing written (organization 'x' still there), no unfinished run. Had
      // validation passed, --reset would empty the store, the CREATE of the second organization break
      // the uniqueness constraint, and the run stay unfinished (the API answering SERVICE_UNAVAILABLE).
      expect({
        refusedByValidation: Array.isArray(outcome),
        outcome,
        unfinished,
        organizations,
      }).toMatchObject({
        refusedByValidation: true,
        unfinished: 0,
        organizations: 1,
      });
    });

    it('a text with an unpaired surrogate is refused, naming the field', async () => {
      await loadGraph(db, graph().org('x').build());
      const path = file(
        '{"format":"tiersight/v1","organizations":[{"id":"t","name":"A\\udc00","type":"BRAND","country":"SE","aliases":["ok","B\\ud800"]}]}',
      );
      expect(await tryImport(path)).toEqual([
        `organizations[0] (id "t"): name must be well-formed Unicode text (it has an unpaired surrogate), got "A\\udc00"`,
        `organizations[0] (id "t"): aliases[1] must be well-formed Unicode text (it has an unpaired surrogate), got "B\\ud800"`,
      ]);
    });

    it('an id with an unpaired surrogate is refused rather than stored as another id', async () => {
      await loadGraph(db, graph().org('x').build());
      const path = file(
        '{"format":"tiersight/v1","organizations":[{"id":"lone\\ud800","name":"A","type":"BRAND","country":"SE"}]}',
      );
      const outcome = await tryImport(path);
      const { records } = await db.driver.executeQuery(
        `MATCH (o:Organization) WHERE o.id STARTS WITH 'lone' RETURN o.id AS id`,
      );
      // Not stored under "lone\uFFFD", an id the file never named.
      expect({ outcome: Array.isArray(outcome), stored: records.map((r) => r.get('id') as string) }).toEqual({
        outcome: true,
        stored: [],
      });
    });

    it('a section given twice is refused, rather than its records named by places they do not have', async () => {
      await loadGraph(db, graph().org('x').build());
      const path = file(
        '{"format":"tiersight/v1",' +
          '"organizations":[{"id":"a","name":"A","type":"BRAND","country":"SE"},{"id":"b","name":"B","type":"BRAND","country":"SE"}],' +
          '"links":[],' +
          '"organizations":[{"id":"c","name":"C","type":"BRAND","country":"XX"}]}',
      );
      const outcome = await tryImport(path);
      // Read on, 'c' would be named organizations[0], which in the file is 'a'.
      expect(outcome).not.toEqual([
        'organizations[0] (id "c"): country must be an assigned ISO 3166-1 alpha-2 code (e.g. SE, CN), got "XX"',
      ]);
      expect(outcome).toEqual([
        `file: top-level key "organizations" appears a second time: give each section once`,
      ]);
    });

    it('a number too large for a double is named as written, not as null', async () => {
      await loadGraph(db, graph().org('x').build());
      const path = file(
        '{"format":"tiersight/v1","organizations":[{"id":"a","name":"A","type":"BRAND","country":"SE","latitude":1e400}]}',
      );
      const outcome = await tryImport(path);
      // Not "got null": the file says 1e400, which JSON.parse reads as Infinity.
      expect(String(outcome)).not.toContain('got null');
      expect(outcome).toEqual([
        `organizations[0] (id "a"): latitude must be a number from -90 to 90, got Infinity`,
      ]);
    });
  },
);
