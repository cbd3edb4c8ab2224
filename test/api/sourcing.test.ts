// declareSupplyLink / amendSupplyLink / endSupplyLink (specification, section 9, issue 13 part 1): a
// customer's supplier_admin keeps its own sourcing; bad input names its field and writes nothing; a
// hidden supplier answers as a missing one; history stays true under asOf; every change is audited.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const LINK_FIELDS =
  'id supplier { id name type country city } customer { id } products validFrom validTo recordedAt provenance sources';
const DECLARE = `mutation($supplierId: ID, $newSupplier: NewSupplierInput, $products: [String!], $validFrom: DateTime, $validTo: DateTime) {
  declareSupplyLink(supplierId: $supplierId, newSupplier: $newSupplier, products: $products, validFrom: $validFrom, validTo: $validTo) { ${LINK_FIELDS} } }`;
const AMEND = `mutation($id: ID!, $products: [String!], $validFrom: DateTime, $validTo: DateTime) {
  amendSupplyLink(id: $id, products: $products, validFrom: $validFrom, validTo: $validTo) { ${LINK_FIELDS} } }`;
const END = `mutation($id: ID!, $validTo: DateTime) { endSupplyLink(id: $id, validTo: $validTo) { ${LINK_FIELDS} } }`;
const EVENTS = `query($org: ID, $linkId: ID) { supplyLinkEvents(organizationId: $org, linkId: $linkId) {
  action at actorUserId actorOrganizationId customerId linkId successorId supplierCreated
  before { supplierId products validFrom validTo } after { supplierId products validFrom validTo } } }`;
const CHAIN = `query($asOf: DateTime) { supplyChain(asOf: $asOf) { tiers { tier organizations { id } } links { id products } } }`;

interface Link {
  id: string;
  supplier: { id: string; name: string; type: string; country: string; city: string | null };
  customer: { id: string };
  products: string[];
  validFrom: string | null;
  validTo: string | null;
  recordedAt: string;
  provenance: string | null;
  sources: string[];
}
type Chain = {
  tiers: { tier: number; organizations: { id: string }[] }[];
  links: { id: string; products: string[] }[];
};

const declare = (as: string, variables: Record<string, unknown>) =>
  t.api.query(as, DECLARE, variables, [...ADMIN]);
const linkOf = (response: GraphQLResponse, field: string): Link => {
  expect(response.errors).toBeUndefined();
  return response.data![field] as Link;
};
const chain = async (viewer: string, asOf?: string) => {
  const response = await t.api.query(viewer, CHAIN, { asOf });
  expect(response.errors).toBeUndefined();
  return response.data!['supplyChain'] as Chain;
};
const reached = (c: Chain) => c.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)).sort();
/**
 * A refusal: BAD_USER_INPUT whose message names `field`, and nothing written, not even an audit event
 * (the whole graph as it was before `send`).
 */
async function refused(send: () => Promise<GraphQLResponse>, field: string) {
  const before = await dumpGraph(t.db.driver);
  const answer = await send();
  expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
  expect(answer.errors![0]!.message).toContain(field);
  expect(await dumpGraph(t.db.driver)).toEqual(before);
  return answer.errors![0]!.message;
}
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND', { listed: true, city: 'Round Rock' })
      .org('hidden', 'FACTORY', { osId: 'CN2019303BQ3FZP' })
      .org('listed-factory', 'FACTORY', { listed: true, osId: 'CN2020001AAAAAA' })
      .org('monitor', 'MONITOR', { listed: true })
      .org('other-buyer', 'PURCHASER')
      .link('reseller', 'buyer')
      .link('hidden', 'other-buyer')
      .build(),
  );
});

describe('declareSupplyLink', () => {
  it('links an organization the customer may look up, recorded now, reported and cited', async () => {
    const link = linkOf(
      await declare('buyer', {
        supplierId: 'reseller',
        products: [' laptops ', 'laptops', 'monitors'],
        validFrom: '2020-01-01',
      }),
      'declareSupplyLink',
    );
    expect(link).toMatchObject({
      supplier: { id: 'reseller' },
      customer: { id: 'buyer' },
      products: ['laptops', 'monitors'],
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: null,
      provenance: 'REPORTED',
      sources: ['declared by buyer'],
    });
    expect(link.id).toMatch(/^link-[0-9a-f-]{36}$/);
    expect(Date.now() - Date.parse(link.recordedAt)).toBeLessThan(60_000);
    expect((await chain('buyer')).links.map((l) => l.id).sort()).toEqual([link.id, 'reseller>buyer'].sort());
  });

  it('links a listed organization, which the customer then reaches', async () => {
    const link = linkOf(await declare('buyer', { supplierId: 'brand' }), 'declareSupplyLink');
    expect(link.supplier).toMatchObject({ id: 'brand', city: 'Round Rock' });
    expect(reached(await chain('buyer'))).toEqual(['brand', 'reseller']);
  });

  it('answers a hidden supplier exactly as a missing one, and writes nothing', async () => {
    const hidden = await refused(() => declare('buyer', { supplierId: 'hidden' }), 'supplierId');
    const missing = await refused(() => declare('buyer', { supplierId: 'nope' }), 'supplierId');
    // Each names the id sent, and otherwise reads the same.
    expect(hidden.replace('"hidden"', '"x"')).toBe(missing.replace('"nope"', '"x"'));
    expect(hidden).toContain('supplierId "hidden" is unknown');
  });

  it('creates a new supplier: unlisted, reported, known to its customer only', async () => {
    const link = linkOf(
      await declare('buyer', {
        newSupplier: {
          name: 'Shenzhen Example Electronics Co., Ltd.',
          type: 'FACTORY',
          country: 'CN',
          city: 'Shenzhen',
          address: '1 Example Road',
          latitude: 22.54,
          longitude: 114.06,
        },
        products: ['chargers'],
      }),
      'declareSupplyLink',
    );
    const id = link.supplier.id;
    expect(id).toMatch(/^org-[0-9a-f-]{36}$/);
    expect(link.supplier).toMatchObject({ type: 'FACTORY', country: 'CN', city: 'Shenzhen' });
    const lookup = `query($id: ID!) { organization(id: $id) { id provenance sources latitude longitude } }`;
    expect((await t.api.query('buyer', lookup, { id })).data!['organization']).toEqual({
      id,
      provenance: 'REPORTED',
      sources: ['declared by a customer'],
      latitude: 22.54,
      longitude: 114.06,
    });
    expect((await t.api.query('other-buyer', lookup, { id })).data!['organization']).toBeNull();
    const { records } = await t.db.driver.executeQuery(
      'MATCH (o:Organization {id: $id}) RETURN o.listed AS listed, o.address AS address',
      { id },
    );
    expect(records[0]!.toObject()).toEqual({ listed: null, address: '1 Example Road' });
  });

  it("never links to, nor tells of, an unlisted organization with the new supplier's osId", async () => {
    const link = linkOf(
      await declare('buyer', {
        newSupplier: { name: 'Org hidden', type: 'FACTORY', country: 'SE', osId: 'CN2019303BQ3FZP' },
      }),
      'declareSupplyLink',
    );
    expect(link.supplier.id).not.toBe('hidden');
    expect(link.supplier.id).toMatch(/^org-/);
  });

  it("refuses a listed organization's osId, naming the listed organization to link to", async () => {
    const message = await refused(
      () =>
        declare('buyer', {
          newSupplier: { name: 'Factory', type: 'FACTORY', country: 'CN', osId: 'CN2020001AAAAAA' },
        }),
      'newSupplier.osId',
    );
    expect(message).toContain('"listed-factory"');
  });

  it.each([
    ['a link to itself', { supplierId: 'buyer' }, 'supplierId'],
    [
      'both kinds of supplier',
      { supplierId: 'reseller', newSupplier: { name: 'X', type: 'FACTORY', country: 'CN' } },
      'newSupplier',
    ],
    ['no supplier', {}, 'supplierId'],
    [
      'validFrom after validTo',
      { supplierId: 'reseller', validFrom: '2999-01-01', validTo: '2998-01-01' },
      'validFrom',
    ],
    ['a validTo in the past', { supplierId: 'reseller', validTo: '2020-01-01' }, 'validTo'],
    [
      'an unknown country',
      { newSupplier: { name: 'X', type: 'FACTORY', country: 'XX' } },
      'newSupplier.country',
    ],
    [
      'a lower-case country',
      { newSupplier: { name: 'X', type: 'FACTORY', country: 'cn' } },
      'newSupplier.country',
    ],
    [
      'a latitude out of range',
      { newSupplier: { name: 'X', type: 'FACTORY', country: 'CN', latitude: 91, longitude: 0 } },
      'newSupplier.latitude',
    ],
    [
      'a longitude out of range',
      { newSupplier: { name: 'X', type: 'FACTORY', country: 'CN', latitude: 0, longitude: -181 } },
      'newSupplier.longitude',
    ],
    [
      'a latitude alone',
      { newSupplier: { name: 'X', type: 'FACTORY', country: 'CN', latitude: 10 } },
      'newSupplier.latitude',
    ],
    ['a blank name', { newSupplier: { name: '  ', type: 'FACTORY', country: 'CN' } }, 'newSupplier.name'],
    [
      'a MONITOR as new supplier',
      { newSupplier: { name: 'X', type: 'MONITOR', country: 'CN' } },
      'newSupplier.type',
    ],
    ['a MONITOR as supplier', { supplierId: 'monitor' }, 'supplierId'],
    [
      'a bad osId',
      { newSupplier: { name: 'X', type: 'FACTORY', country: 'CN', osId: 'abc' } },
      'newSupplier.osId',
    ],
    ['an empty product', { supplierId: 'reseller', products: [''] }, 'products'],
  ])('refuses %s, naming the field, writing nothing', async (_name, variables, field) => {
    await refused(() => declare('buyer', variables), field);
  });

  it('lists every problem of the new supplier, the dates and the products in one refusal, writing nothing', async () => {
    const message = await refused(
      () =>
        declare('buyer', {
          newSupplier: { name: 'Fac\u200btory', type: 'FACTORY', country: 'cn', latitude: 91, longitude: 0 },
          validFrom: '2999-01-01',
          validTo: '2998-01-01',
          products: ['laptops', ''],
        }),
      'newSupplier.name',
    );
    expect(message.split('; ').map((problem) => problem.split(' ')[0])).toEqual([
      'newSupplier.name',
      'newSupplier.country',
      'newSupplier.latitude',
      'validFrom',
      'products[1]',
    ]);
  });

  it('refuses a malformed date before any resolver runs', async () => {
    expect(codes(await declare('buyer', { supplierId: 'reseller', validFrom: '2020-02-30' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('is for a supplier_admin of the customer', async () => {
    const before = await dumpGraph(t.db.driver);
    expect(codes(await t.api.query('buyer', DECLARE, { supplierId: 'reseller' }, ['analyst']))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });
});

describe('amendSupplyLink and endSupplyLink', () => {
  it('amending ends the link now and a successor takes over; asOf before shows the link as it was', async () => {
    const first = linkOf(
      await declare('buyer', { supplierId: 'brand', products: ['laptops'] }),
      'declareSupplyLink',
    );
    await pause();
    const between = new Date().toISOString();
    await pause();
    const amended = linkOf(
      await t.api.query('buyer', AMEND, { id: first.id, products: ['laptops', 'servers'] }, [...ADMIN]),
      'amendSupplyLink',
    );
    expect(amended.id).not.toBe(first.id);
    expect(amended).toMatchObject({
      supplier: { id: 'brand' },
      products: ['laptops', 'servers'],
      validFrom: null,
      validTo: null,
    });

    const then = await chain('buyer', between);
    expect(then.links).toContainEqual({ id: first.id, products: ['laptops'] });
    expect(then.links.map((l) => l.id)).not.toContain(amended.id);
    const now = await chain('buyer');
    expect(now.links).toContainEqual({ id: amended.id, products: ['laptops', 'servers'] });
    expect(now.links.map((l) => l.id)).not.toContain(first.id);

    const events = (await t.api.query('buyer', EVENTS, { linkId: first.id })).data!['supplyLinkEvents'];
    expect(events).toEqual([
      expect.objectContaining({
        action: 'AMENDED',
        linkId: first.id,
        successorId: amended.id,
        actorUserId: 'user@buyer',
        before: { supplierId: 'brand', products: ['laptops'], validFrom: null, validTo: null },
        after: { supplierId: 'brand', products: ['laptops', 'servers'], validFrom: null, validTo: null },
      }),
      expect.objectContaining({ action: 'DECLARED', linkId: first.id, supplierCreated: false, before: null }),
    ]);
  });

  it('an amendment keeps what a share to the link disclosed', async () => {
    const link = linkOf(await declare('reseller', { supplierId: 'brand' }), 'declareSupplyLink');
    const share = `mutation($linkIds: [ID!]) { shareSourcing(recipientId: "buyer", linkIds: $linkIds) { id } }`;
    expect((await t.api.query('reseller', share, { linkIds: [link.id] }, [...ADMIN])).errors).toBeUndefined();
    expect(reached(await chain('buyer'))).toEqual(['brand', 'reseller']);
    const amended = linkOf(
      await t.api.query('reseller', AMEND, { id: link.id, products: ['pcs'] }, [...ADMIN]),
      'amendSupplyLink',
    );
    expect((await chain('buyer')).links.map((l) => l.id)).toContain(amended.id);
  });

  it('ending sets validTo: gone now, still there asOf before, listed as ended, and audited', async () => {
    const link = linkOf(await declare('buyer', { supplierId: 'brand' }), 'declareSupplyLink');
    await pause();
    const between = new Date().toISOString();
    await pause();
    const ended = linkOf(await t.api.query('buyer', END, { id: link.id }, [...ADMIN]), 'endSupplyLink');
    expect(ended.id).toBe(link.id);
    expect(ended.validTo).not.toBeNull();
    expect(reached(await chain('buyer'))).toEqual(['reseller']);
    expect(reached(await chain('buyer', between))).toContain('brand');

    const own = `query($all: Boolean) { ownSupplyLinks(includeEnded: $all) { id supplier { id name country city } } }`;
    expect((await t.api.query('buyer', own, { all: false })).data!['ownSupplyLinks']).toEqual([
      { id: 'reseller>buyer', supplier: { id: 'reseller', name: 'Org reseller', country: 'SE', city: null } },
    ]);
    // brand is no longer reachable, but listed: its link shows its directory card.
    expect((await t.api.query('buyer', own, { all: true })).data!['ownSupplyLinks']).toEqual([
      { id: link.id, supplier: { id: 'brand', name: 'Org brand', country: 'SE', city: 'Round Rock' } },
      { id: 'reseller>buyer', supplier: { id: 'reseller', name: 'Org reseller', country: 'SE', city: null } },
    ]);
    const events = (await t.api.query('buyer', EVENTS, { linkId: link.id })).data!['supplyLinkEvents'] as {
      action: string;
      after: { validTo: string };
    }[];
    expect(events.map((e) => e.action)).toEqual(['ENDED', 'DECLARED']);
    expect(events[0]!.after.validTo).toBe(ended.validTo);

    await refused(() => t.api.query('buyer', END, { id: link.id }, [...ADMIN]), `link "${link.id}" ended`);
    await refused(
      () => t.api.query('buyer', AMEND, { id: link.id, products: ['x'] }, [...ADMIN]),
      `link "${link.id}" ended`,
    );
  });

  it('ends at a future instant, never in the past nor after the current end', async () => {
    const link = linkOf(
      await declare('buyer', { supplierId: 'brand', validTo: '2990-01-01' }),
      'declareSupplyLink',
    );
    await refused(
      () => t.api.query('buyer', END, { id: link.id, validTo: '2020-01-01' }, [...ADMIN]),
      'validTo',
    );
    await refused(
      () => t.api.query('buyer', END, { id: link.id, validTo: '2995-01-01' }, [...ADMIN]),
      'validTo',
    );
    const ended = linkOf(
      await t.api.query('buyer', END, { id: link.id, validTo: '2980-01-01' }, [...ADMIN]),
      'endSupplyLink',
    );
    expect(ended.validTo).toBe('2980-01-01T00:00:00.000Z');
    expect(reached(await chain('buyer'))).toContain('brand');
  });

  it('shows an unlisted supplier of an ended link as its identity card only', async () => {
    const link = linkOf(
      await declare('buyer', {
        newSupplier: { name: 'Gone Ltd', type: 'FACTORY', country: 'CN', city: 'Shenzhen' },
      }),
      'declareSupplyLink',
    );
    expect(link.supplier.city).toBe('Shenzhen');
    const ended = linkOf(await t.api.query('buyer', END, { id: link.id }, [...ADMIN]), 'endSupplyLink');
    expect(ended.supplier).toEqual({
      id: link.supplier.id,
      name: 'Gone Ltd',
      type: 'FACTORY',
      country: 'CN',
      city: null,
    });
  });

  it("answers NOT_FOUND for a link that is not the viewer's own sourcing, whoever can see it", async () => {
    for (const id of ['reseller>buyer', 'hidden>other-buyer', 'nope']) {
      const before = await dumpGraph(t.db.driver);
      expect(codes(await t.api.query('reseller', END, { id }, [...ADMIN])), id).toEqual(['NOT_FOUND']);
      expect(codes(await t.api.query('reseller', AMEND, { id, products: [] }, [...ADMIN])), id).toEqual([
        'NOT_FOUND',
      ]);
      expect(await dumpGraph(t.db.driver)).toEqual(before);
    }
  });

  it('amendment dates are checked as a declaration is', async () => {
    await refused(
      () => t.api.query('buyer', AMEND, { id: 'reseller>buyer', validTo: '2001-01-01' }, [...ADMIN]),
      'validTo',
    );
    await refused(
      () =>
        t.api.query(
          'buyer',
          AMEND,
          { id: 'reseller>buyer', validFrom: '2999-01-01', validTo: '2998-01-01' },
          [...ADMIN],
        ),
      'validFrom',
    );
    await refused(
      () => t.api.query('buyer', AMEND, { id: 'reseller>buyer' }, [...ADMIN]),
      'products, validFrom or validTo',
    );
  });
});

describe('supplyLinkEvents', () => {
  it('is read by the customer and a platform_admin only', async () => {
    linkOf(await declare('buyer', { supplierId: 'brand' }), 'declareSupplyLink');
    const own = await t.api.query('buyer', EVENTS, {});
    expect((own.data!['supplyLinkEvents'] as unknown[]).length).toBe(1);
    for (const org of ['buyer', 'nope'])
      expect(codes(await t.api.query('brand', EVENTS, { org }, [...ADMIN])), org).toEqual(['FORBIDDEN']);
    const admin = await t.api.query('other-buyer', EVENTS, { org: 'buyer' }, ['platform_admin']);
    expect(admin.data!['supplyLinkEvents']).toEqual(own.data!['supplyLinkEvents']);
  });

  it('names the acting organization: whole to itself, its identity card to a platform_admin', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER', { city: 'Oslo' })
        .org('brand', 'BRAND', { listed: true })
        .org('platform')
        .build(),
    );
    linkOf(await declare('buyer', { supplierId: 'brand' }), 'declareSupplyLink');
    const ACTORS = `query($org: ID) { supplyLinkEvents(organizationId: $org) {
      actorOrganization { id name type country city } } }`;
    const actors = async (viewer: string, roles: Role[]) =>
      ok<{ actorOrganization: object }[]>(
        await t.api.query(viewer, ACTORS, { org: 'buyer' }, roles),
        'supplyLinkEvents',
      ).map((e) => e.actorOrganization);
    const card = { id: 'buyer', name: 'Org buyer', type: 'PURCHASER', country: 'SE' };
    expect(await actors('buyer', [...ADMIN])).toEqual([{ ...card, city: 'Oslo' }]);
    // The brand could look its new customer up (rule 5); the platform's own organization could not.
    expect(await actors('platform', ['platform_admin'])).toEqual([{ ...card, city: null }]);
  });
});
