// Ending and amending one's own links where the supplier review found defects (December 2026): a link
// that has not started yet is called off (validTo = validFrom), never left with validTo before
// validFrom, which made every later backup fail; an amendment to what the link says writes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { backupAndRestore } from '../support/backup.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const LINK_FIELDS = 'id supplier { id } products validFrom validTo';
const DECLARE = `mutation($supplierId: ID, $products: [String!], $validFrom: DateTime, $validTo: DateTime) {
  declareSupplyLink(supplierId: $supplierId, products: $products, validFrom: $validFrom, validTo: $validTo) { ${LINK_FIELDS} } }`;
const AMEND = `mutation($id: ID!, $products: [String!]) { amendSupplyLink(id: $id, products: $products) { ${LINK_FIELDS} } }`;
const END = `mutation($id: ID!, $validTo: DateTime) { endSupplyLink(id: $id, validTo: $validTo) { ${LINK_FIELDS} } }`;
const OWN = `{ ownSupplyLinks(includeEnded: true) { ${LINK_FIELDS} } }`;

interface Link {
  id: string;
  validFrom: string | null;
  validTo: string | null;
}

/** A link that holds from a year from now (a contract signed for next year). */
const futureLink = async (): Promise<Link> =>
  ok<Link>(
    await t.api.query(
      'buyer',
      DECLARE,
      {
        supplierId: 'reseller',
        products: ['laptops'],
        validFrom: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      },
      [...ADMIN],
    ),
    'declareSupplyLink',
  );

/**
 * Every link of the buyer's own sourcing (ended ones too) has validFrom before validTo, as section 1
 * and the bulk format ask, or equal to it for a link called off before it started.
 */
const ownLinksWellFormed = async () => {
  const own = ok<Link[]>(await t.api.query('buyer', OWN), 'ownSupplyLinks');
  return own
    .filter(
      (l) =>
        l.validFrom !== null && l.validTo !== null && !(Date.parse(l.validFrom) <= Date.parse(l.validTo)),
    )
    .map((l) => `${l.id}: validFrom ${l.validFrom} >= validTo ${l.validTo}`);
};

/** `tiersight export` then `tiersight import --reset` of the file: the restore a backup promises. */
const roundTrip = () => backupAndRestore(t.db);

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build(),
  );
});

describe('ending or amending a link that has not started yet', () => {
  it('endSupplyLink of a link that starts next year never leaves validTo before validFrom', async () => {
    const link = await futureLink();
    // The dashboard's "End" button sends exactly this (web/src/my-suppliers.ts, END): no validTo.
    const ended = ok<Link>(await t.api.query('buyer', END, { id: link.id }, [...ADMIN]), 'endSupplyLink');
    // Called off: it ends where it starts, so it holds at no instant.
    expect(ended.validTo).toBe(link.validFrom);
    expect(await ownLinksWellFormed()).toEqual([]);
  });

  it('amendSupplyLink of a link that starts next year never leaves the old link with validTo before validFrom', async () => {
    const link = await futureLink();
    // The dashboard's "Edit products" sends exactly this (web/src/my-suppliers.ts, AMEND).
    const response = await t.api.query('buyer', AMEND, { id: link.id, products: ['laptops', 'monitors'] }, [
      ...ADMIN,
    ]);
    const successor = ok<Link & { products: string[] }>(response, 'amendSupplyLink');
    expect(successor).toMatchObject({ validFrom: link.validFrom, products: ['laptops', 'monitors'] });
    expect(await ownLinksWellFormed()).toEqual([]);
    const own = ok<Link[]>(await t.api.query('buyer', OWN), 'ownSupplyLinks');
    expect(own.find((l) => l.id === link.id)?.validTo).toBe(link.validFrom);
  });

  it('a store in which a not-yet-started link was ended exports to a file that imports back', async () => {
    const link = await futureLink();
    expect((await t.api.query('buyer', END, { id: link.id }, [...ADMIN])).errors).toBeUndefined();
    expect(await roundTrip()).toEqual([]);
  });

  it('a store in which a not-yet-started link was amended exports to a file that imports back', async () => {
    const link = await futureLink();
    expect(
      (await t.api.query('buyer', AMEND, { id: link.id, products: ['monitors'] }, [...ADMIN])).errors,
    ).toBeUndefined();
    expect(await roundTrip()).toEqual([]);
  });

  it('amendSupplyLink to what the link already says writes nothing: no successor, no trail entry', async () => {
    const link = ok<Link>(
      await t.api.query('buyer', DECLARE, { supplierId: 'reseller', products: ['laptops', 'monitors'] }, [
        ...ADMIN,
      ]),
      'declareSupplyLink',
    );
    const same = ok<Link>(
      await t.api.query('buyer', AMEND, { id: link.id, products: ['monitors', 'laptops'] }, [...ADMIN]),
      'amendSupplyLink',
    );
    expect(same).toEqual(link);
    const events = await t.api.query('buyer', `{ supplyLinkEvents(linkId: "${link.id}") { action } }`);
    expect(events.data!['supplyLinkEvents']).toEqual([{ action: 'DECLARED' }]);
  });
});
