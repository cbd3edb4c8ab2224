// Review of monitors' findings: only a MONITOR records a finding (specification, section 13), and an
// import kept any organization as a finding's recordedBy. Every viewer of the finding's organization
// then read that organization's identity card in RiskIndicator.recordedBy, even one hidden from it
// (rule 6), and its supplier_admin could withdraw the finding. Now refused naming the record and the
// id, whether the file or the database says what the organization is (the file's type wins), and
// nothing is written; so is a file that makes a monitor with findings in the database another type
// (whose next backup would not restore), unless the file records those findings anew.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import type { OrganizationRecord, RiskRecord } from '../../src/domain/format.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';

let db: TestDatabase;

const importRecords = async (records: { organizations?: OrganizationRecord[]; risks?: RiskRecord[] }) => {
  const file = { format: 'tiersight/v1', organizations: [], links: [], ...records };
  const outcome = await importGraph(documentSource(file), db.imports, {
    origin: TEST_ORIGIN,
    reset: false,
    settleMs: 0,
  });
  return outcome.ok ? [] : outcome.validation.problems.map(formatProblem);
};

const finding = (recordedBy: string): RiskRecord => ({
  id: 'f-1',
  organization: 'factory',
  kind: 'REPORT',
  source: 'A report',
  severity: 'HIGH',
  recordedBy,
  recordedByUserId: 'anna',
});

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await loadGraph(
    db,
    graph().org('factory', 'FACTORY').org('brand', 'BRAND').org('watch', 'MONITOR').build(),
  );
});

describe("a finding's recordedBy in an import", () => {
  it('names a MONITOR, of the database or of the file', async () => {
    expect(await importRecords({ risks: [finding('watch')] })).toEqual([]);
    const monitor = { id: 'ngo', name: 'NGO', type: 'MONITOR', country: 'SE' } as const;
    expect(await importRecords({ organizations: [monitor], risks: [finding('ngo')] })).toEqual([]);
  });

  it('is refused naming any other organization, and nothing is written', async () => {
    const before = await dumpGraph(db.driver);
    expect(await importRecords({ risks: [finding('brand')] })).toEqual([
      'risks[0] (id "f-1"): recordedBy "brand" is no MONITOR: only a MONITOR records findings',
    ]);
    const retyped = { id: 'watch', name: 'Watch', type: 'BRAND', country: 'SE' } as const;
    expect(await importRecords({ organizations: [retyped], risks: [finding('watch')] })).toEqual([
      'risks[0] (id "f-1"): recordedBy "watch" is no MONITOR: only a MONITOR records findings',
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it("keeps a monitor's type while the database holds findings it recorded", async () => {
    expect(await importRecords({ risks: [finding('watch')] })).toEqual([]);
    const before = await dumpGraph(db.driver);
    const retyped = { id: 'watch', name: 'Watch', type: 'BRAND', country: 'SE' } as const;
    expect(await importRecords({ organizations: [retyped] })).toEqual([
      'organizations[0] (id "watch"): type: only a MONITOR records findings, and the database holds ' +
        'finding "f-1" of "watch"; keep its type MONITOR, or give that finding another recordedBy in the file',
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
    const ngo = { id: 'ngo', name: 'NGO', type: 'MONITOR', country: 'SE' } as const;
    expect(await importRecords({ organizations: [retyped, ngo], risks: [finding('ngo')] })).toEqual([]);
  });

  it('is not dropped from a finding the database holds', async () => {
    // Dropped, the finding became an indicator of nobody's, and a withdrawn one counted again: the
    // upsert cleared its withdrawal, and no monitor could withdraw it any more.
    const withdrawn = { ...finding('watch'), withdrawnAt: '2026-01-02T00:00:00Z', withdrawnByUserId: 'anna' };
    expect(await importRecords({ risks: [{ ...withdrawn, recordedAt: '2026-01-01T00:00:00Z' }] })).toEqual(
      [],
    );
    const before = await dumpGraph(db.driver);
    const { recordedBy: _monitor, recordedByUserId: _user, ...unattributed } = finding('watch');
    expect(await importRecords({ risks: [unattributed] })).toEqual([
      'risks[0] (id "f-1"): the database holds it as a finding of "watch": give its recordedBy ' +
        '(a MONITOR) and recordedByUserId',
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });
});
