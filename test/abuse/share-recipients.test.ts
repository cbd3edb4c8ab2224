// Who a share may name, and what a share shows of its parties (issue 8, item 2; docs/data-model.md,
// "Sharing"). A recipient must be one the owner may look up (rule 5), a listed one, or one the owner's
// own records name (a share it gave, a request sent to it); any other id, hidden or nonexistent,
// answers the same NOT_FOUND and writes nothing. A share's owner and recipient
// never show a viewer more than rule 5 lets it look up: beyond that, an identity card.
import { beforeEach, describe, expect, it } from 'vitest';
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';
import type { OrganizationRecord } from '../../src/domain/format.ts';
import type { GraphQLResponse } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { countStatements } from '../support/statement-count.ts';

const t = useApi('production');
const ADMIN = ['supplier_admin'] as const;

const ORGANIZATION_FIELDS = `id name type country city region latitude longitude osId provenance sources
  risks { id severity }`;
const SHARE_FIELDS = `id active owner { ${ORGANIZATION_FIELDS} } recipient { ${ORGANIZATION_FIELDS} }`;
const SHARE = `mutation Share($recipientId: ID!, $linkIds: [ID!], $expiresAt: DateTime) {
  shareSourcing(recipientId: $recipientId, linkIds: $linkIds, expiresAt: $expiresAt) { ${SHARE_FIELDS} }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeShare(id: $id) { ${SHARE_FIELDS} } }`;
const SHARES = `{
  given: sharesGiven(includeInactive: true) { ${SHARE_FIELDS} }
  received: sharesReceived(includeInactive: true) { ${SHARE_FIELDS} }
  shareEvents { actorOrganization { ${ORGANIZATION_FIELDS} } share { ${SHARE_FIELDS} } }
}`;
const LOOKUP = `query Lookup($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`;

type Organization = { id: string; name: string; type: string; country: string } & Record<string, unknown>;
type Share = { id: string; active: boolean; owner: Organization; recipient: Organization };

/** Everything an organization record can say beyond its identity, so that any leak shows. */
const full: Partial<OrganizationRecord> = {
  city: 'Somewhere',
  region: 'Inland',
  latitude: 1,
  longitude: 2,
  osId: 'OS1',
  provenance: 'DOCUMENTED',
  sources: ['A report'],
};

/**
 * `brand` is the owner under test. It may look up itself, `factory` (its supplier), `reseller` (its
 * direct customer) and `partner` (which shares with it); not `buyer` (a customer of its customer),
 * `stranger`, `former`, `outsider` or `monitor`, which is listed. Its own shares name `buyer` (active)
 * and `stranger` (revoked); `former` only shared with it, and `outsider` buys from `reseller` too.
 */
const scenario = () =>
  graph()
    .org('brand', 'BRAND', full)
    .org('factory', 'FACTORY', full)
    .org('reseller', 'RESELLER', full)
    .org('buyer', 'PURCHASER', full)
    .org('partner', 'MANUFACTURER', full)
    .org('stranger', 'MANUFACTURER', full)
    .org('former', 'MANUFACTURER', full)
    .org('outsider', 'PURCHASER', full)
    .org('monitor', 'MONITOR', { ...full, listed: true })
    .link('factory', 'brand')
    .link('brand', 'reseller')
    .link('reseller', 'buyer')
    .link('reseller', 'outsider')
    .link('factory', 'partner')
    .share('partner', 'brand')
    .share('former', 'brand', { revokedAt: '2020-01-01' })
    .share('stranger', 'brand', { expiresAt: '2020-01-01' })
    .share('brand', 'buyer', { linkIds: ['factory>brand'] })
    .share('brand', 'stranger', { revokedAt: '2020-01-01' })
    .risk('buyer')
    .risk('stranger')
    .risk('former')
    .risk('monitor')
    .risk('partner');

beforeEach(async () => {
  await loadGraph(t.db, scenario().build());
});

const share = (variables: Record<string, unknown>) => t.api.query('brand', SHARE, variables, [...ADMIN]);

const written = async () => {
  const { records } = await t.db.driver.executeQuery(
    `CALL () { MATCH (s:Share) RETURN count(s) AS shares }
     CALL () { MATCH (e:ShareEvent) RETURN count(e) AS events }
     RETURN shares, events`,
  );
  return records[0]!.toObject() as { shares: number; events: number };
};

/**
 * The response and the number of Cypher statements the API ran for it, leaving out the check that the
 * token's organization exists, which a request repeats every few seconds
 * (src/modules/organizations/known-organizations.ts).
 */
const measured = async (query: () => Promise<GraphQLResponse>) => {
  const { answer, statements } = await countStatements(t.db.executor, query);
  return { response: answer, statements };
};

const card = ({ id, name, type, country }: Organization) => ({
  id,
  name,
  type,
  country,
  ...unreadOrganizationDetail(),
  risks: [],
});

/**
 * Every party of `shares` is exactly what `viewer` may look up (a listed one's directory card beyond
 * rule 5), or else only its identity card.
 */
const expectNoMoreThanVisible = async (viewer: string, parties: Organization[]) => {
  expect(parties.length).toBeGreaterThan(0);
  for (const party of parties) {
    const lookup = await t.api.query(viewer, LOOKUP, { id: party.id });
    const visible = lookup.data!['organization'] as Organization | null;
    expect(party, `${viewer} sees ${party.id}`).toEqual(visible ?? card(party));
  }
};

const partiesOf = (shares: Share[]) => shares.flatMap((s) => [s.owner, s.recipient]);

const listings = async (viewer: string) => {
  const response = await t.api.query(viewer, SHARES);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const data = response.data as {
    given: Share[];
    received: Share[];
    shareEvents: { actorOrganization: Organization; share: Share }[];
  };
  return {
    ...data,
    parties: [
      ...partiesOf(data.given),
      ...partiesOf(data.received),
      ...data.shareEvents.flatMap((e) => [e.actorOrganization, ...partiesOf([e.share])]),
    ],
  };
};

describe('shareSourcing names a recipient the owner may look up, a listed one, or one its records name', () => {
  // 17 grants, and Neo4j replans the grant after each reload of the graph: slow on a busy machine.
  it(
    'answers a hidden recipient exactly as a nonexistent one, with the same work, and writes nothing',
    {
      timeout: 180_000,
    },
    async () => {
      await share({ recipientId: 'no-such-org' }); // compiles the statement outside the measurements
      const before = await written();
      const variants: Record<string, unknown>[] = [
        {},
        { linkIds: ['factory>brand'] },
        { linkIds: ['factory>brand', 'brand>reseller', 'no-such-link'] },
        { linkIds: null, expiresAt: '2999-01-01T00:00:00Z' },
      ];
      for (const variant of variants) {
        const missing = await measured(() => share({ recipientId: 'no-such-org', ...variant }));
        expect(missing.response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
        for (const hidden of ['outsider', 'former']) {
          const answer = await measured(() => share({ recipientId: hidden, ...variant }));
          expect(
            JSON.stringify(withAskedId(answer.response, hidden)),
            `${hidden} ${JSON.stringify(variant)}`,
          ).toBe(JSON.stringify(withAskedId(missing.response, 'no-such-org')));
          expect(answer.statements).toBe(missing.statements);
        }
      }
      expect(await written()).toEqual(before);
    },
  );

  it.each(['reseller', 'factory', 'partner', 'monitor', 'buyer', 'stranger'])(
    'may name %s',
    async (recipientId) => {
      const before = await written();
      // Until a day of its own: the owner's active share with buyer names the same link, and a share
      // identical to an active one is refused (test/api/share-duplicate.test.ts).
      const response = await share({ recipientId, linkIds: ['factory>brand'], expiresAt: '2099-01-01' });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const created = response.data!['shareSourcing'] as Share;
      expect(created).toMatchObject({ active: true, owner: { id: 'brand' }, recipient: { id: recipientId } });
      expect(await written()).toEqual({ shares: before.shares + 1, events: before.events + 1 });
      await expectNoMoreThanVisible('brand', [created.owner, created.recipient]);
    },
  );

  it('still refuses links that are not the owner’s own sourcing to a recipient it may name', async () => {
    const before = await written();
    const response = await share({ recipientId: 'monitor', linkIds: ['brand>reseller'] });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('"brand>reseller"');
    expect(await written()).toEqual(before);
  });
});

describe("a share's owner and recipient show no more than the viewer may look up", () => {
  it('a listed recipient is its directory card (issue 13), in the mutation and after revoking', async () => {
    const granted = await share({ recipientId: 'monitor' });
    const created = granted.data!['shareSourcing'] as Share;
    // A directory card carries its public risk indicators (contract section 7), an identity card none.
    const directoryCard = {
      ...card(created.recipient),
      city: 'Somewhere',
      osId: 'OS1',
      risks: [{ id: 'risk-monitor-3', severity: 'HIGH' }],
    };
    expect(created.recipient).toEqual(directoryCard);
    const revoked = await t.api.query('brand', REVOKE, { id: created.id }, [...ADMIN]);
    expect((revoked.data!['revokeShare'] as Share).recipient).toEqual(directoryCard);
  });

  it('for the owner: shares given and received, active, revoked and expired, and their events', async () => {
    const granted = await share({ recipientId: 'monitor' });
    await t.api.query('brand', REVOKE, { id: (granted.data!['shareSourcing'] as Share).id }, [...ADMIN]);
    const { given, received, parties } = await listings('brand');
    expect(given.map((s) => s.recipient.id).sort()).toEqual(['buyer', 'monitor', 'stranger']);
    expect(received.map((s) => s.owner.id).sort()).toEqual(['former', 'partner', 'stranger']);
    await expectNoMoreThanVisible('brand', parties);
    const stranger = given.find((s) => s.recipient.id === 'stranger')!.recipient;
    expect(stranger).toEqual(card(stranger));
    const partner = received.find((s) => s.owner.id === 'partner')!.owner;
    expect(partner).toMatchObject({ city: 'Somewhere', risks: [expect.anything()] });
  });

  it('for the recipient: an owner it no longer sees after the revoke is a card', async () => {
    const granted = await share({ recipientId: 'monitor' });
    const id = (granted.data!['shareSourcing'] as Share).id;
    const whileActive = await listings('monitor');
    expect(whileActive.received[0]!.owner).toMatchObject({ id: 'brand', city: 'Somewhere' });
    await t.api.query('brand', REVOKE, { id }, [...ADMIN]);
    const { received, parties } = await listings('monitor');
    expect(received[0]!.owner).toEqual(card(received[0]!.owner));
    await expectNoMoreThanVisible('monitor', parties);
  });

  it('for every other party of the scenario', async () => {
    for (const viewer of ['buyer', 'stranger', 'former', 'partner']) {
      await expectNoMoreThanVisible(viewer, (await listings(viewer)).parties);
    }
  });
});
