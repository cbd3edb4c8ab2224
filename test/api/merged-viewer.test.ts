// A token whose organization was merged away moments ago. Each process remembers for 10 s that a
// token's organization exists (src/modules/organizations/known-organizations.ts); a merge through this
// process forgets the merged organization at once, so its tokens are refused as they are 10 s later,
// never answered INTERNAL_SERVER_ERROR by a mutation that finds no viewer.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { MergeRepository } from '../../src/modules/merging/merge-repository.ts';
import { MergeService } from '../../src/modules/merging/merge-service.ts';

const t = useApi('production');
const REQUEST = 'mutation { requestAccess(organizationId: "s", scope: SOURCING, message: "hi") { id } }';
const MERGE = 'mutation { mergeOrganizations(keepId: "a", mergeId: "b") { formerlyMergedIds } }';

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('a', 'PURCHASER')
      .org('b', 'PURCHASER')
      .org('c', 'PURCHASER')
      .org('d', 'PURCHASER')
      .org('s', 'RESELLER')
      .link('s', 'b')
      .link('s', 'c')
      .link('s', 'd')
      .build(),
  );
});

describe('a token of an organization merged away within the last 10 s', () => {
  it('is not answered 500 when it requests access', async () => {
    // The same request from an organization that exists is accepted (the arguments are fine).
    expect(codes(await t.api.query('c', REQUEST))).toEqual([]);
    const asB = { authorization: `Bearer ${await t.api.token('b', ['supplier_admin', 'analyst'])}` };
    // b's token is used (and its organization remembered), then b is merged into a.
    expect(codes(await t.api.query(asB, '{ me { organization { id } } }'))).toEqual([]);
    expect(codes(await t.api.query('a', MERGE, {}, ['platform_admin']))).toEqual([]);
    const response = await t.api.query(asB, REQUEST);
    expect(response.status).not.toBe(500);
    expect(codes(response)).toEqual([expect.stringMatching(/^(UNAUTHENTICATED|NOT_FOUND)$/)]);
  });
});

describe('a token of an organization merged away through another process', () => {
  it('is answered UNAUTHENTICATED by requestAccess while this process still vouches for it', async () => {
    const asD = { authorization: `Bearer ${await t.api.token('d', ['analyst'])}` };
    expect(codes(await t.api.query(asD, '{ me { organization { id } } }'))).toEqual([]);
    // Another replica (here the command line's service) merges d away: this process is not told.
    await new MergeService(new MergeRepository(t.db.executor), {
      actorUserId: 'operator',
      at: new Date(),
    }).merge('c', 'd');
    const response = await t.api.query(asD, REQUEST);
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await rowsOf(t.db, "MATCH (r:AccessRequest {message: 'hi'}) RETURN count(r) AS n")).toEqual([
      { n: 1 },
    ]);
  });
});
