// Idempotency keys: expiry. The specification says "After 24 hours a key creates anew" and
// that a call with a key first deletes up to 100 expired keys of its organization "(its own among
// them)". When the organization has more than 100 expired keys, the batch of 100 need not hold the
// key being sent, and the MERGE then finds the expired key and judges the call by it.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { resellerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ROLES = ['supplier_admin', 'analyst'] as const;

beforeEach(async () => {
  await loadGraph(t.db, resellerChain().build());
});

const SHARE = `mutation($r: ID!, $key: String) { shareSourcing(recipientId: $r, idempotencyKey: $key) { id } }`;
const share = (r: string, key: string) => t.api.query('reseller', SHARE, { r, key }, [...ROLES]);

/** Ages key `key` of the reseller by 25 hours: it is past its 24 hours. */
const age = (key: string) =>
  t.db.driver.executeQuery(
    `MATCH (k:IdempotencyKey {organizationId: 'reseller', key: $key})
     SET k.createdAt = k.createdAt - duration('PT25H'), k.expiresAt = k.expiresAt - duration('PT25H')`,
    { key },
  );

/** `n` keys of the reseller that expired two days ago (a busy client's keys of the day before). */
const older = (n: number) =>
  t.db.driver.executeQuery(
    `UNWIND range(1, $n) AS i
     CREATE (:IdempotencyKey {organizationId: 'reseller', mutation: 'shareSourcing', key: 'busy-' + i,
             fingerprint: 'f', resultIds: ['s-gone'], createdAt: datetime() - duration('P3D'),
             expiresAt: datetime() - duration('P2D')})`,
    { n },
  );

describe('an expired key among more than 100 expired keys of its organization', () => {
  it('is claimed anew for another request, not refused as used "in the last 24 hours"', async () => {
    ok(await share('buyer', 'k-late'), 'shareSourcing');
    await age('k-late');
    await older(150);
    // 25 hours later the client uses the key for a new request: the key is past its window.
    const answer = await share('brand', 'k-late');
    expect(answer.errors?.[0]?.message).toBeUndefined();
    expect(codes(answer)).toEqual([]);
  });

  it('creates anew for the same request, rather than answering the record of 25 hours ago', async () => {
    const first = ok<{ id: string }>(await share('buyer', 'k-late-same'), 'shareSourcing').id;
    await age('k-late-same');
    await older(150);
    // A share identical to an active one is refused: the first has been revoked since.
    await t.db.driver.executeQuery('MATCH (s:Share {id: $first}) SET s.revokedAt = datetime()', { first });
    const again = ok<{ id: string }>(await share('buyer', 'k-late-same'), 'shareSourcing').id;
    expect(again).not.toBe(first);
    const [stored] = await rowsOf(
      t.db,
      `MATCH (k:IdempotencyKey {organizationId: 'reseller', key: 'k-late-same'}) RETURN k.expiresAt > datetime() AS live`,
    );
    expect(stored!['live']).toBe(true);
  });
});
