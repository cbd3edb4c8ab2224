// recordFinding, withdrawFinding and findingsRecorded (specification, "Findings"): a MONITOR's own
// public risk indicators, seen wherever their organization is with the monitor named, refused for an
// organization it may not name exactly as for a missing one, and withdrawn only by it.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { backupAndRestore } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const RECORD = `mutation($input: FindingInput!, $key: String) {
  recordFinding(input: $input, idempotencyKey: $key) {
    id kind severity source description evidenceUrl observedAt recordedAt recordedByUserId withdrawnAt
    organization { id name type country } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawFinding(id: $id) { id withdrawnAt } }`;
const RECORDED = `{ findingsRecorded { id organization { id } withdrawnAt } }`;
const RISKS = `query($id: ID!) { organization(id: $id) { risks { id kind source severity recordedBy { id name type } } } }`;
const RISKS_AS_OF = `query($t: DateTime) { supplyChain(asOf: $t) { tiers { organizations { id risks { id } } } } }`;
const EXPOSURE = `{ exposure { findings { organization { id } indicators { id recordedBy { id } } } } }`;

interface Finding {
  id: string;
  withdrawnAt: string | null;
  organization: { id: string };
}

const FINDING = {
  kind: 'REPORT',
  severity: 'HIGH',
  source: 'Electronics Watch, compliance report, March 2026',
  description: 'Student interns on night shifts',
  evidenceUrl: 'https://electronicswatch.org/report.pdf',
  observedAt: '2026-03-01',
};

const record = (input: Record<string, unknown>, as = 'ew', roles: readonly string[] = ADMIN, key?: string) =>
  t.api.query(as, RECORD, { input: { ...FINDING, ...input }, key }, [...roles] as never);
const recorded = async (as = 'ew') =>
  ok<Finding[]>(await t.api.query(as, RECORDED, {}, [...ADMIN]), 'findingsRecorded');
const risksOf = async (as: string, id: string) =>
  ok<{ risks: { id: string; recordedBy: { id: string } | null }[] } | null>(
    await t.api.query(as, RISKS, { id }),
    'organization',
  );

beforeEach(async () => {
  // buyer sees reseller (1), brand (2) and factory (3); the brand shares its factory with the monitor ew;
  // `other`'s factory is nobody's to see; `listed` is in the directory only.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY', { name: 'Factory One' })
      .org('other', 'BRAND')
      .org('hidden', 'FACTORY')
      .org('listed', 'FACTORY', { listed: true })
      .org('ew', 'MONITOR', { name: 'Electronics Watch' })
      .org('dw', 'MONITOR', { name: 'DanWatch' })
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .link('hidden', 'other')
      .share('reseller', 'buyer')
      .share('brand', 'buyer')
      .share('brand', 'ew')
      .risk('factory', { id: 'imported' })
      .build(),
  );
});

describe('recordFinding', () => {
  it('records a public indicator that every viewer of the organization sees, naming the monitor', async () => {
    const finding = ok<Finding & Record<string, unknown>>(
      await record({ organizationId: 'factory' }),
      'recordFinding',
    );
    expect(finding).toMatchObject({
      ...FINDING,
      observedAt: '2026-03-01T00:00:00.000Z',
      recordedByUserId: 'user@ew',
      withdrawnAt: null,
      organization: { id: 'factory', name: 'Factory One', type: 'FACTORY', country: 'SE' },
    });
    expect(finding.id).toMatch(/^f-/);
    const seen = (await risksOf('buyer', 'factory'))!.risks;
    expect(seen.find((r) => r.id === finding.id)).toEqual({
      id: finding.id,
      kind: 'REPORT',
      source: FINDING.source,
      severity: 'HIGH',
      recordedBy: { id: 'ew', name: 'Electronics Watch', type: 'MONITOR' },
    });
    expect(seen.find((r) => r.id === 'imported')?.recordedBy).toBeNull();
    const exposure = ok<{ findings: { organization: { id: string }; indicators: { id: string }[] }[] }>(
      await t.api.query('buyer', EXPOSURE),
      'exposure',
    );
    expect(
      exposure.findings.find((f) => f.organization.id === 'factory')?.indicators.map((i) => i.id),
    ).toContain(finding.id);
    expect((await recorded()).map((f) => f.id)).toEqual([finding.id]);
  });

  it('records one about a listed organization the monitor cannot look up', async () => {
    const finding = ok<Finding>(await record({ organizationId: 'listed' }), 'recordFinding');
    expect(finding.organization.id).toBe('listed');
  });

  it('answers an organization the monitor may not name as a missing one, writing nothing', async () => {
    const hidden = await record({ organizationId: 'hidden' });
    const missing = await record({ organizationId: 'nowhere' });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(hidden.errors?.[0]?.message).toBe('Organization "hidden" not found');
    expect(missing.errors?.[0]?.message).toBe('Organization "nowhere" not found');
    expect(hidden.data).toEqual(missing.data);
    expect(await recorded()).toEqual([]);
    expect((await risksOf('other', 'hidden'))!.risks).toEqual([]);
  });

  it('is for the supplier_admin of a MONITOR only', async () => {
    const brand = await record({ organizationId: 'factory' }, 'brand');
    expect(codes(brand)).toEqual(['FORBIDDEN']);
    expect(brand.errors?.[0]?.message).toBe(
      'Recording findings is for MONITOR organizations (NGOs, auditors, researchers); brand is a BRAND.',
    );
    const analyst = await record({ organizationId: 'factory' }, 'ew', ['analyst']);
    expect(codes(analyst)).toEqual(['FORBIDDEN']);
    // Refused whatever it names: a non-monitor learns nothing about an id.
    expect(codes(await record({ organizationId: 'hidden' }, 'brand'))).toEqual(['FORBIDDEN']);
    expect((await risksOf('buyer', 'factory'))!.risks.map((r) => r.id)).toEqual(['imported']);
  });

  it("lists the organization's findings to any of its roles; recording and withdrawing stay the supplier_admin's", async () => {
    const id = ok<Finding>(await record({ organizationId: 'factory' }), 'recordFinding').id;
    const listed = ok<Finding[]>(await t.api.query('ew', RECORDED, {}, ['analyst']), 'findingsRecorded');
    expect(listed.map((f) => f.id)).toEqual([id]);
    expect(codes(await t.api.query('ew', WITHDRAW, { id }, ['analyst']))).toEqual(['FORBIDDEN']);
    // Another organization's analyst lists its own: none, nothing of the monitor's.
    expect(ok<Finding[]>(await t.api.query('buyer', RECORDED, {}, ['analyst']), 'findingsRecorded')).toEqual(
      [],
    );
  });

  it('names every bad field and its value, and writes nothing', async () => {
    const refused = await record({
      organizationId: 'factory',
      source: '  ',
      evidenceUrl: 'ftp://example.org/x',
      observedAt: '2999-01-01',
      description: 'x'.repeat(4_001),
    });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      'Invalid finding: input.source must be 1..300 characters and not blank, got "  "; ' +
        'input.description must be at most 4000 characters, got 4001; ' +
        'input.evidenceUrl must be an http(s) URL of at most 2000 characters, got "ftp://example.org/x"; ' +
        'input.observedAt must not be in the future, got "2999-01-01T00:00:00.000Z"',
    );
    const own = await record({ organizationId: 'ew' });
    expect(own.errors?.[0]?.message).toBe(
      'organizationId must be another organization than the monitor, got "ew"',
    );
    const twoLines = await record({ organizationId: 'factory', source: 'EW\nreport' });
    expect(twoLines.errors?.[0]?.message).toBe(
      'Invalid finding: input.source must be one line without control characters, got "EW\\nreport" (U+000A at character 3)',
    );
    expect(await recorded()).toEqual([]);
  });

  it('answers a retry with the same key with the finding the first call recorded', async () => {
    const first = ok<Finding>(
      await record({ organizationId: 'factory' }, 'ew', ADMIN, 'k-1'),
      'recordFinding',
    );
    const again = ok<Finding>(
      await record({ organizationId: 'factory' }, 'ew', ADMIN, 'k-1'),
      'recordFinding',
    );
    expect(again.id).toBe(first.id);
    expect((await recorded()).map((f) => f.id)).toEqual([first.id]);
    const other: GraphQLResponse = await record(
      { organizationId: 'factory', severity: 'LOW' },
      'ew',
      ADMIN,
      'k-1',
    );
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('withdrawFinding', () => {
  it('withdraws it from now on; an asOf before still shows it', async () => {
    const finding = ok<Finding>(await record({ organizationId: 'factory' }), 'recordFinding');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const withdrawn = ok<Finding>(
      await t.api.query('ew', WITHDRAW, { id: finding.id }, [...ADMIN]),
      'withdrawFinding',
    );
    expect(Date.parse(withdrawn.withdrawnAt!)).toBeGreaterThan(Date.parse(between));
    expect((await risksOf('buyer', 'factory'))!.risks.map((r) => r.id)).toEqual(['imported']);
    const then = ok<{ tiers: { organizations: { id: string; risks: { id: string }[] }[] }[] }>(
      await t.api.query('buyer', RISKS_AS_OF, { t: between }),
      'supplyChain',
    );
    const factory = then.tiers.flatMap((tier) => tier.organizations).find((o) => o.id === 'factory');
    expect(factory?.risks.map((r) => r.id).sort()).toEqual([finding.id, 'imported'].sort());
    expect(await recorded()).toEqual([
      { id: finding.id, organization: { id: 'factory' }, withdrawnAt: withdrawn.withdrawnAt },
    ]);
    const twice = await t.api.query('ew', WITHDRAW, { id: finding.id }, [...ADMIN]);
    expect(twice.errors?.[0]?.message).toBe(`finding "${finding.id}" is already withdrawn`);
  });

  it("answers another monitor's finding, an imported indicator and an unknown id alike", async () => {
    const finding = ok<Finding>(await record({ organizationId: 'factory' }), 'recordFinding');
    for (const id of [finding.id, 'imported', 'f-nowhere']) {
      const refused = await t.api.query('dw', WITHDRAW, { id }, [...ADMIN]);
      expect(codes(refused)).toEqual(['NOT_FOUND']);
      expect(refused.errors?.[0]?.message).toBe(`Finding "${id}" not found`);
    }
    expect((await risksOf('buyer', 'factory'))!.risks.map((r) => r.id)).toContain(finding.id);
  });
});

describe('findings in a backup', () => {
  it('keep their monitor, its user and their withdrawal through export and import --reset', async () => {
    const kept = ok<Finding>(await record({ organizationId: 'factory' }), 'recordFinding');
    const gone = ok<Finding>(
      await record({ organizationId: 'listed', kind: 'AUDIT_FINDING' }),
      'recordFinding',
    );
    ok(await t.api.query('ew', WITHDRAW, { id: gone.id }, [...ADMIN]), 'withdrawFinding');
    const before = await recorded();
    expect(await backupAndRestore(t.db)).toEqual([]);
    expect(await recorded()).toEqual(before);
    const seen = (await risksOf('buyer', 'factory'))!.risks;
    expect(seen.find((r) => r.id === kept.id)?.recordedBy).toMatchObject({ id: 'ew' });
    // Withdrawn before the backup, it stays withdrawn after the restore.
    const again = await t.api.query('ew', WITHDRAW, { id: gone.id }, [...ADMIN]);
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
  });
});
