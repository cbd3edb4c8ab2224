// Review of monitors' findings: a merge moves a monitor's findings to the organization kept, which then
// names it as their recorder. Kept as any other type, every viewer of the finding's organization read
// that organization's identity card in RiskIndicator.recordedBy, even one hidden from it (rule 6), and
// its supplier_admin withdrew the findings though it may not record one. So a merge that would move
// findings to an organization that is no MONITOR is refused, as one that would give a MONITOR links.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;
const RECORDED = `{ findingsRecorded { id } }`;
const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) {
  keptId moved { findingsRecorded other } } }`;
const RECORDER = `{ organization(id: "factory") { risks { id recordedBy { id type } } } }`;

const merge = (keepId: string, mergeId: string) =>
  t.api.query('buyer', MERGE, { keepId, mergeId }, ['platform_admin']);

beforeEach(async () => {
  // `other` is an unlisted brand that buyer has no way to.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('other', 'BRAND')
      .org('ew', 'MONITOR')
      .org('dw', 'MONITOR')
      .link('brand', 'buyer')
      .link('factory', 'brand')
      .share('brand', 'buyer')
      .share('brand', 'ew')
      .build(),
  );
});

const recordOne = async () => {
  const input = { organizationId: 'factory', kind: 'REPORT', severity: 'HIGH', source: 'EW report' };
  return ok<{ id: string }>(await t.api.query('ew', RECORD, { input }, [...ADMIN]), 'recordFinding').id;
};

describe('merging a monitor that recorded findings', () => {
  it('into an organization that is no MONITOR is refused, and nothing moves', async () => {
    const id = await recordOne();
    const refused = await merge('other', 'ew');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      `keepId "other" is no MONITOR, and mergeId "ew" recorded finding "${id}": merged, it would be ` +
        `recorded by an organization that may record none; if they are one organization, keep "ew" and merge "other" into it`,
    );
    expect(JSON.stringify((await t.api.query('buyer', RECORDER)).data)).toBe(
      `{"organization":{"risks":[{"id":"${id}","recordedBy":{"id":"ew","type":"MONITOR"}}]}}`,
    );
    expect(ok<unknown[]>(await t.api.query('other', RECORDED, {}, [...ADMIN]), 'findingsRecorded')).toEqual(
      [],
    );
  });

  it('into another MONITOR moves them, and the other way round keeps them', async () => {
    const id = await recordOne();
    ok(await merge('ew', 'other'), 'mergeOrganizations');
    // Counted as the findings they are, not as "other" relationships.
    expect(ok<{ moved: unknown }>(await merge('dw', 'ew'), 'mergeOrganizations').moved).toEqual({
      findingsRecorded: 1,
      other: 0,
    });
    expect(
      ok<{ id: string }[]>(await t.api.query('dw', RECORDED, {}, [...ADMIN]), 'findingsRecorded'),
    ).toEqual([{ id }]);
  });
});
