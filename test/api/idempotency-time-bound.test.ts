// Idempotency keys and arguments that must lie in the future (a share's or grant's expiresAt, a link's
// validTo, a request's dueAt): they are judged when the key is new, so a retry sent once that instant has passed answers
// what the first call created ("as they are now", specification section 4) instead of a refusal that
// would leave the client unable to learn the id of its record.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { resellerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ROLES = ['supplier_admin', 'analyst'] as const;

beforeEach(async () => {
  await loadGraph(t.db, resellerChain().build());
});

/** An instant 1.5 s from now, and a wait until it has passed. */
const soon = () => new Date(Date.now() + 1_500).toISOString();
const pass = () => new Promise((resolve) => setTimeout(resolve, 2_000));

const idOf = (response: GraphQLResponse, field: string) => ok<{ id: string }>(response, field).id;

describe('a retry sent once a date of its arguments has passed', () => {
  it('shareSourcing with an expiresAt that has passed answers the share it created', async () => {
    const query = `mutation($at: DateTime, $key: String) {
      shareSourcing(recipientId: "buyer", expiresAt: $at, idempotencyKey: $key) { id active } }`;
    const vars = { at: soon(), key: 'k-share-soon' };
    const first = idOf(await t.api.query('reseller', query, vars, [...ROLES]), 'shareSourcing');
    await pass();
    const retried = await t.api.query('reseller', query, vars, [...ROLES]);
    expect(retried.errors?.[0]?.message).toBeUndefined();
    expect(retried.data?.['shareSourcing']).toEqual({ id: first, active: false });
  });

  it('requestAccess with a dueAt that has passed answers the request it sent', async () => {
    const query = `mutation($due: DateTime, $key: String) {
      requestAccess(organizationId: "reseller", scope: SOURCING, dueAt: $due, idempotencyKey: $key) { id } }`;
    const vars = { due: soon(), key: 'k-request-due-soon' };
    const first = idOf(await t.api.query('buyer', query, vars, [...ROLES]), 'requestAccess');
    await pass();
    const retried = await t.api.query('buyer', query, vars, [...ROLES]);
    expect(retried.errors?.[0]?.message).toBeUndefined();
    expect(idOf(retried, 'requestAccess')).toBe(first);
  });

  it('declareSupplyLink with a validTo that has passed answers the link it declared', async () => {
    const query = `mutation($to: DateTime, $key: String) {
      declareSupplyLink(supplierId: "brand", products: ["docks"], validTo: $to, idempotencyKey: $key) { id } }`;
    const vars = { to: soon(), key: 'k-link-soon' };
    const first = idOf(await t.api.query('reseller', query, vars, [...ROLES]), 'declareSupplyLink');
    await pass();
    const retried = await t.api.query('reseller', query, vars, [...ROLES]);
    expect(retried.errors?.[0]?.message).toBeUndefined();
    expect(idOf(retried, 'declareSupplyLink')).toBe(first);
  });

  it('answerAccessRequest granting until an expiresAt that has passed answers the granted request', async () => {
    const request = idOf(
      await t.api.query(
        'buyer',
        `mutation { requestAccess(organizationId: "reseller", scope: SOURCING) { id } }`,
        {},
        [...ROLES],
      ),
      'requestAccess',
    );
    const query = `mutation($id: ID!, $at: DateTime, $key: String) {
      answerAccessRequest(id: $id, decision: GRANT, expiresAt: $at, idempotencyKey: $key) { id status } }`;
    const vars = { id: request, at: soon(), key: 'k-grant-soon' };
    ok(await t.api.query('reseller', query, vars, [...ROLES]), 'answerAccessRequest');
    await pass();
    const retried = await t.api.query('reseller', query, vars, [...ROLES]);
    expect(retried.errors?.[0]?.message).toBeUndefined();
    expect(retried.data?.['answerAccessRequest']).toMatchObject({ id: request, status: 'GRANTED' });
  });
});
