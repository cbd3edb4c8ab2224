// Review of redactFinding: "the erasure removes the full fingerprint" of the recordFinding key, also
// when the finding's erasure does not come from the monitor that recorded it with that key: an import
// moved the finding to another monitor (a record's recordedBy) which then erased it, or the operator
// erased it by importing its record with redactedAt (section 6). Left, the fingerprint hashes the erased
// texts for the rest of the key's 24 hours: a guess can be tested against it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { RiskRecord } from '../../src/domain/format.ts';
import { ok } from '../support/api.ts';
import { exportFile, importFileOk } from '../support/backup.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_FINDING } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const NAMING = NAMING_FINDING;
const RECORD = `mutation($input: FindingInput!, $key: String) {
  recordFinding(input: $input, idempotencyKey: $key) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`;
const REDACT = `mutation($id: ID!) { redactFinding(id: $id) { id source } }`;

const fingerprints = () =>
  rowsOf(
    t.db,
    `MATCH (k:IdempotencyKey {mutation: 'recordFinding'}) RETURN k.organizationId AS organization,
       k.fingerprint IS NOT NULL AS fingerprint, k.erasedFingerprint IS NOT NULL AS erasedFingerprint`,
  );

let id = '';
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('ew', 'MONITOR')
      .org('dw', 'MONITOR')
      .link('factory', 'brand')
      .share('brand', 'ew')
      .share('brand', 'dw')
      .build(),
  );
  id = ok<{ id: string }>(
    await t.api.query('ew', RECORD, { input: NAMING, key: 'k-li-wei' }, [...ADMIN]),
    'recordFinding',
  ).id;
  expect(await fingerprints()).toEqual([{ organization: 'ew', fingerprint: true, erasedFingerprint: true }]);
});

/** The file of the whole store with the finding's record changed by `change`. */
async function withFinding(change: (record: RiskRecord) => RiskRecord) {
  const file = await exportFile(t.db);
  return { ...file, risks: (file.risks ?? []).map((r) => (r.id === id ? change(r) : r)) };
}

describe("a finding's recordFinding key once its texts are erased", () => {
  it('loses its fingerprint when the monitor an import moved the finding to erases them', async () => {
    await importFileOk(
      t.db,
      await withFinding((r) => ({ ...r, recordedBy: 'dw', recordedByUserId: 'bo@dw' })),
    );
    ok(await t.api.query('dw', WITHDRAW, { id }, [...ADMIN]), 'withdrawFinding');
    expect(
      ok<{ source: string }>(await t.api.query('dw', REDACT, { id }, [...ADMIN]), 'redactFinding'),
    ).toEqual({ id, source: '' });
    expect(await fingerprints()).toEqual([
      { organization: 'ew', fingerprint: false, erasedFingerprint: true },
    ]);
  });

  it('loses its fingerprint when the operator erases them by importing its record', async () => {
    ok(await t.api.query('ew', WITHDRAW, { id }, [...ADMIN]), 'withdrawFinding');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const erasedAt = new Date().toISOString();
    await importFileOk(
      t.db,
      await withFinding(({ description: _d, evidenceUrl: _u, ...r }) => ({
        ...r,
        source: '',
        redactedAt: erasedAt,
        redactedByUserId: 'cli:operator',
      })),
    );
    const [stored] = await rowsOf(
      t.db,
      `MATCH (r:RiskIndicator {id: $id}) RETURN r.source AS source, r.redactedAt IS NOT NULL AS redacted`,
      { id },
    );
    expect(stored).toEqual({ source: '', redacted: true });
    expect(await fingerprints()).toEqual([
      { organization: 'ew', fingerprint: false, erasedFingerprint: true },
    ]);
  });
});
