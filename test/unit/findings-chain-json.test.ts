// Review of monitors' findings: chainExport's JSON (tiersight-chain/v1) gives a finding's recordedBy as
// the monitor's identity card, as RiskIndicator.recordedBy does. It wrote the decoder's record instead:
// the internal marker `identityOnly` and the monitor's detail fields (city, coordinates, osId, …) as
// null though they were never read, which a script reads as "the monitor has no city".
import { describe, expect, it } from 'vitest';
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';
import type { Organization, RiskIndicator } from '../../src/domain/model.ts';
import { chainToJson } from '../../src/export/chain-json.ts';

const organization = (id: string, type: Organization['type']): Organization => ({
  id,
  name: `Org ${id}`,
  type,
  country: 'SE',
  ...unreadOrganizationDetail(),
});
const finding: RiskIndicator = {
  id: 'f-1',
  kind: 'REPORT',
  source: 'EW report',
  severity: 'HIGH',
  topics: [],
  description: null,
  evidenceUrl: null,
  observedAt: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
  delistedAt: null,
  recordedBy: { ...organization('ew', 'MONITOR'), identityOnly: true },
  redactedAt: null,
};

describe("a finding's recordedBy in chainExport's JSON", () => {
  it("is the monitor's identity card", () => {
    const json = chainToJson({
      viewerId: 'v',
      rootId: 'v',
      maxDepth: 2,
      asOf: null,
      product: null,
      exportedAt: '2026-12-06T00:00:00.000Z',
      nodes: [
        { organization: organization('v', 'PURCHASER'), tier: 0, risks: [], disclosed: [] },
        { organization: organization('factory', 'FACTORY'), tier: 1, risks: [finding], disclosed: [] },
      ],
      links: [],
    });
    const [, factory] = (JSON.parse(json) as { organizations: { risks: RiskIndicator[] }[] }).organizations;
    expect(factory?.risks[0]?.recordedBy).toEqual({
      id: 'ew',
      name: 'Org ew',
      type: 'MONITOR',
      country: 'SE',
    });
  });
});
