// A share identical to an active one is refused (share-repository SAME_SHARE_ACTIVE): judged on what
// each shows from now on. An amendment appends the successor to the active shares that named the
// link, so a share of [pcb] becomes one of [pcb, its successor]; sharing the successor alone with the
// same recipient made a second share showing exactly what the first shows from now on, and revoking
// either left the recipient all it saw. Likewise a share of two disclosures, one withdrawn since.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const SHARE = `mutation($r: ID!, $links: [ID!]) { shareSourcing(recipientId: $r, linkIds: $links) { id linkIds } }`;
const SHARE_DISCLOSURES = `mutation($r: ID!, $ids: [ID!]) { shareDisclosures(recipientId: $r, disclosureIds: $ids) { id } }`;
const AMEND = `mutation($id: ID!, $products: [String!]) { amendSupplyLink(id: $id, products: $products) { id } }`;
const PUBLISH = `mutation($s: ID!) { publishDisclosure(input: { subjectId: $s, kind: SELF_ASSESSMENT,
  content: { title: "SAQ", issuedAt: "2024-01-01T00:00:00Z" } }) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`;
const GIVEN = '{ sharesGiven { id } }';

const as = (query: string, variables: Record<string, unknown>) =>
  t.api.query('factory', query, variables, [...ADMIN]);
const given = async () => ok<{ id: string }[]>(await as(GIVEN, {}), 'sharesGiven');

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('pcb', 'FACTORY')
      .org('wire', 'FACTORY')
      .link('factory', 'brand')
      .link('pcb', 'factory')
      .link('wire', 'factory')
      .build(),
  );
});

describe('a share judged identical to an active one', () => {
  it('is one of the successor an amendment added to the active share', async () => {
    const first = ok<{ id: string }>(
      await as(SHARE, { r: 'brand', links: ['pcb>factory'] }),
      'shareSourcing',
    );
    const successor = ok<{ id: string }>(
      await as(AMEND, { id: 'pcb>factory', products: ['boards'] }),
      'amendSupplyLink',
    ).id;
    const again = await as(SHARE, { r: 'brand', links: [successor] });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toContain(`share "${first.id}" already shows "brand" the same`);
    expect(await given()).toEqual([{ id: first.id }]);
  });

  it('is not one that names a link the active share never named', async () => {
    ok(await as(SHARE, { r: 'brand', links: ['pcb>factory'] }), 'shareSourcing');
    const successor = ok<{ id: string }>(
      await as(AMEND, { id: 'pcb>factory', products: ['boards'] }),
      'amendSupplyLink',
    ).id;
    ok(await as(SHARE, { r: 'brand', links: [successor, 'wire>factory'] }), 'shareSourcing');
    expect(await given()).toHaveLength(2);
  });

  it('is one of the disclosures of an active share that are not withdrawn', async () => {
    const kept = ok<{ id: string }>(await as(PUBLISH, { s: 'factory' }), 'publishDisclosure').id;
    const gone = ok<{ id: string }>(await as(PUBLISH, { s: 'factory' }), 'publishDisclosure').id;
    const first = ok<{ id: string }>(
      await as(SHARE_DISCLOSURES, { r: 'brand', ids: [kept, gone] }),
      'shareDisclosures',
    );
    ok(await as(WITHDRAW, { id: gone }), 'withdrawDisclosure');
    const again = await as(SHARE_DISCLOSURES, { r: 'brand', ids: [kept] });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toContain(`share "${first.id}" already shows "brand" the same`);
  });
});
