// An import never brings back texts a redaction erased (specification, section 6): a file written
// before the redaction, imported onto the store after it, restates the redacted version with its texts.
// With its history, that version keeps its redaction; without a history, a withdrawn record whose
// content is the redacted current version's, texts aside, adds no version; a record that would make a
// disclosure live again around a redacted current version is refused, naming it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
import { checkDisclosure } from '../../src/import/disclosure-rules.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { ok } from '../support/api.ts';
import { exportFile, importFile, importFileOk } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_CONTENT, UNNAMING_CONTENT } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const FIRST = NAMING_CONTENT;
const SECOND = UNNAMING_CONTENT;

let id = '';
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('brand', 'BRAND').org('factory', 'MANUFACTURER').link('factory', 'brand').build(),
  );
  id = ok<{ id: string }>(
    await t.api.query(
      'brand',
      `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
      { input: { kind: 'AUDIT_REPORT', subjectId: 'factory', content: FIRST } },
      [...ADMIN],
    ),
    'publishDisclosure',
  ).id;
});

const call = async (query: string, vars: Record<string, unknown>, field: string) =>
  ok(await t.api.query('brand', query, vars, [...ADMIN]), field);
const update = () =>
  call(
    `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { version } }`,
    { id, input: SECOND },
    'updateDisclosure',
  );
const withdraw = () =>
  call(`mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`, { id }, 'withdrawDisclosure');
const redact = (version: number) =>
  call(
    `mutation($id: ID!, $v: Int!) { redactDisclosureVersion(id: $id, version: $v) { id } }`,
    { id, v: version },
    'redactDisclosureVersion',
  );

const exported = () => exportFile(t.db);
const imported = (file: TiersightFile) => importFile(t.db, file);
const importedOk = (file: TiersightFile) => importFileOk(t.db, file);

/** The disclosure record of `file` changed by `change`, alone with what it needs. */
const only = (file: TiersightFile, change: (record: Record<string, unknown>) => Record<string, unknown>) => ({
  ...file,
  disclosures: file.disclosures!.map((d) => change({ ...d }) as never),
});

const named = async () => JSON.stringify(await dumpGraph(t.db.driver)).match(/Li Wei/g)?.length ?? 0;

describe('an import of a file written before a redaction', () => {
  it('with history: the redacted version keeps its redaction, and importing it twice changes nothing', async () => {
    await update();
    const before = await exported();
    await redact(1);
    const redacted = await dumpGraph(t.db.driver);
    await importedOk(before);
    expect(await named()).toBe(0);
    expect(await dumpGraph(t.db.driver)).toEqual(redacted);
    await importedOk(before);
    expect(await dumpGraph(t.db.driver)).toEqual(redacted);
  });

  it('without history, withdrawn: the redacted current version is restated, no version added', async () => {
    await withdraw();
    const before = only(await exported(), ({ history: _history, ...record }) => record);
    await redact(1);
    const redacted = await dumpGraph(t.db.driver);
    await importedOk(before);
    expect(await named()).toBe(0);
    expect(await dumpGraph(t.db.driver)).toEqual(redacted);
  });

  it('a live record around a redacted current version is refused, naming it, and writes nothing', async () => {
    const live = await exported();
    await withdraw();
    await redact(1);
    const redacted = await dumpGraph(t.db.driver);
    for (const file of [live, only(live, ({ history: _history, ...record }) => record)]) {
      const outcome = await imported(file);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.validation.problems.map(formatProblem).join('\n')).toContain(
        `version 1 of disclosure "${id}", its current one, was redacted`,
      );
      expect(await dumpGraph(t.db.driver)).toEqual(redacted);
    }
  });

  it('a live record around a version redacted after the import checked the file is refused when written', async () => {
    const live = await exported();
    await withdraw();
    await redact(1);
    const redacted = await dumpGraph(t.db.driver);
    for (const file of [live, only(live, ({ history: _history, ...record }) => record)]) {
      const checked = checkDisclosure(file.disclosures![0], new Date());
      expect(checked.problems).toEqual([]);
      // The write of the batch that validation, run before the redaction, let through.
      await expect(t.db.imports.upsertDisclosures([checked.record!], new Date())).rejects.toThrow(
        `version 1 of disclosure "${id}" was redacted after the import checked the file`,
      );
      expect(await dumpGraph(t.db.driver)).toEqual(redacted);
    }
  });
});
