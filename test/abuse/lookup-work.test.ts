// Issue 8, item 5: looking up an organization that exists but is hidden from the viewer must cost what
// looking up an id that exists nowhere costs, or the answer time tells the two apart (visibility rule
// 6). For each statement that takes an organization id from the client (organization, supplyChain and
// exposure roots, paths' target, a share's recipient, a finding's organization) this compares Neo4j's own count of the work
// (PROFILE db hits, test/support/profile.ts), not a time: the same statement, the same parameters but
// the id, the same answer and the same total. Before the fix, rule 5 searched from the asked
// organization towards the viewer's roots, which it could not do for an id that exists nowhere: paths
// did 27 db hits for a hidden target against 17 for a missing one here. npm run bench prints the times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_DAYS } from '../../src/domain/access-requests.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/exposure/exposure-repository.ts';
import '../../src/modules/findings/finding-repository.ts';
import '../../src/modules/organizations/organization-repository.ts';
import '../../src/modules/risk/risk-repository.ts';
import '../../src/modules/sharing/share-repository.ts';
import '../../src/modules/supply-chain/supply-chain-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { expectSameWorkAsMissing, profiled } from '../support/profile.ts';

let db: TestDatabase;

const DEPTH = 6;
const MISSING = 'nope';
const HIDDEN = ['h', 'h0', 'h11'];

beforeAll(async () => {
  db = await openTestDatabase();
  // v sees its chain a <- b <- c (a and b shared their sourcing with it) and its customer k; h and its
  // own suppliers exist but v has no way to them, and they are wired densely (and into v's chain) so
  // that a search that started from h would do visibly more work.
  const built = viewerChain()
    .org('c', 'FACTORY')
    .org('k', 'PURCHASER')
    .link('c', 'b')
    .link('v', 'k')
    .share('a', 'v')
    .share('b', 'v')
    .org('h', 'BRAND')
    .link('h', 'c')
    .busySuppliers('h', 12, 'c');
  await loadGraph(db, built.build());
});

afterAll(async () => {
  await db?.close();
});

/** The parameters of the visibility fragments for viewer v, now. */
const scope = () => ({ viewer: 'v', t: toNeo4jDateTime(new Date()), historical: false, product: null });

/** Statement `name` about a missing id and each hidden one: the same rows and db hits (rule 6). */
const sameWorkAsMissing = (name: string, params: (id: string) => Record<string, unknown>) =>
  expectSameWorkAsMissing(db, name, MISSING, HIDDEN, params);

/** How many rows statement `name` returns for `id`, with `params(id)`. */
const rowsFor = async (name: string, params: (id: string) => Record<string, unknown>, id: string) =>
  (await profiled(db, name, params(id))).records.length;

describe('a hidden organization costs what a missing one costs', () => {
  it('looked up by id (rule 5)', async () => {
    const params = (id: string) => ({ ...scope(), ids: [id], cardIds: [id] });
    expect(await sameWorkAsMissing('visibility.visibleOrganizations', params)).toEqual([]);
    for (const visible of ['v', 'a', 'c', 'k'])
      expect(await rowsFor('visibility.visibleOrganizations', params, visible), visible).toBe(1);
  });

  it('as the root of a supply chain', async () => {
    const params = (root: string) => ({ ...scope(), root, organizationDetail: true, linkDetail: 'full' });
    const name = `visibility.supplyChain.depth${DEPTH}`;
    expect(await sameWorkAsMissing(name, params)).toEqual([]);
    const { records } = await profiled(db, name, params('b'));
    expect(records).toHaveLength(1);
    expect((records[0]?.get('tiers') as unknown[][]).flat().length).toBeGreaterThan(0);
  });

  it('as the root of an exposure', async () => {
    const params = (root: string) => ({
      ...scope(),
      root,
      depth: DEPTH,
      topics: null,
      answerDays: ANSWER_DAYS,
    });
    const name = `analysis.exposure.depth${DEPTH}`;
    expect(await sameWorkAsMissing(name, params)).toEqual([]);
    expect(await rowsFor(name, params, 'b')).toBe(1);
  });

  it('as the root of a risk assessment', async () => {
    const params = (root: string) => ({
      ...scope(),
      root,
      depth: DEPTH,
      organizationDetail: true,
      answerDays: ANSWER_DAYS,
    });
    const name = `analysis.risk.depth${DEPTH}`;
    expect(await sameWorkAsMissing(name, params)).toEqual([]);
    expect(await rowsFor(name, params, 'b')).toBe(1);
  });

  it('as the target of paths', async () => {
    const name = `analysis.paths.depth${DEPTH}`;
    const params = (toId: string) => ({ ...scope(), root: 'v', toId });
    // The links the paths are found among: those of the walk when the target is reached, else none.
    const crossed = async (toId: string) =>
      (await profiled(db, name, params(toId))).records[0]?.get('crossed') as unknown[];
    expect(await sameWorkAsMissing(name, params)).toEqual([{ rootId: 'v', crossed: [] }]);
    expect(await crossed('c')).not.toHaveLength(0);
  });

  it('as the organization chainsReaching looks for', async () => {
    const name = `analysis.chainsReaching.depth${DEPTH}`;
    const params = (toId: string) => ({ ...scope(), toId });
    const crossed = async (toId: string) =>
      (await profiled(db, name, params(toId))).records[0]?.get('crossed') as unknown[];
    expect(await sameWorkAsMissing(name, params)).toEqual([{ rootIds: expect.any(Array), crossed: [] }]);
    expect(await crossed('c')).not.toHaveLength(0);
  });

  it('named as the recipient of a share', async () => {
    // The links are not v's, so even a recipient v may name writes nothing.
    const params = (recipientId: string) => ({
      ...scope(),
      namedId: recipientId,
      namedMerged: false,
      id: 'share-never-written',
      scope: 'SOURCING',
      linkIds: ['c>b'],
      disclosureIds: null,
      expiresAt: null,
      actorUserId: 'user-v',
    });
    const named = async (recipientId: string) =>
      (await profiled(db, 'share.grant', params(recipientId))).records[0]?.get('recipientNamed') as boolean;
    const [refused] = await sameWorkAsMissing('share.grant', params);
    expect(refused).toMatchObject({ recipientNamed: false, share: null });
    expect(await named('c')).toBe(true);
  });

  it("named as the organization of a monitor's finding", async () => {
    // v is no MONITOR, so even an organization it may name gets no finding written.
    const params = (organizationId: string) => ({
      ...scope(),
      namedId: organizationId,
      namedMerged: false,
      id: 'finding-never-written',
      kind: 'REPORT',
      severity: 'HIGH',
      source: 'A report',
      description: null,
      evidenceUrl: null,
      observedAt: null,
      actorUserId: 'user-v',
      topics: [],
    });
    const named = async (organizationId: string) =>
      (await profiled(db, 'finding.record', params(organizationId))).records[0]?.get(
        'subjectNamed',
      ) as boolean;
    expect(await sameWorkAsMissing('finding.record', params)).toEqual([{ subjectNamed: false }]);
    expect(await named('c')).toBe(true);
  });
});
