// Review finding (audit A / audit-b 6): a share may name a recipient the owner's own records name (the
// recipient of a share it gave, active, expired or revoked; the requester of an access request sent
// to it, any status), so a supplier can share with its customer's customer once that buyer is known
// to it. Any other id still answers as a missing one (rule 6), and nobody learns of another
// organization's records through it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../support/api.ts';
import { ANSWER } from '../support/access-requests.ts';
import { withAskedId } from '../support/asked-id.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { countStatements } from '../support/statement-count.ts';

const t = useApi('production');
const ADMIN = ['supplier_admin'] as const;

const SHARE_FIELDS = `id scope active owner { id } recipient { id name city }`;
const SOURCING = `mutation Share($recipientId: ID!, $linkIds: [ID!]) {
  shareSourcing(recipientId: $recipientId, linkIds: $linkIds) { ${SHARE_FIELDS} }
}`;
const DISCLOSURES = `mutation Share($recipientId: ID!) {
  shareDisclosures(recipientId: $recipientId) { ${SHARE_FIELDS} }
}`;
const LOOKUP = `query Lookup($id: ID!) { organization(id: $id) { id } }`;

type Share = { id: string; scope: string; active: boolean; owner: { id: string }; recipient: { id: string } };

/**
 * factory -> supplier -> customer -> buyer (and customer -> other): the supplier may look up the
 * customer, not `buyer`, `other`, `asker`, `decliner`, `past` or `outsider`. Its records name `buyer`
 * (a revoked share), `past` (an expired disclosure share), `asker` (an open request) and `decliner` (a
 * declined one). `outsider`'s records name `other` (a share) and `buyer` (its request to outsider).
 */
const scenario = () => {
  const built = graph()
    .org('factory', 'FACTORY')
    .org('supplier', 'BRAND')
    .org('customer', 'RESELLER')
    .org('buyer', 'PURCHASER', { city: 'Stockholm' })
    .org('other', 'PURCHASER', { city: 'Oslo' })
    .org('asker', 'PURCHASER')
    .org('decliner', 'PURCHASER')
    .org('past', 'PURCHASER')
    .org('outsider', 'BRAND')
    .link('factory', 'supplier')
    .link('supplier', 'customer')
    .link('customer', 'buyer')
    .link('customer', 'other')
    .share('supplier', 'buyer', { id: 'share-revoked', revokedAt: '2024-01-01T00:00:00Z' })
    .share('supplier', 'past', {
      id: 'share-expired',
      scope: 'DISCLOSURES',
      expiresAt: '2024-01-01T00:00:00Z',
    })
    .share('outsider', 'other', { id: 'share-outsider' })
    .build();
  const sentAt = '2024-01-01T00:00:00Z';
  return {
    ...built,
    accessRequests: [
      {
        id: 'ar-open',
        requester: 'asker',
        target: 'supplier',
        scope: 'SOURCING' as const,
        sentAt: new Date().toISOString(),
      },
      {
        id: 'ar-declined',
        requester: 'decliner',
        target: 'supplier',
        scope: 'DISCLOSURES' as const,
        sentAt,
        status: 'DECLINED' as const,
        closedAt: sentAt,
        reason: 'not now',
      },
      { id: 'ar-outsider', requester: 'buyer', target: 'outsider', scope: 'SOURCING' as const, sentAt },
    ],
  };
};

beforeEach(async () => {
  await loadGraph(t.db, scenario());
});

const shareAs = (owner: string, mutation: string, variables: Record<string, unknown>) =>
  t.api.query(owner, mutation, variables, [...ADMIN]);

const created = (response: GraphQLResponse, field: string): Share => {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![field] as Share;
};

const written = async () => {
  const { records } = await t.db.driver.executeQuery(
    `CALL () { MATCH (s:Share) RETURN count(s) AS shares }
     CALL () { MATCH (e:ShareEvent) RETURN count(e) AS events }
     RETURN shares, events`,
  );
  return records[0]!.toObject() as { shares: number; events: number };
};

/** `owner` naming each of `hidden` is answered, and costs in statements, as naming a missing id. */
const expectRefusedAsMissing = async (owner: string, hidden: readonly string[]) => {
  const before = await written();
  for (const [mutation, extra] of [
    [SOURCING, { linkIds: ['factory>supplier'] }],
    [DISCLOSURES, {}],
  ] as const) {
    await shareAs(owner, mutation, { recipientId: 'no-such-org', ...extra }); // compiled outside the counts
    const missing = await countStatements(t.db.executor, () =>
      shareAs(owner, mutation, { recipientId: 'no-such-org', ...extra }),
    );
    expect(missing.answer.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['NOT_FOUND', 'Organization "no-such-org" not found'],
    ]);
    for (const id of hidden) {
      const asked = await countStatements(t.db.executor, () =>
        shareAs(owner, mutation, { recipientId: id, ...extra }),
      );
      expect(JSON.stringify(withAskedId(asked.answer, id)), `${owner} names ${id}`).toBe(
        JSON.stringify(withAskedId(missing.answer, 'no-such-org')),
      );
      expect(asked.statements, `${owner} names ${id}`).toBe(missing.statements);
    }
  }
  expect(await written()).toEqual(before);
};

describe("a share may name a recipient the owner's records name", () => {
  it("a revoked share's recipient, the buyer two tiers down, and sees the factory", async () => {
    const share = created(
      await shareAs('supplier', SOURCING, { recipientId: 'buyer', linkIds: ['factory>supplier'] }),
      'shareSourcing',
    );
    // Naming it widens nothing the supplier may look up: the recipient is its identity card.
    expect(share).toMatchObject({
      active: true,
      owner: { id: 'supplier' },
      recipient: { id: 'buyer', city: null },
    });
    expect((await t.api.query('supplier', LOOKUP, { id: 'buyer' })).data).toEqual({ organization: null });
    expect((await t.api.query('buyer', LOOKUP, { id: 'factory' })).data).toEqual({
      organization: { id: 'factory' },
    });
  });

  it("an expired share's recipient, with either scope", async () => {
    expect(
      created(await shareAs('supplier', SOURCING, { recipientId: 'past' }), 'shareSourcing'),
    ).toMatchObject({
      scope: 'SOURCING',
      recipient: { id: 'past' },
    });
    expect(
      created(await shareAs('supplier', DISCLOSURES, { recipientId: 'past' }), 'shareDisclosures'),
    ).toMatchObject({ scope: 'DISCLOSURES', recipient: { id: 'past' } });
  });

  it("a request's requester while it is open and after the owner declines it", async () => {
    expect(
      created(await shareAs('supplier', DISCLOSURES, { recipientId: 'asker' }), 'shareDisclosures'),
    ).toMatchObject({ recipient: { id: 'asker' } });
    const declined = await t.api.query(
      'supplier',
      ANSWER,
      { id: 'ar-open', decision: 'DECLINE', reason: 'not yet' },
      [...ADMIN],
    );
    expect(declined.errors, JSON.stringify(declined.errors)).toBeUndefined();
    expect(
      created(await shareAs('supplier', SOURCING, { recipientId: 'asker', linkIds: null }), 'shareSourcing'),
    ).toMatchObject({ recipient: { id: 'asker' } });
    expect(
      created(await shareAs('supplier', SOURCING, { recipientId: 'decliner' }), 'shareSourcing'),
    ).toMatchObject({ recipient: { id: 'decliner' } });
  });
});

describe('every other id is refused as before', () => {
  it("another organization's records do not count: hidden ids answer as a missing one", async () => {
    // `other` is named by outsider's share, `outsider` by buyer's request: neither by the supplier's.
    await expectRefusedAsMissing('supplier', ['other', 'outsider']);
  });

  it("a third party learns nothing of the owner's records by naming them", async () => {
    // buyer received (and lost) a share of the supplier's; asker and decliner asked the supplier: none
    // of them may name the supplier's other recipients or requesters, as if they did not exist.
    await expectRefusedAsMissing('buyer', ['asker', 'decliner', 'past']);
    await expectRefusedAsMissing('asker', ['buyer', 'decliner', 'past']);
    // outsider's request inbox names buyer, and its share other: it may name them, not the supplier's.
    await expectRefusedAsMissing('outsider', ['asker', 'past', 'supplier']);
    expect(
      created(await shareAs('outsider', DISCLOSURES, { recipientId: 'buyer' }), 'shareDisclosures'),
    ).toMatchObject({
      recipient: { id: 'buyer' },
    });
  });
});
