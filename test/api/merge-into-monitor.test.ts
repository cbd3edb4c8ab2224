// A MONITOR has no supply links of its own (specification, section 1), and a merge keeps the kept
// record's own fields, its type among them: merging an organization with supply links into a MONITOR
// would make a monitor that supplies or buys. Before the fix the merge went ahead (the monitor 'watch'
// then supplied 'buyer'); now it is refused naming both ids and the links, and nothing is written. The
// other way round (a monitor record merged into the organization with links) and two monitors go ahead.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const MERGE = `mutation($keepId: ID!, $mergeId: ID!) {
  mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId mergedId } }`;
const merge = (keepId: string, mergeId: string) =>
  t.api.query('operator', MERGE, { keepId, mergeId }, ['platform_admin']);

// 'watch' and 'watch-dup' are monitors that buyer shares with; 'mill' supplies 'buyer' and 'f' supplies
// 'mill'.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('watch', 'MONITOR')
      .org('watch-dup', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('mill', 'MANUFACTURER')
      .org('f', 'FACTORY')
      .link('mill', 'buyer', { id: 'mill>buyer' })
      .link('f', 'mill', { id: 'f>mill' })
      .share('buyer', 'watch', { id: 'to-watch' })
      .share('buyer', 'watch-dup', { id: 'to-watch-dup' })
      .build(),
  );
});

describe('mergeOrganizations into a MONITOR', () => {
  it('refuses an organization with supply links, naming both ids and the links, writing nothing', async () => {
    const before = await dumpGraph(t.db.driver);
    const response = await merge('watch', 'mill');
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe(
      `keepId "watch" is a MONITOR, which has no supply links, and mergeId "mill" has 2 supply links ` +
        `"f>mill", "mill>buyer": merged, they would be the monitor's; if they are one organization, keep ` +
        '"mill" and merge "watch" into it',
    );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('merges two monitors, and a monitor into the organization with links', async () => {
    expect(codes(await merge('watch-dup', 'watch'))).toEqual([]);
    expect(codes(await merge('mill', 'watch-dup'))).toEqual([]);
  });
});
