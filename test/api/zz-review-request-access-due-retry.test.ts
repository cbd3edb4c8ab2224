// Review (today2): requestAccess's new dueAt must lie after sending, and that rule is judged on every
// call, a retry's too. A retry with the same idempotencyKey and the same arguments, sent once the
// dueAt has passed (within the key's 24 hours), is refused as BAD_USER_INPUT instead of answering the
// request the first call sent (specification section 4, "Idempotency keys"; the other arguments that
// must lie in the future are judged only when the key is new: test/api/idempotency-time-bound.test.ts).
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

const idOf = (response: GraphQLResponse, field: string) => ok<{ id: string }>(response, field).id;

describe('a requestAccess retry sent once its dueAt has passed', () => {
  it('answers the request the first call sent', async () => {
    const query = `mutation($due: DateTime, $key: String) {
      requestAccess(organizationId: "reseller", scope: SOURCING, dueAt: $due, idempotencyKey: $key) { id dueAt } }`;
    const vars = { due: new Date(Date.now() + 1_500).toISOString(), key: 'k-request-due-soon' };
    const first = idOf(await t.api.query('buyer', query, vars, [...ROLES]), 'requestAccess');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const retried = await t.api.query('buyer', query, vars, [...ROLES]);
    // On the current code: "dueAt must be after the request is sent (<the retry's instant>), got <dueAt>".
    expect(retried.errors?.[0]?.message).toBeUndefined();
    expect(idOf(retried, 'requestAccess')).toBe(first);
  });
});
