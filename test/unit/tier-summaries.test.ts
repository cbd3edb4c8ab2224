// The per-tier counts a dashboard draws its bars from (SupplyChain.summary): one entry per tier, in
// tier order, with counts by type and by country, most first and ties in name order.
import { describe, expect, it } from 'vitest';
import type { OrganizationType } from '../../src/domain/format.ts';
import type { Organization } from '../../src/domain/model.ts';
import { summarize } from '../../src/modules/supply-chain/supply-chain-service.ts';
import { anOrganization } from '../support/organizations.ts';

const org = (id: string, type: OrganizationType, country: string): Organization =>
  anOrganization({ id, type, country });

describe('summarize', () => {
  it('counts each tier by type and by country, most first, ties in name order', () => {
    const summary = summarize([
      { tier: 1, organizations: [org('reseller', 'RESELLER', 'SE')] },
      {
        tier: 2,
        organizations: [
          org('f1', 'FACTORY', 'MY'),
          org('m1', 'MANUFACTURER', 'CN'),
          org('f2', 'FACTORY', 'CN'),
          org('b1', 'BRAND', 'US'),
          org('f3', 'FACTORY', 'MY'),
          org('m2', 'MANUFACTURER', 'TW'),
        ],
      },
    ]);
    expect(summary).toEqual([
      {
        tier: 1,
        organizations: 1,
        byType: [{ type: 'RESELLER', count: 1 }],
        byCountry: [{ country: 'SE', count: 1 }],
      },
      {
        tier: 2,
        organizations: 6,
        byType: [
          { type: 'FACTORY', count: 3 },
          { type: 'MANUFACTURER', count: 2 },
          { type: 'BRAND', count: 1 },
        ],
        byCountry: [
          { country: 'CN', count: 2 },
          { country: 'MY', count: 2 },
          { country: 'TW', count: 1 },
          { country: 'US', count: 1 },
        ],
      },
    ]);
  });

  it('does not depend on the order organizations arrive in', () => {
    const organizations = [
      org('a', 'FACTORY', 'VN'),
      org('b', 'BRAND', 'DE'),
      org('c', 'FACTORY', 'DE'),
      org('d', 'MONITOR', 'VN'),
    ];
    const forwards = summarize([{ tier: 3, organizations }]);
    const backwards = summarize([{ tier: 3, organizations: [...organizations].reverse() }]);
    expect(backwards).toEqual(forwards);
    expect(forwards[0]?.byType.map((t) => t.type)).toEqual(['FACTORY', 'BRAND', 'MONITOR']);
    expect(forwards[0]?.byCountry.map((c) => c.country)).toEqual(['DE', 'VN']);
  });

  it('a chain with no suppliers has no tiers to summarize', () => {
    expect(summarize([])).toEqual([]);
  });
});
