// A share of a link that has ended shows its recipient nothing at any instant (a share counts from its
// createdAt, and the link held only before that), as a share of a withdrawn disclosure would show
// nothing: shareSourcing and an access request's GRANT refuse one, naming it (and the successor of an
// amended one), and write nothing. Found using Tiersight as a supplier (docs review, December 2026):
// a link id kept from before an amendment was shared, the call succeeded, and the customer saw nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { ANSWER, REQUEST_ACCESS } from '../support/access-requests.ts';
import { useApi } from '../support/harness.ts';
import { reachedThrough } from '../support/reached.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const SHARE = `mutation Share($recipientId: ID!, $linkIds: [ID!], $idempotencyKey: String) {
  shareSourcing(recipientId: $recipientId, linkIds: $linkIds, idempotencyKey: $idempotencyKey) { id linkIds active }
}`;
const AMEND = `mutation Amend($id: ID!, $products: [String!]) { amendSupplyLink(id: $id, products: $products) { id } }`;
const END = `mutation End($id: ID!) { endSupplyLink(id: $id) { id validTo } }`;
const DECLARE = `mutation Declare($products: [String!]) {
  declareSupplyLink(newSupplier: { name: "Cable Maker", type: FACTORY, country: "CN" }, products: $products,
                    validFrom: "2031-01-01") { id } }`;
const share = (variables: Record<string, unknown>) => t.api.query('factory', SHARE, variables, [...ADMIN]);
const reached = (viewer: string) => reachedThrough(t.api, viewer);

/** A contract for 2031 that the factory declares and calls off (ended before its start: validTo = validFrom). */
const calledOff = async (products: string[]) => {
  const id = ok<{ id: string }>(
    await t.api.query('factory', DECLARE, { products }, [...ADMIN]),
    'declareSupplyLink',
  ).id;
  ok(await t.api.query('factory', END, { id }, [...ADMIN]), 'endSupplyLink');
  return id;
};

beforeEach(async () => {
  // brand buys from factory; factory buys pcbs (a link that ended in 2024) and wires (open).
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('pcb', 'FACTORY')
      .org('wire', 'FACTORY')
      .link('factory', 'brand', { products: ['chargers'] })
      .link('pcb', 'factory', { products: ['pcbs'], validFrom: '2020-01-01', validTo: '2024-01-01' })
      .link('wire', 'factory', { products: ['wires'] })
      .build(),
  );
});

describe('shareSourcing of a link that has ended', () => {
  it('is refused naming the link and when it ended, and writes nothing', async () => {
    const before = await dumpGraph(t.db.driver);
    const refused = await share({ recipientId: 'brand', linkIds: ['wire>factory', 'pcb>factory'] });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toBe(
      'linkIds must be links that hold now or start later (a share counts from now, so an ended link ' +
        'would show nothing); not so for "pcb>factory" (ended 2024-01-01T00:00:00.000Z)',
    );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('is refused for a link called off before it started', async () => {
    const id = await calledOff(['cables']);
    const refused = await share({ recipientId: 'brand', linkIds: [id] });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain(`"${id}" (called off: it holds at no instant)`);
  });

  it('names the successor of an amended link, which may be shared', async () => {
    const successor = ok<{ id: string }>(
      await t.api.query('factory', AMEND, { id: 'wire>factory', products: ['wires', 'cables'] }, [...ADMIN]),
      'amendSupplyLink',
    ).id;
    const refused = await share({ recipientId: 'brand', linkIds: ['wire>factory'] });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toMatch(
      new RegExp(`not so for "wire>factory" \\(ended [^)]+; amended: share its successor "${successor}"\\)$`),
    );
    expect(await reached('brand')).toEqual(['factory']);
    const shared = ok<{ linkIds: string[] }>(
      await share({ recipientId: 'brand', linkIds: [successor] }),
      'shareSourcing',
    );
    expect(shared.linkIds).toEqual([successor]);
    expect(await reached('brand')).toEqual(['factory', 'wire']);
  });

  it('a retry with the idempotency key of a share made before the link ended answers that share', async () => {
    const first = ok<{ id: string }>(
      await share({ recipientId: 'brand', linkIds: ['wire>factory'], idempotencyKey: 'k-wire' }),
      'shareSourcing',
    );
    ok(await t.api.query('factory', END, { id: 'wire>factory' }, [...ADMIN]), 'endSupplyLink');
    const retried = ok<{ id: string }>(
      await share({ recipientId: 'brand', linkIds: ['wire>factory'], idempotencyKey: 'k-wire' }),
      'shareSourcing',
    );
    expect(retried.id).toBe(first.id);
  });
});

describe('a link called off before its start', () => {
  it('is no longer among the links that hold now or later, and a change of it says it was called off', async () => {
    const OWN = `query Own($includeEnded: Boolean) { ownSupplyLinks(includeEnded: $includeEnded) { id } }`;
    const id = await calledOff(['cables']);
    const own = async (includeEnded: boolean) =>
      ok<{ id: string }[]>(
        await t.api.query('factory', OWN, { includeEnded }, [...ADMIN]),
        'ownSupplyLinks',
      ).map((l) => l.id);
    expect(await own(false)).toEqual(['wire>factory']);
    expect((await own(true)).sort()).toEqual([id, 'pcb>factory', 'wire>factory'].sort());
    const refused = await t.api.query('factory', END, { id }, [...ADMIN]);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toBe(
      `link "${id}" was called off (ended at its start, 2031-01-01T00:00:00.000Z, it holds at no instant): ` +
        'its history stays as it was; declare a new link instead',
    );
  });
});

describe('GRANT of an access request with linkIds naming a link that has ended', () => {
  it('is refused naming the link, and the request stays open with nothing shared', async () => {
    const sent = ok<{ id: string }>(
      await t.api.query('brand', REQUEST_ACCESS, { to: 'factory', scope: 'SOURCING' }),
      'requestAccess',
    );
    const before = await dumpGraph(t.db.driver);
    const refused = await t.api.query(
      'factory',
      ANSWER,
      { id: sent.id, decision: 'GRANT', linkIds: ['pcb>factory'] },
      [...ADMIN],
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain(
      'not so for "pcb>factory" (ended 2024-01-01T00:00:00.000Z)',
    );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('without linkIds, a request naming products carried only by a called-off link is refused as carrying none', async () => {
    await calledOff(['cables']);
    const sent = ok<{ id: string }>(
      await t.api.query('brand', REQUEST_ACCESS, { to: 'factory', scope: 'SOURCING', products: ['cables'] }),
      'requestAccess',
    );
    const refused = await t.api.query('factory', ANSWER, { id: sent.id, decision: 'GRANT' }, [...ADMIN]);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain('no link in which factory is the customer');
  });
});
