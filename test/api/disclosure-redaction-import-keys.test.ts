// Review of redactFinding, the same gap on the disclosures' side: the operator erases version 1 of a
// disclosure by importing its record with that version redacted (specification, section 6: a record's
// history replaces every stored version). redactDisclosureVersion removes the publication key's
// fingerprint of the erased texts; the import's erasure left it for the rest of the key's 24 hours.
import { beforeEach, describe, expect, it } from 'vitest';
import { REDACTED_ACTION_TEXTS, REDACTED_TEXTS } from '../../src/domain/disclosures.ts';
import { ok } from '../support/api.ts';
import { exportFile, importFileOk } from '../support/backup.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_CONTENT, UNNAMING_CONTENT } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const SECOND = UNNAMING_CONTENT;

const fingerprints = () =>
  rowsOf(
    t.db,
    `MATCH (k:IdempotencyKey {mutation: 'publishDisclosure'})
     RETURN k.fingerprint IS NOT NULL AS fingerprint, k.erasedFingerprint IS NOT NULL AS erasedFingerprint`,
  );

let id = '';
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('brand', 'BRAND').org('factory', 'MANUFACTURER').link('factory', 'brand').build(),
  );
  id = ok<{ id: string }>(
    await t.api.query(
      'brand',
      `mutation($input: DisclosureInput!, $key: String) { publishDisclosure(input: $input, idempotencyKey: $key) { id } }`,
      { input: { kind: 'AUDIT_REPORT', subjectId: 'factory', content: NAMING_CONTENT }, key: 'k-audit' },
      [...ADMIN],
    ),
    'publishDisclosure',
  ).id;
  ok(
    await t.api.query(
      'brand',
      `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { version } }`,
      { id, input: SECOND },
      [...ADMIN],
    ),
    'updateDisclosure',
  );
});

describe("a disclosure's publication key once the operator's import erases version 1", () => {
  it('loses its fingerprint of the erased texts', async () => {
    expect(await fingerprints()).toEqual([{ fingerprint: true, erasedFingerprint: true }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const erasedAt = new Date().toISOString();
    const file = await exportFile(t.db);
    const disclosures = (file.disclosures ?? []).map((d) =>
      d.id !== id
        ? d
        : {
            ...d,
            history: (d.history ?? []).map((v, i) =>
              i === 0
                ? {
                    ...v,
                    ...REDACTED_TEXTS,
                    actions: v.actions.map((a) => ({ ...a, ...REDACTED_ACTION_TEXTS })),
                    redactedAt: erasedAt,
                    redactedBy: 'cli:operator',
                  }
                : v,
            ),
          },
    );
    await importFileOk(t.db, { ...file, disclosures });
    const [stored] = await rowsOf(
      t.db,
      `MATCH (:Disclosure {id: $id})-[:VERSION]->(v:DisclosureVersion {version: 1})
       RETURN v.title AS title, v.redactedAt IS NOT NULL AS redacted`,
      { id },
    );
    expect(stored).toEqual({ title: '', redacted: true });
    expect(await fingerprints()).toEqual([{ fingerprint: false, erasedFingerprint: true }]);
  });
});
