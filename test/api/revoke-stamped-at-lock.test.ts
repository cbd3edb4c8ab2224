// revokeShare recorded its REVOKED event, and the share's revokedAt, at the instant its request started,
// although it writes only once it holds the share's lock. A write to the share that came in between
// (an amendment adding its successor link to the share, which only an active share takes) was then on
// record after the revoke that it in fact came before, and asOf that instant showed the share revoked,
// though it was active then. A revoke is now stamped once the lock is held, as an access request's
// answer and a disclosure's revision are (src/graph/locked-instant.ts). The other write comes right
// after the revoke's first read (share.find), through test/support/hooked-executor.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useHookedApi } from '../support/hooked-executor.ts';

const t = useHookedApi();
const ADMIN = ['supplier_admin'] as const;

// buyer <- reseller <- brand; reseller shares the link from brand with buyer.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .link('reseller', 'buyer')
      .link('brand', 'reseller', { id: 'b>r' })
      .share('reseller', 'buyer', { id: 'to-buyer', linkIds: ['b>r'] })
      .build(),
  );
});

const REVOKE = `mutation { revokeShare(id: "to-buyer") { revokedAt linkIds } }`;
const AMEND = `mutation { amendSupplyLink(id: "b>r", products: ["laptops"]) { id } }`;
const REVOKED_AT = `{ shareEvents { action at } }`;
const AMENDED_AT = `{ supplyLinkEvents { action at } }`;

type Revoked = { revokedAt: string; linkIds: string[] };
type Events = { action: string; at: string }[];

const eventAt = async (query: string, field: string, action: string): Promise<string> => {
  const events = ok<Events>(await t.api.query('reseller', query), field);
  const event = events.find((e) => e.action === action);
  expect(event, JSON.stringify(events)).toBeDefined();
  return event!.at;
};

describe('a revoke that another write to the share came before', () => {
  it('is recorded after an amendment that added its successor link to the share', async () => {
    let successor = '';
    t.hooked.once('share.find', async () => {
      successor = ok<{ id: string }>(
        await t.api.query('reseller', AMEND, {}, [...ADMIN]),
        'amendSupplyLink',
      ).id;
    });
    const revoked = ok<Revoked>(await t.api.query('reseller', REVOKE, {}, [...ADMIN]), 'revokeShare');
    // The amendment reached the share while it was active.
    expect(revoked.linkIds).toEqual(['b>r', successor]);
    const amendedAt = await eventAt(AMENDED_AT, 'supplyLinkEvents', 'AMENDED');
    const revokedAt = await eventAt(REVOKED_AT, 'shareEvents', 'REVOKED');
    expect(revokedAt).toBe(revoked.revokedAt);
    expect(new Date(revokedAt) > new Date(amendedAt), `revoked ${revokedAt}, amended ${amendedAt}`).toBe(
      true,
    );
    // asOf the amendment, the buyer still reaches the brand through the share, as it did then.
    const chain = ok<{ tiers: { organizations: { id: string }[] }[] }>(
      await t.api.query(
        'buyer',
        `query($at: DateTime) { supplyChain(asOf: $at) { tiers { organizations { id } } } }`,
        {
          at: amendedAt,
        },
      ),
      'supplyChain',
    );
    expect(chain.tiers.map((tier) => tier.organizations.map((o) => o.id))).toEqual([['reseller'], ['brand']]);
  });

  it('is stamped when it took the lock, not when its request started', async () => {
    let released = 0;
    t.hooked.once('share.find', async () => {
      // Another transaction holds the share's lock for a while, then lets the revoke have it.
      const session = t.db.driver.session();
      const tx = await session.beginTransaction();
      await tx.run(`MATCH (s:Share {id: 'to-buyer'}) SET s._lock = true REMOVE s._lock`);
      setTimeout(() => {
        released = Date.now();
        void tx.commit().finally(() => session.close());
      }, 300);
    });
    const revoked = ok<Revoked>(await t.api.query('reseller', REVOKE, {}, [...ADMIN]), 'revokeShare');
    expect(released).toBeGreaterThan(0);
    expect(new Date(revoked.revokedAt).getTime()).toBeGreaterThanOrEqual(released);
    expect(await eventAt(REVOKED_AT, 'shareEvents', 'REVOKED')).toBe(revoked.revokedAt);
  });
});
