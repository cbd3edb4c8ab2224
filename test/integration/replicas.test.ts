// Stateless replicas (issue 9): two `tiersight serve` processes on one Neo4j, as behind a load
// balancer. A share made through one and revoked through the other is in effect on both for every
// request that starts after the mutation returns (specification, section 4), and one token works on
// both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { postGraphQL, TEST_SECRET, type GraphQLResponse } from '../support/api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';
import { TIER_IDS, tierIdsOf } from '../support/reached.ts';
import { NOT_SHARED, resellerChain, SHARE, SHARED } from '../support/reseller-share.ts';
import { startServeProcess, type ServeProcess } from '../support/serve-process.ts';

const ROUNDS = 20;
/** Requests sent at once to each replica right after a mutation returns. */
const READERS = 3;

const REVOKE = 'mutation Revoke($id: ID!) { revokeShare(id: $id) { id active } }';

let db: TestDatabase;
let replicas: ServeProcess[] = [];
let admin: string;
let buyer: string;
/** The graph as loaded, before the replicas started. */
let graphBefore: string[];

const bearer = async (org: string, role: 'analyst' | 'supplier_admin', secret = TEST_SECRET) =>
  `Bearer ${await signToken({ sub: `user@${org}`, org, roles: [role] }, secret, 3600)}`;

function dataOf(response: GraphQLResponse, field: string): Record<string, unknown> {
  if (response.errors !== undefined || !response.data)
    throw new Error(`${field} failed: ${JSON.stringify(response)}`);
  return response.data[field] as Record<string, unknown>;
}

async function reached(replica: ServeProcess, authorization = buyer): Promise<string[]> {
  const response = await postGraphQL(replica.url, authorization, TIER_IDS);
  const ids = tierIdsOf(response);
  if (ids === null) throw new Error(`supplyChain failed: ${JSON.stringify(response)}`);
  return ids;
}

/** What READERS simultaneous requests to each replica answer, all started after the caller's mutation returned. */
const readEverywhere = () =>
  Promise.all(replicas.flatMap((replica) => Array.from({ length: READERS }, () => reached(replica))));

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, resellerChain());
  graphBefore = await dumpGraph(db.driver);
  [admin, buyer] = await Promise.all([bearer('reseller', 'supplier_admin'), bearer('buyer', 'analyst')]);
  // The test database's own timeout (test/support/database.ts): a loaded test machine is slow.
  // The rounds below send one token's requests faster than a person would; per-client limits are
  // test/api/operations.test.ts's subject, not this one's, so they are off here.
  const env = {
    JWT_SECRET: TEST_SECRET,
    NODE_ENV: 'production',
    NEO4J_TX_TIMEOUT_MS: '60000',
    RATE_LIMIT_PER_TOKEN: '0',
    CONCURRENT_PER_TOKEN: '0',
  };
  // Both ways of reaching Neo4j that a deployment uses must behave alike on one server: A through the
  // routing driver with reads on the leader, B direct with reads routed to followers.
  const routed = neo4jUri().replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
  replicas = await Promise.all([
    startServeProcess({ ...env, NEO4J_URI: routed }),
    startServeProcess({ ...env, NEO4J_URI: neo4jUri(), NEO4J_READ_ROUTING: 'followers' }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await db?.close();
});

describe('two API processes on one Neo4j', () => {
  it('are separate processes that loaded nothing of their own (no demo with NEO4J_URI set)', async () => {
    const [a, b] = replicas;
    expect(a!.pid).not.toBe(b!.pid);
    expect(a!.url).not.toBe(b!.url);
    expect(await dumpGraph(db.driver)).toEqual(graphBefore);
  });

  it('accept a token minted once on both, and refuse one signed with another secret on both', async () => {
    for (const replica of replicas) expect(await reached(replica)).toEqual(NOT_SHARED);
    const forged = await bearer('buyer', 'analyst', 'another-secret-that-is-at-least-32-characters');
    for (const replica of replicas) {
      const response = await postGraphQL(replica.url, forged, TIER_IDS);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('honour a share made through one and a revoke made through the other for every request that starts after it returns', async () => {
    const [a, b] = replicas;
    const stale: string[] = [];
    let checked = 0;
    const expectEverywhere = async (round: number, what: string, expected: string[]) => {
      for (const answer of await readEverywhere()) {
        checked++;
        if (answer.join() !== expected.join()) stale.push(`round ${round}, after ${what}: ${answer.join()}`);
      }
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const share = dataOf(await postGraphQL(a!.url, admin, SHARE), 'shareSourcing');
      await expectEverywhere(round, 'share through A', SHARED);
      const revoked = dataOf(await postGraphQL(b!.url, admin, REVOKE, { id: share['id'] }), 'revokeShare');
      expect(revoked['active']).toBe(false);
      await expectEverywhere(round, 'revoke through B', NOT_SHARED);
    }
    expect(stale).toEqual([]);
    expect(checked).toBe(ROUNDS * 2 * replicas.length * READERS);
  }, 120_000);
});
