// A monitor's own findings name their organization as the monitor may see it, not as a bare identity
// card: listing its findings with each organization's risks must show those findings (a researcher's
// first check that a finding landed), and a city it may see must not read as unknown.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const RECORD = `mutation($input: FindingInput!) {
  recordFinding(input: $input) { id organization { id city risks { id } } } }`;
const RECORDED = `{ findingsRecorded { id organization { id name city risks { id } } } }`;

interface Card {
  id: string;
  name?: string;
  city: string | null;
  risks: { id: string }[];
}

const record = (organizationId: string) =>
  t.api.query(
    'ew',
    RECORD,
    { input: { organizationId, kind: 'REPORT', severity: 'HIGH', source: 'Electronics Watch, 2026' } },
    [...ADMIN],
  );

beforeEach(async () => {
  // The brand shares its factory with the monitor ew (revoked in the last test); `listed` is in the
  // directory only.
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY', { name: 'Factory One', city: 'Dongguan' })
      .org('listed', 'FACTORY', { listed: true, city: 'Shenzhen' })
      .org('ew', 'MONITOR', { name: 'Electronics Watch' })
      .link('factory', 'brand')
      .share('brand', 'ew')
      .risk('factory', { id: 'imported' })
      .build(),
  );
});

describe('Finding.organization', () => {
  it('is the organization whole when the monitor may look it up, its risks including the finding', async () => {
    const finding = ok<{ id: string; organization: Card }>(await record('factory'), 'recordFinding');
    expect(finding.organization.city).toBe('Dongguan');
    expect(finding.organization.risks.map((r) => r.id).sort()).toEqual([finding.id, 'imported'].sort());
    const [listedOne] = ok<{ id: string; organization: Card }[]>(
      await t.api.query('ew', RECORDED, {}, [...ADMIN]),
      'findingsRecorded',
    );
    expect(listedOne).toEqual({
      id: finding.id,
      organization: {
        id: 'factory',
        name: 'Factory One',
        city: 'Dongguan',
        risks: expect.arrayContaining([{ id: finding.id }, { id: 'imported' }]) as unknown,
      },
    });
  });

  it("is a listed organization's directory card beyond rule 5", async () => {
    const finding = ok<{ id: string; organization: Card }>(await record('listed'), 'recordFinding');
    expect(finding.organization).toEqual({ id: 'listed', city: 'Shenzhen', risks: [{ id: finding.id }] });
  });

  it('stays the identity card of an organization the monitor no longer sees', async () => {
    const finding = ok<{ id: string }>(await record('factory'), 'recordFinding');
    const [share] = ok<{ id: string }[]>(
      await t.api.query('brand', '{ sharesGiven { id } }', {}, [...ADMIN]),
      'sharesGiven',
    );
    ok(
      await t.api.query('brand', 'mutation($id: ID!) { revokeShare(id: $id) { id } }', { id: share!.id }, [
        ...ADMIN,
      ]),
      'revokeShare',
    );
    const [listedOne] = ok<{ id: string; organization: Card }[]>(
      await t.api.query('ew', RECORDED, {}, [...ADMIN]),
      'findingsRecorded',
    );
    expect(listedOne).toEqual({
      id: finding.id,
      organization: { id: 'factory', name: 'Factory One', city: null, risks: [] },
    });
  });
});
