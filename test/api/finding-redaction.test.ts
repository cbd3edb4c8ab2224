// redactFinding (specification, "Findings"): a monitor erases a withdrawn finding's texts, which were
// public (every viewer whose chain reaches the organization saw them), for everyone and at every
// instant: an asOf before the withdrawal shows the indicator with its texts gone and when they went;
// labels say "(text redacted)". Once, only of a withdrawn finding, only by its monitor; the erased texts
// survive nowhere the API reaches: not in a backup's round trip, not in the recordFinding key.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { backupAndRestore, exportFile, importFileOk } from '../support/backup.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_FINDING } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const NAMING = NAMING_FINDING;
const FIELDS = `id kind severity source description evidenceUrl observedAt recordedAt withdrawnAt redactedAt
  redactedByUserId`;
const RECORD = `mutation($input: FindingInput!, $key: String) {
  recordFinding(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`;
const REDACT = `mutation($id: ID!) { redactFinding(id: $id) { ${FIELDS} } }`;
const RECORDED = `{ findingsRecorded { ${FIELDS} } }`;
const CHAIN_AS_OF = `query($t: DateTime) { supplyChain(asOf: $t) { tiers { organizations { id
  risks { id source description evidenceUrl redactedAt recordedBy { id } } } } } }`;
const RISKS_AS_OF = `query($t: DateTime) { organization(id: "factory") { risks(asOf: $t) {
  id source description evidenceUrl redactedAt recordedBy { id } } } }`;
const ASSESSMENT_AS_OF = `query($t: DateTime) { riskAssessment(asOf: $t) { organizations {
  organization { id } components { name inputs { label source } } } } }`;
const EXPORT_AS_OF = `query($t: DateTime) { chainExport(format: CSV, asOf: $t) { content } }`;

interface Finding {
  id: string;
  recordedAt: string;
  source: string;
  description: string | null;
  evidenceUrl: string | null;
  withdrawnAt: string | null;
  redactedAt: string | null;
  redactedByUserId: string | null;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
const mutate = async (query: string, id: string, as = 'ew') => t.api.query(as, query, { id }, [...ADMIN]);

let finding: Finding;
let before = '';
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY', { name: 'Factory One' })
      .org('ew', 'MONITOR', { name: 'Electronics Watch' })
      .org('dw', 'MONITOR', { name: 'DanWatch' })
      .link('brand', 'buyer')
      .link('factory', 'brand')
      .share('brand', 'buyer')
      .share('brand', 'ew')
      .share('brand', 'dw')
      .risk('factory', { id: 'imported' })
      .build(),
  );
  finding = ok<Finding>(
    await t.api.query('ew', RECORD, { input: NAMING, key: 'k-li-wei' }, [...ADMIN]),
    'recordFinding',
  );
  await pause();
  before = new Date().toISOString();
  await pause();
});

const withdrawn = async () => ok(await mutate(WITHDRAW, finding.id), 'withdrawFinding');
const redacted = async () => ok<Finding>(await mutate(REDACT, finding.id), 'redactFinding');
const texts = (shown: object) => JSON.stringify(shown);

describe('redactFinding', () => {
  it('erases a withdrawn finding for its monitor, keeping what names nobody', async () => {
    await withdrawn();
    const erased = await redacted();
    expect(erased).toMatchObject({
      id: finding.id,
      kind: 'AUDIT_FINDING',
      severity: 'HIGH',
      source: '',
      description: null,
      evidenceUrl: null,
      observedAt: '2026-03-01T00:00:00.000Z',
      recordedAt: finding.recordedAt,
      redactedByUserId: expect.any(String),
    });
    expect(Date.parse(erased.redactedAt!)).toBeGreaterThanOrEqual(Date.parse(erased.withdrawnAt!));
    const [listed] = ok<Finding[]>(await t.api.query('ew', RECORDED, {}, [...ADMIN]), 'findingsRecorded');
    expect(listed).toEqual(erased);
  });

  it('erases it for every viewer at every instant: an asOf before the withdrawal says so', async () => {
    await withdrawn();
    const { redactedAt } = await redacted();
    const shown = {
      id: finding.id,
      source: '',
      description: null,
      evidenceUrl: null,
      redactedAt,
      recordedBy: { id: 'ew' },
    };
    const chain = ok<{ tiers: { organizations: { id: string; risks: { id: string }[] }[] }[] }>(
      await t.api.query('buyer', CHAIN_AS_OF, { t: before }),
      'supplyChain',
    );
    const factory = chain.tiers.flatMap((tier) => tier.organizations).find((o) => o.id === 'factory');
    expect(factory?.risks.find((r) => r.id === finding.id)).toEqual(shown);
    expect(texts(chain)).not.toMatch(/Li Wei/);
    // Another monitor, looking the organization up.
    const looked = ok<{ risks: { id: string }[] }>(
      await t.api.query('dw', RISKS_AS_OF, { t: before }),
      'organization',
    );
    expect(looked.risks.find((r) => r.id === finding.id)).toEqual(shown);
    const assessment = ok<object>(
      await t.api.query('buyer', ASSESSMENT_AS_OF, { t: before }),
      'riskAssessment',
    );
    expect(texts(assessment)).not.toMatch(/Li Wei/);
    expect(texts(assessment)).toContain(
      '"source":"(text redacted) (recorded by the monitor Electronics Watch, ew)"',
    );
    const csv = ok<{ content: string }>(
      await t.api.query('buyer', EXPORT_AS_OF, { t: before }),
      'chainExport',
    );
    expect(csv.content).not.toMatch(/Li Wei/);
    expect(csv.content).toContain('(text redacted)');
  });

  it('refuses a finding that stands, and changes nothing', async () => {
    const graphBefore = await dumpGraph(t.db.driver);
    const refused = await mutate(REDACT, finding.id);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      `finding "${finding.id}" is not withdrawn: withdraw it first (withdrawFinding), then erase its texts`,
    );
    expect(await dumpGraph(t.db.driver)).toEqual(graphBefore);
  });

  it('erases once: a second call changes nothing and answers the finding as erased', async () => {
    await withdrawn();
    const first = await redacted();
    await pause();
    const graphBefore = await dumpGraph(t.db.driver);
    expect(await redacted()).toEqual(first);
    expect(await dumpGraph(t.db.driver)).toEqual(graphBefore);
  });

  it("answers another monitor's finding, an imported indicator and an unknown id alike, writing nothing", async () => {
    await withdrawn();
    const graphBefore = await dumpGraph(t.db.driver);
    for (const id of [finding.id, 'imported', 'f-nowhere']) {
      const refused = await mutate(REDACT, id, 'dw');
      expect(codes(refused)).toEqual(['NOT_FOUND']);
      expect(refused.errors?.[0]?.message).toBe(`Finding "${id}" not found`);
    }
    expect(await dumpGraph(t.db.driver)).toEqual(graphBefore);
  });

  it("is for the monitor's supplier_admin only", async () => {
    await withdrawn();
    const refused = await t.api.query('ew', REDACT, { id: finding.id }, ['analyst']);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const [listed] = ok<Finding[]>(await t.api.query('ew', RECORDED, {}, [...ADMIN]), 'findingsRecorded');
    expect(listed?.source).toBe(NAMING.source);
  });
});

describe('redactFinding raced with withdrawFinding and with itself', () => {
  it('erases only after the withdrawal, and once', async () => {
    for (let round = 0; round < 4; round++) {
      const id = ok<Finding>(
        await t.api.query('ew', RECORD, { input: NAMING }, [...ADMIN]),
        'recordFinding',
      ).id;
      const [withdrawal, erasure, again] = await Promise.all([
        mutate(WITHDRAW, id),
        mutate(REDACT, id),
        mutate(REDACT, id),
      ]);
      expect(codes(withdrawal)).toEqual([]);
      const stored = ok<Finding[]>(
        await t.api.query('ew', RECORDED, {}, [...ADMIN]),
        'findingsRecorded',
      ).find((f) => f.id === id)!;
      const erased = [erasure, again].filter((answer) => codes(answer).length === 0);
      for (const answer of [erasure, again].filter((a) => codes(a).length > 0))
        expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      if (erased.length === 0) {
        expect(stored).toMatchObject({ source: NAMING.source, redactedAt: null });
        continue;
      }
      expect(stored).toMatchObject({ source: '', description: null, evidenceUrl: null });
      expect(Date.parse(stored.redactedAt!)).toBeGreaterThanOrEqual(Date.parse(stored.withdrawnAt!));
      for (const answer of erased) expect(answer.data?.['redactFinding']).toEqual(stored);
    }
  });
});

describe("a finding's idempotency key once it is erased", () => {
  const retry = (input: object) => t.api.query('ew', RECORD, { input, key: 'k-li-wei' }, [...ADMIN]);

  it('keeps no fingerprint of the erased texts: a retry answers the finding, whatever texts it sends', async () => {
    const guess = { ...NAMING, source: 'Audit by EW, 2026: worker Wang Fang said overtime was forced' };
    expect(codes(await retry(guess))).toEqual(['BAD_USER_INPUT']);
    await withdrawn();
    await redacted();
    expect(ok<Finding>(await retry(NAMING), 'recordFinding').id).toBe(finding.id);
    expect(ok<Finding>(await retry(guess), 'recordFinding').id).toBe(finding.id);
    // Another request in what the erasure left (its severity) is still refused.
    expect(codes(await retry({ ...NAMING, severity: 'LOW' }))).toEqual(['BAD_USER_INPUT']);
    const keys = await rowsOf(
      t.db,
      `MATCH (k:IdempotencyKey {mutation: 'recordFinding'}) RETURN k.fingerprint IS NULL AS forgotten`,
    );
    expect(keys).toEqual([{ forgotten: true }]);
  });
});

describe('an erased finding in a backup', () => {
  it('stays erased through export and import --reset', async () => {
    await withdrawn();
    const erased = await redacted();
    expect(await backupAndRestore(t.db)).toEqual([]);
    const [listed] = ok<Finding[]>(await t.api.query('ew', RECORDED, {}, [...ADMIN]), 'findingsRecorded');
    expect(listed).toEqual(erased);
  });

  it('stays erased, and withdrawn, when a file written before the erasure is imported again', async () => {
    const standing = await exportFile(t.db);
    await withdrawn();
    const withdrawnFile = await exportFile(t.db);
    const erased = await redacted();
    const graphAfter = await dumpGraph(t.db.driver);
    for (const file of [standing, withdrawnFile]) {
      await importFileOk(t.db, file);
      expect(JSON.stringify(await dumpGraph(t.db.driver))).not.toMatch(/Li Wei/);
      const [listed] = ok<Finding[]>(await t.api.query('ew', RECORDED, {}, [...ADMIN]), 'findingsRecorded');
      expect(listed).toEqual(erased);
    }
    expect(await dumpGraph(t.db.driver)).toEqual(graphAfter);
  });
});
