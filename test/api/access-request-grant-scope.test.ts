// Review findings 3 and 4 of docs' audit b (contract section 9, access requests): a GRANT without
// linkIds of a request that names products shares only the target's links that carry them, and a
// request whose scope overlaps an open one of the same requester to the same target (BOTH overlapping
// SOURCING and DISCLOSURES) is refused as the duplicate is. Races: test/abuse/access-requests.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { useApi } from '../support/harness.ts';
import { reachedThrough } from '../support/reached.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { accessRequestClient, countRequestWrites, requestIn } from '../support/access-requests.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);

const reached = (viewer: string) => reachedThrough(t.api, viewer);

/** The share a request's grant created, as stored. */
const storedShares = async (requestId: string) => {
  const { records } = await t.db.driver.executeQuery(
    `MATCH (:AccessRequest {id: $id})-[:RESULTED_IN]->(s:Share)
     RETURN s.scope AS scope, s.linkIds AS linkIds, s.disclosureIds AS disclosureIds,
            [(e:ShareEvent)-[:OF]->(s) | e.action] AS events
     ORDER BY scope`,
    { id: requestId },
  );
  return records.map((r) => r.toObject());
};

beforeEach(async () => {
  // The reseller buys laptops and desktops from the brand, printers from the printer maker, laptops
  // from a factory it left in 2001 (ended), desktops from one it starts with in 2999 (later), and
  // something unstated from a distributor.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('printer-maker', 'MANUFACTURER')
      .org('old-factory', 'FACTORY')
      .org('new-factory', 'FACTORY')
      .org('distributor', 'RESELLER')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller', { products: ['laptops', 'desktops'] })
      .link('printer-maker', 'reseller', { products: ['printers'] })
      .link('old-factory', 'reseller', { products: ['laptops'], validTo: '2001-01-01' })
      .link('new-factory', 'reseller', { products: ['desktops'], validFrom: '2999-01-01' })
      .link('distributor', 'reseller')
      .build(),
  );
});

describe('a GRANT without linkIds of a request naming products', () => {
  it('shares the links that hold now or start later and carry any of them, names compared exactly', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'SOURCING', {
        products: [' laptops ', 'desktops', 'Printers'],
      }),
      'requestAccess',
    );
    expect(request.products).toEqual(['laptops', 'desktops', 'Printers']);
    const granted = requestIn(
      await client().answer('reseller', request.id, 'GRANT', { reason: 'as asked' }),
      'answerAccessRequest',
    );
    // "Printers" is not "printers": product names compare exactly, as a product filter compares them.
    expect(granted.shares).toEqual([
      {
        id: expect.any(String),
        owner: { id: 'reseller' },
        recipient: { id: 'buyer' },
        linkIds: ['brand>reseller', 'new-factory>reseller'],
      },
    ]);
    expect(granted.events.map((e) => [e.action, e.actorUserId, e.note])).toEqual([
      ['SENT', null, null],
      ['GRANTED', 'user@reseller', 'as asked'],
    ]);
    expect(await storedShares(request.id)).toEqual([
      {
        scope: 'SOURCING',
        linkIds: ['brand>reseller', 'new-factory>reseller'],
        disclosureIds: null,
        events: ['GRANTED'],
      },
    ]);
    // The printer maker and the distributor stay out of the buyer's sight; the brand comes in.
    expect(await reached('buyer')).toEqual(['brand', 'reseller']);
    const trail = await t.api.query(
      'buyer',
      '{ sharesReceived { id linkIds } shareEvents { action share { id } } }',
    );
    expect(trail.data).toEqual({
      sharesReceived: [{ id: granted.shares[0]!.id, linkIds: ['brand>reseller', 'new-factory>reseller'] }],
      shareEvents: [{ action: 'GRANTED', share: { id: granted.shares[0]!.id } }],
    });
  });

  it('counts a link declared after the request was sent, not one declared after the grant', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'SOURCING', { products: ['laptops'] }),
      'requestAccess',
    );
    const declare = (name: string) =>
      t.api.query(
        'reseller',
        `mutation($name: String!) { declareSupplyLink(newSupplier: { name: $name, type: FACTORY, country: "CN" },
           products: ["laptops"]) { id } }`,
        { name },
        ['supplier_admin'],
      );
    const before = (await declare('Laptop plant')).data!['declareSupplyLink'] as { id: string };
    const granted = requestIn(await client().answer('reseller', request.id, 'GRANT'), 'answerAccessRequest');
    expect(granted.shares[0]!.linkIds).toEqual(['brand>reseller', before.id].sort());
    const after = (await declare('Second laptop plant')).data!['declareSupplyLink'] as { id: string };
    const shared = await t.api.query('buyer', '{ sharesReceived { linkIds } }');
    expect(shared.data!['sharesReceived']).toEqual([{ linkIds: granted.shares[0]!.linkIds }]);
    expect(granted.shares[0]!.linkIds).not.toContain(after.id);
  });

  it('is refused, writing nothing, when no such link carries any of them; linkIds then grants any link', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'BOTH', { products: ['tablets', 'phones'] }),
      'requestAccess',
    );
    const before = await countRequestWrites(t.db);
    const refused = await client().answer('reseller', request.id, 'GRANT');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toBe(
      `access request "${request.id}" asks for the products "tablets", "phones", and no link in which reseller ` +
        'is the customer, holding now or starting later, carries any of them: grant with linkIds to choose ' +
        'the links to share, or decline it (or grant with grantScope: DISCLOSURES to give your disclosures alone)',
    );
    expect(await countRequestWrites(t.db)).toEqual(before);
    // Only the products of links that have ended: refused as well.
    const ended = requestIn(
      await client().ask('other-buyer', 'reseller', 'SOURCING', { products: ['laptops'] }),
      'requestAccess',
    );
    await t.db.driver.executeQuery(
      "MATCH ()-[l:SUPPLIES {id: 'brand>reseller'}]->() SET l.validTo = datetime('2002-01-01T00:00:00Z')",
    );
    const afterAsk = await countRequestWrites(t.db);
    expect(codes(await client().answer('reseller', ended.id, 'GRANT'))).toEqual(['BAD_USER_INPUT']);
    expect(await countRequestWrites(t.db)).toEqual(afterAsk);
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest')).toMatchObject({
      status: 'OPEN',
      shares: [],
      events: [{ action: 'SENT' }],
    });
    expect(await reached('buyer')).toEqual(['reseller']);

    // The supplier's own choice: any of its links, whatever products the request names.
    const granted = requestIn(
      await client().answer('reseller', request.id, 'GRANT', { linkIds: ['printer-maker>reseller'] }),
      'answerAccessRequest',
    );
    expect(await storedShares(request.id)).toEqual([
      { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null, events: ['GRANTED'] },
      { scope: 'SOURCING', linkIds: ['printer-maker>reseller'], disclosureIds: null, events: ['GRANTED'] },
    ]);
    expect(granted.status).toBe('GRANTED');
    expect(await reached('buyer')).toEqual(['printer-maker', 'reseller']);
    // The grant's two shares have one instant: both lists give them in the request's order, on every run.
    const lists = await t.api.query('buyer', '{ sharesReceived { scope createdAt } }');
    const owned = await t.api.query('reseller', '{ sharesGiven { scope createdAt } }');
    for (const [list, key] of [
      [lists, 'sharesReceived'],
      [owned, 'sharesGiven'],
    ] as const) {
      const [first, second] = list.data![key] as { scope: string; createdAt: string }[];
      expect([first?.scope, second?.scope]).toEqual(['DISCLOSURES', 'SOURCING']);
      expect(first?.createdAt).toBe(second?.createdAt);
    }
  });

  it('of a BOTH request with grantScope DISCLOSURES gives the disclosure share alone', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'BOTH', { products: ['tablets'] }),
      'requestAccess',
    );
    const granted = requestIn(
      await client().answer('reseller', request.id, 'GRANT', { grantScope: 'DISCLOSURES' }),
      'answerAccessRequest',
    );
    expect(granted.status).toBe('GRANTED');
    expect(await storedShares(request.id)).toEqual([
      { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null, events: ['GRANTED'] },
    ]);
    expect(await reached('buyer')).toEqual(['reseller']);
    // Closed, so the buyer may ask again for the sourcing it did not get.
    requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
  });

  it('of DISCLOSURES only is not narrowed by the products, whatever links carry them', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'DISCLOSURES', { products: ['tablets'] }),
      'requestAccess',
    );
    requestIn(await client().answer('reseller', request.id, 'GRANT'), 'answerAccessRequest');
    expect(await storedShares(request.id)).toEqual([
      { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null, events: ['GRANTED'] },
    ]);
  });

  it('tells a third party nothing: its GRANT answers as for a missing id, its view stays the same', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'SOURCING', { products: ['tablets'] }),
      'requestAccess',
    );
    const before = await countRequestWrites(t.db);
    const missing = withAskedId(await client().answer('other-buyer', 'ar-none', 'GRANT'), 'ar-none');
    for (const org of ['other-buyer', 'brand', 'printer-maker', 'buyer']) {
      expect(withAskedId(await client().answer(org, request.id, 'GRANT'), request.id), org).toEqual(missing);
    }
    expect(await countRequestWrites(t.db)).toEqual(before);
    const granted = requestIn(
      await client().ask('other-buyer', 'reseller', 'SOURCING', { products: ['printers'] }),
      'requestAccess',
    );
    requestIn(await client().answer('reseller', granted.id, 'GRANT'), 'answerAccessRequest');
    expect(await reached('other-buyer')).toEqual(['printer-maker', 'reseller']);
    expect(await reached('buyer')).toEqual(['reseller']);
    expect(requestIn(await client().one('buyer', granted.id), 'accessRequest')).toBeNull();
    expect((await t.api.query('buyer', '{ sharesReceived { id } }')).data).toEqual({ sharesReceived: [] });
  });
});

describe('a GRANT without linkIds of a request naming no products', () => {
  it('shares every link, now and later', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const granted = requestIn(await client().answer('reseller', request.id, 'GRANT'), 'answerAccessRequest');
    expect(granted.shares.map((s) => s.linkIds)).toEqual([null]);
    expect(await reached('buyer')).toEqual(['brand', 'distributor', 'printer-maker', 'reseller']);
  });
});

describe('overlapping open requests', () => {
  const refusal = async (requester: string, scope: string) => {
    const before = await countRequestWrites(t.db);
    const response = await client().ask(requester, 'reseller', scope);
    expect(codes(response), scope).toEqual(['BAD_USER_INPUT']);
    expect(await countRequestWrites(t.db)).toEqual(before);
    return response.errors![0]!.message;
  };
  const still = (id: string, scope: string, overlap: string) =>
    `access request "${id}" to "reseller" for ${scope} is still open, and ${overlap}: withdraw it or wait for its answer before asking again`;

  it('BOTH is refused beside an open SOURCING or DISCLOSURES request, naming the oldest', async () => {
    const sourcing = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    expect(await refusal('buyer', 'BOTH')).toBe(
      still(sourcing.id, 'SOURCING', 'BOTH asks for the sourcing share SOURCING asks for'),
    );
    const disclosures = requestIn(await client().ask('buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
    expect(await refusal('buyer', 'BOTH')).toBe(
      still(sourcing.id, 'SOURCING', 'BOTH asks for the sourcing share SOURCING asks for'),
    );
    requestIn(await client().withdraw('buyer', sourcing.id), 'withdrawAccessRequest');
    expect(await refusal('buyer', 'BOTH')).toBe(
      still(disclosures.id, 'DISCLOSURES', 'BOTH asks for the disclosure share DISCLOSURES asks for'),
    );
    // Another requester's open requests are not in the way.
    requestIn(await client().ask('other-buyer', 'reseller', 'BOTH'), 'requestAccess');
    await client().answer('reseller', disclosures.id, 'DECLINE', { reason: 'no' });
    requestIn(await client().ask('buyer', 'reseller', 'BOTH'), 'requestAccess');
  });

  it('SOURCING and DISCLOSURES are refused beside an open BOTH request, until it is answered', async () => {
    const both = requestIn(await client().ask('buyer', 'reseller', 'BOTH'), 'requestAccess');
    expect(await refusal('buyer', 'SOURCING')).toBe(
      still(both.id, 'BOTH', 'BOTH asks for the sourcing share SOURCING asks for'),
    );
    expect(await refusal('buyer', 'DISCLOSURES')).toBe(
      still(both.id, 'BOTH', 'BOTH asks for the disclosure share DISCLOSURES asks for'),
    );
    // Granted: nothing of the buyer's stays open beside what the grant created.
    requestIn(await client().answer('reseller', both.id, 'GRANT'), 'answerAccessRequest');
    const open = await client().received('reseller', 'OPEN');
    expect(open.data).toEqual({ accessRequestsReceived: [] });
    requestIn(await client().ask('buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
  });

  it('a target hidden since answers NOT_FOUND as a missing one, whatever is open to it', async () => {
    const share = await t.api.query(
      'reseller',
      'mutation { shareSourcing(recipientId: "buyer") { id } }',
      {},
      ['supplier_admin'],
    );
    const both = requestIn(await client().ask('buyer', 'brand', 'BOTH'), 'requestAccess');
    expect(both.status).toBe('OPEN');
    const shareId = (share.data!['shareSourcing'] as { id: string }).id;
    await t.api.query('reseller', `mutation { revokeShare(id: "${shareId}") { id } }`, {}, [
      'supplier_admin',
    ]);
    const before = await countRequestWrites(t.db);
    for (const scope of ['SOURCING', 'DISCLOSURES', 'BOTH']) {
      expect(withAskedId(await client().ask('buyer', 'brand', scope), 'brand'), scope).toEqual(
        withAskedId(await client().ask('buyer', 'nobody', scope), 'nobody'),
      );
    }
    expect(await countRequestWrites(t.db)).toEqual(before);
  });
});

describe("a GRANT's grantScope", () => {
  it('of a BOTH request with SOURCING gives the sourcing share alone, narrowed as asked', async () => {
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'BOTH', { products: ['printers'] }),
      'requestAccess',
    );
    const granted = requestIn(
      await client().answer('reseller', request.id, 'GRANT', { grantScope: 'SOURCING' }),
      'answerAccessRequest',
    );
    expect(granted.shares.map((s) => s.linkIds)).toEqual([['printer-maker>reseller']]);
    expect(await storedShares(request.id)).toEqual([
      { scope: 'SOURCING', linkIds: ['printer-maker>reseller'], disclosureIds: null, events: ['GRANTED'] },
    ]);
  });

  it.each([
    [
      'SOURCING',
      'DISCLOSURES',
      {},
      'grantScope DISCLOSURES is not what access request "<id>" asks for (SOURCING): leave it out, or give SOURCING',
    ],
    [
      'BOTH',
      'DISCLOSURES',
      { linkIds: ['brand>reseller'] },
      'linkIds narrow a sourcing share; this grant of access request "<id>" gives DISCLOSURES alone (grantScope)',
    ],
    [
      'BOTH',
      'SOURCING',
      { disclosureIds: ['d-1'] },
      'disclosureIds narrow a disclosure share; this grant of access request "<id>" gives SOURCING alone (grantScope)',
    ],
  ])(
    'is refused, writing nothing, on a %s request when %s with %j',
    async (scope, grantScope, extra, message) => {
      const request = requestIn(await client().ask('buyer', 'reseller', scope), 'requestAccess');
      const before = await countRequestWrites(t.db);
      const refused = await client().answer('reseller', request.id, 'GRANT', { grantScope, ...extra });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.message).toBe(message.replace('<id>', request.id));
      expect(await countRequestWrites(t.db)).toEqual(before);
    },
  );

  it('belongs to a GRANT: a decline or an extension with it is refused', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'BOTH'), 'requestAccess');
    const refused = await client().answer('reseller', request.id, 'DECLINE', {
      reason: 'no',
      grantScope: 'SOURCING',
    });
    expect(refused.errors![0]!.message).toBe('grantScope belongs to a GRANT, not to DECLINE');
  });
});
