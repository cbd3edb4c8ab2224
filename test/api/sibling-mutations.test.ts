// Mutations that name a counterpart answer alike, where the supplier review found them apart
// (December 2026): an old id of a merged supplier resolves in declareSupplyLink as everywhere else
// (never to a listed kept organization's card); errors name the id sent; naming oneself is bad input
// everywhere; withdrawing a request twice answers it unchanged.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId } }`;
const DECLARE = `mutation($supplierId: ID) { declareSupplyLink(supplierId: $supplierId, products: ["laptops"]) { id supplier { id } } }`;
const REQUEST = `mutation($o: ID!) { requestAccess(organizationId: $o, scope: SOURCING) { id target { id } } }`;
const WITHDRAW_REQUEST = `mutation($id: ID!) { withdrawAccessRequest(id: $id) { id status } }`;
const SHARE_SOURCING = `mutation($r: ID!) { shareSourcing(recipientId: $r) { id } }`;
const SHARE_DISCLOSURES = `mutation($r: ID!) { shareDisclosures(recipientId: $r) { id } }`;

// buyer <- brand (listed nowhere); brand-dup, a second record of the brand that the buyer declared
// years ago (its link has ended), merged into brand by an operator.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('brand-dup', 'BRAND')
      .link('brand', 'buyer')
      .link('brand-dup', 'buyer', { validFrom: '2015-01-01', validTo: '2016-01-01' })
      .build(),
  );
  ok(
    await t.api.query('operator', MERGE, { keepId: 'brand', mergeId: 'brand-dup' }, ['platform_admin']),
    'mergeOrganizations',
  );
});

describe('an old id of a merged supplier', () => {
  it('declareSupplyLink(supplierId: old id) links the kept supplier, as shareSourcing/requestAccess/publishDisclosure resolve it', async () => {
    // Specification section 10: "Wherever a client names an organization … a merged id stands for the
    // organization it was merged into". The buyer may look the kept brand up (its direct supplier), and
    // the same id works as recipientId and organizationId. declareSupplyLink alone answers
    // BAD_USER_INPUT "supplierId is unknown".
    expect(ok(await t.api.query('buyer', REQUEST, { o: 'brand-dup' }), 'requestAccess')).toMatchObject({
      target: { id: 'brand' },
    });
    const declared = await t.api.query('buyer', DECLARE, { supplierId: 'brand-dup' }, [...ADMIN]);
    expect(declared.errors).toBeUndefined();
    expect(declared.data!['declareSupplyLink']).toMatchObject({ supplier: { id: 'brand' } });
  });

  it('declareSupplyLink(supplierId: old id) of a listed organization the customer may not look up answers as a missing id', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('operator', 'MONITOR')
        .org('buyer', 'PURCHASER')
        .org('listed', 'FACTORY', { listed: true })
        .org('hidden-dup', 'FACTORY')
        .build(),
    );
    const before = await t.api.query('buyer', DECLARE, { supplierId: 'hidden-dup' }, [...ADMIN]);
    ok(
      await t.api.query('operator', MERGE, { keepId: 'listed', mergeId: 'hidden-dup' }, ['platform_admin']),
      'mergeOrganizations',
    );
    const after = await t.api.query('buyer', DECLARE, { supplierId: 'hidden-dup' }, [...ADMIN]);
    expect(codes(after)).toEqual(['BAD_USER_INPUT']);
    expect(after.errors).toEqual(before.errors);
    // Named by its own id, the listed organization is found in the directory.
    expect(
      ok(await t.api.query('buyer', DECLARE, { supplierId: 'listed' }, [...ADMIN]), 'declareSupplyLink'),
    ).toMatchObject({
      supplier: { id: 'listed' },
    });
  });

  it('a second open request to an old id names the id the client sent, not the kept one', async () => {
    ok(await t.api.query('buyer', REQUEST, { o: 'brand-dup' }), 'requestAccess');
    const again = await t.api.query('buyer', REQUEST, { o: 'brand-dup' });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    // Specification section 2, rule 6: "An error about an asked id names the id as the client sent
    // it …, never the kept organization a merged id stands for". Before the fix: "… to brand for SOURCING …".
    expect(again.errors![0]!.message).toContain('to "brand-dup" for');
  });
});

describe('naming one’s own organization', () => {
  it('answers the same code from every mutation that names a counterpart', async () => {
    const before = await dumpGraph(t.db.driver);
    const answers = {
      shareSourcing: codes(await t.api.query('brand', SHARE_SOURCING, { r: 'brand' }, [...ADMIN])),
      shareDisclosures: codes(await t.api.query('brand', SHARE_DISCLOSURES, { r: 'brand' }, [...ADMIN])),
      declareSupplyLink: codes(await t.api.query('brand', DECLARE, { supplierId: 'brand' }, [...ADMIN])),
      // Before the fix NOT_FOUND: 'Organization "brand" not found', said to brand about itself.
      requestAccess: codes(await t.api.query('brand', REQUEST, { o: 'brand' }, [...ADMIN])),
    };
    expect(answers).toEqual({
      shareSourcing: ['BAD_USER_INPUT'],
      shareDisclosures: ['BAD_USER_INPUT'],
      declareSupplyLink: ['BAD_USER_INPUT'],
      requestAccess: ['BAD_USER_INPUT'],
    });
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });
});

describe('withdrawing twice', () => {
  it('withdrawAccessRequest twice is a no-op, as withdrawDisclosure and revokeShare twice are', async () => {
    const sent = ok<{ id: string }>(await t.api.query('buyer', REQUEST, { o: 'brand' }), 'requestAccess');
    const first = ok<{ status: string }>(
      await t.api.query('buyer', WITHDRAW_REQUEST, { id: sent.id }),
      'withdrawAccessRequest',
    );
    expect(first.status).toBe('WITHDRAWN');
    // A retry after a lost answer (the dashboard's Withdraw clicked twice, a client retrying on a
    // timeout) got BAD_USER_INPUT before the fix, where withdrawDisclosure and revokeShare answer the record.
    const second = await t.api.query('buyer', WITHDRAW_REQUEST, { id: sent.id });
    expect(second.errors).toBeUndefined();
    expect(second.data!['withdrawAccessRequest']).toEqual({ id: sent.id, status: 'WITHDRAWN' });
  });
});
