// shareSourcing / revokeShare (specification, sections 3 and 4): validated, transactional, audited, and
// in effect for every request that starts after the mutation returns.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const SHARE = `mutation Share($recipientId: ID!, $linkIds: [ID!], $expiresAt: DateTime) {
  shareSourcing(recipientId: $recipientId, linkIds: $linkIds, expiresAt: $expiresAt) {
    id owner { id } recipient { id } linkIds expiresAt revokedAt active
  }
}`;
const REVOKE = 'mutation Revoke($id: ID!) { revokeShare(id: $id) { id revokedAt active } }';
const TIER_IDS = '{ supplyChain { tiers { organizations { id } } } }';

const share = (owner: string, variables: Record<string, unknown>) =>
  t.api.query(owner, SHARE, variables, [...ADMIN]);
const reached = async (viewer: string) => {
  const response = await t.api.query(viewer, TIER_IDS);
  const tiers = (response.data!['supplyChain'] as { tiers: { organizations: { id: string }[] }[] }).tiers;
  return tiers.flatMap((t) => t.organizations.map((o) => o.id)).sort();
};

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .build(),
  );
});

describe('shareSourcing', () => {
  it('takes effect for the next request, and revokeShare undoes it', async () => {
    expect(await reached('buyer')).toEqual(['reseller']);
    const granted = await share('reseller', { recipientId: 'buyer', linkIds: ['brand>reseller'] });
    expect(granted.errors).toBeUndefined();
    const created = granted.data!['shareSourcing'] as { id: string; active: boolean; linkIds: string[] };
    expect(created).toMatchObject({
      owner: { id: 'reseller' },
      recipient: { id: 'buyer' },
      linkIds: ['brand>reseller'],
      active: true,
    });
    expect(await reached('buyer')).toEqual(['brand', 'reseller']);

    const revoked = await t.api.query('reseller', REVOKE, { id: created.id }, [...ADMIN]);
    expect(revoked.data!['revokeShare']).toMatchObject({ id: created.id, active: false });
    expect(await reached('buyer')).toEqual(['reseller']);

    const again = await t.api.query('reseller', REVOKE, { id: created.id }, [...ADMIN]);
    expect((again.data!['revokeShare'] as { revokedAt: string }).revokedAt).toBe(
      (revoked.data!['revokeShare'] as { revokedAt: string }).revokedAt,
    );
  });

  it('linkIds: null shares every link of the owner, now and later, with its recipient only', async () => {
    await share('brand', { recipientId: 'reseller', linkIds: null });
    await share('reseller', { recipientId: 'buyer' });
    expect(await reached('reseller')).toEqual(['brand', 'factory']);
    expect(await reached('buyer')).toEqual(['brand', 'reseller']);
  });

  it('refuses a link whose customer is not the owner, naming it, and writes nothing', async () => {
    const before = await dumpGraph(t.db.driver);
    const response = await share('reseller', {
      recipientId: 'buyer',
      linkIds: ['brand>reseller', 'factory>brand', 'nope'],
    });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('"factory>brand"');
    expect(response.errors![0]!.message).toContain('"nope"');
    expect(response.errors![0]!.message).not.toContain('"brand>reseller"');
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('refuses bad input with a message naming the value', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ recipientId: 'reseller' }, 'recipientId'],
      [{ recipientId: 'buyer', linkIds: [] }, 'linkIds is empty'],
      // Both problems at once: the recipient is the owner, and the list is empty.
      [
        { recipientId: 'reseller', linkIds: [] },
        'recipientId must be another organization than the owner, got "reseller"; linkIds is empty',
      ],
      [{ recipientId: 'buyer', expiresAt: '2001-01-01' }, '2001-01-01'],
      [{ recipientId: 'buyer', expiresAt: 'tomorrow' }, 'tomorrow'],
    ];
    for (const [variables, mention] of cases) {
      const response = await share('reseller', variables);
      expect(codes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(mention);
    }
    const missing = await share('reseller', { recipientId: 'ghost' });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('an expiring share stops counting at expiresAt', async () => {
    // A window wide enough for the grant and the first read on a loaded machine (1.5 s was not).
    const expiresAt = Date.now() + 5000;
    await share('reseller', { recipientId: 'buyer', expiresAt: new Date(expiresAt).toISOString() });
    expect(await reached('buyer')).toEqual(['brand', 'reseller']);
    await new Promise((resolve) => setTimeout(resolve, expiresAt + 100 - Date.now()));
    expect(await reached('buyer')).toEqual(['reseller']);
  });
});

describe('revokeShare', () => {
  it("another organization's share is NOT_FOUND (as if it did not exist); the recipient is FORBIDDEN", async () => {
    const granted = await share('reseller', { recipientId: 'buyer' });
    const id = (granted.data!['shareSourcing'] as { id: string }).id;
    const stranger = await t.api.query('brand', REVOKE, { id }, [...ADMIN]);
    const missing = await t.api.query('brand', REVOKE, { id: 's-does-not-exist' }, [...ADMIN]);
    expect(codes(stranger)).toEqual(['NOT_FOUND']);
    expect(withAskedId(stranger, id)).toEqual(withAskedId(missing, 's-does-not-exist'));
    const recipient = await t.api.query('buyer', REVOKE, { id }, [...ADMIN]);
    expect(codes(recipient)).toEqual(['FORBIDDEN']);
    expect(await reached('buyer')).toEqual(['brand', 'reseller']);
  });
});

describe('the record of shares', () => {
  it('the owner and the recipient read grants and revokes: who, when, what', async () => {
    const granted = await share('reseller', { recipientId: 'buyer', linkIds: ['brand>reseller'] });
    const id = (granted.data!['shareSourcing'] as { id: string }).id;
    await t.api.query('reseller', REVOKE, { id }, [...ADMIN]);
    const EVENTS = '{ shareEvents { action at actorUserId actorOrganization { id } share { id linkIds } } }';
    for (const org of ['reseller', 'buyer']) {
      const events = (await t.api.query(org, EVENTS)).data!['shareEvents'] as {
        action: string;
        actorUserId: string | null;
      }[];
      expect(events.map((e) => e.action)).toEqual(['REVOKED', 'GRANTED']);
      expect(events[0]).toMatchObject({
        // The recipient is told which organization acted, not which of its users.
        actorUserId: org === 'reseller' ? 'user@reseller' : null,
        actorOrganization: { id: 'reseller' },
        share: { id, linkIds: ['brand>reseller'] },
      });
    }
    expect((await t.api.query('brand', EVENTS)).data!['shareEvents']).toEqual([]);
    const given = await t.api.query(
      'reseller',
      '{ sharesGiven { id } all: sharesGiven(includeInactive: true) { id } }',
    );
    expect(given.data).toEqual({ sharesGiven: [], all: [{ id }] });
    const received = await t.api.query(
      'buyer',
      '{ sharesReceived(includeInactive: true) { id owner { id } } }',
    );
    expect(received.data).toEqual({ sharesReceived: [{ id, owner: { id: 'reseller' } }] });
  });
});
