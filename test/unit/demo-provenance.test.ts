// Every record of the demo scenario says what it is (docs/demo-scenario.md, "Real names, careful
// claims"): an organization without a provenance reached the dashboard's CSV export with an empty
// provenance column and its details panel with no provenance at all (Atea AS, the reseller Oslo
// kommune buys from, whose role is illustrative).
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';

describe('the demo scenario states a provenance for every record', () => {
  it('of every organization, documented or illustrative', () => {
    for (const o of DEMO_SCENARIO.organizations)
      expect(['DOCUMENTED', 'ILLUSTRATIVE'], o.id).toContain(o.provenance);
  });

  it('of Atea AS: illustrative, as its only source says', () => {
    const atea = DEMO_SCENARIO.organizations.find((o) => o.id === 'no-atea');
    expect(atea?.sources?.[0]).toMatch(/^Illustrative/);
    expect(atea?.provenance).toBe('ILLUSTRATIVE');
  });
});
