// Idempotency keys and mergeOrganizations: a retry sent after the organization it names was merged
// sends the same arguments as the first call and answers its record (the fingerprint names ids as
// sent); and a merged viewer organization's keys become the kept one's, so a retry by the same user
// with a token of the kept organization answers what it created instead of creating it again.
import { beforeEach, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { ok, TEST_SECRET, type GraphQLResponse } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ROLES = ['supplier_admin', 'analyst'] as const;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('buyer-dup', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('reseller-dup', 'RESELLER')
      .org('brand', 'BRAND')
      .org('brand-dup', 'BRAND')
      .link('reseller', 'buyer')
      .link('reseller-dup', 'buyer-dup')
      .link('brand', 'reseller')
      .link('brand-dup', 'reseller')
      .build(),
  );
});

const merge = async (keepId: string, mergeId: string) =>
  ok(
    await t.api.query(
      'operator',
      `mutation($k: ID!, $m: ID!) { mergeOrganizations(keepId: $k, mergeId: $m) { keptId } }`,
      { k: keepId, m: mergeId },
      ['platform_admin'],
    ),
    'mergeOrganizations',
  );

const idOf = (response: GraphQLResponse, field: string) => {
  expect(response.errors?.[0]?.message).toBeUndefined();
  return ok<{ id: string }>(response, field).id;
};

describe('a retry sent after the organization it names was merged', () => {
  it('shareSourcing to a recipient merged since answers the share (now to the kept one)', async () => {
    const query = `mutation($key: String) { shareSourcing(recipientId: "buyer", idempotencyKey: $key) { id } }`;
    const first = idOf(await t.api.query('reseller', query, { key: 'k-m1' }, [...ROLES]), 'shareSourcing');
    await merge('buyer-dup', 'buyer');
    const retried = await t.api.query('reseller', query, { key: 'k-m1' }, [...ROLES]);
    expect(idOf(retried, 'shareSourcing')).toBe(first);
  });

  it('declareSupplyLink of a supplier merged since answers the link', async () => {
    const query = `mutation($key: String) {
      declareSupplyLink(supplierId: "brand", products: ["docks"], idempotencyKey: $key) { id } }`;
    const first = idOf(
      await t.api.query('reseller', query, { key: 'k-m2' }, [...ROLES]),
      'declareSupplyLink',
    );
    await merge('brand-dup', 'brand');
    const retried = await t.api.query('reseller', query, { key: 'k-m2' }, [...ROLES]);
    expect(idOf(retried, 'declareSupplyLink')).toBe(first);
  });

  it('requestAccess to an organization merged since answers the request', async () => {
    const query = `mutation($key: String) {
      requestAccess(organizationId: "brand", scope: SOURCING, idempotencyKey: $key) { id } }`;
    const first = idOf(await t.api.query('reseller', query, { key: 'k-m3' }, [...ROLES]), 'requestAccess');
    await merge('brand-dup', 'brand');
    const retried = await t.api.query('reseller', query, { key: 'k-m3' }, [...ROLES]);
    expect(idOf(retried, 'requestAccess')).toBe(first);
  });
});

describe("a retry after the viewer's own organization was merged", () => {
  it('by the same user, with a token of the kept organization, answers the share and grants no second one', async () => {
    const query = `mutation($key: String) { shareSourcing(recipientId: "buyer", idempotencyKey: $key) { id } }`;
    const as = async (org: string) =>
      `Bearer ${await signToken({ sub: 'alice@reseller', org, roles: [...ROLES] }, TEST_SECRET, 600)}`;
    const first = idOf(
      await t.api.query({ authorization: await as('reseller') }, query, { key: 'k-own' }),
      'shareSourcing',
    );
    await merge('reseller-dup', 'reseller');
    // The share moved to reseller-dup; Alice, now a user of reseller-dup, retries the lost answer.
    const retried = await t.api.query({ authorization: await as('reseller-dup') }, query, { key: 'k-own' });
    expect(idOf(retried, 'shareSourcing')).toBe(first);
    const [counted] = await rowsOf(
      t.db,
      `MATCH (:Organization {id: 'reseller-dup'})-[:GRANTED]->(s:Share)-[:TO]->(:Organization {id: 'buyer'})
       RETURN count(s) AS n`,
    );
    expect(Number(counted!['n'])).toBe(1);
  });
});
