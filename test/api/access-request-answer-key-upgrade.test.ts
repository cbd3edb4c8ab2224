// Found by review38. answerAccessRequest's idempotency fingerprint gained `grantScope: null` for every
// call that leaves it out, so a key a replica of the previous version stored (during a rolling upgrade,
// or in the 24 hours before it) no longer matched its own retry: the same DECLINE, sent again with the
// same key, was refused as "a different answerAccessRequest request". Left out, it must hash as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { fingerprint } from '../../src/domain/idempotency.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('brand', 'BRAND').org('factory', 'FACTORY').link('factory', 'brand').build(),
  );
});

describe("answerAccessRequest's idempotency key stored before grantScope", () => {
  it('answers a retry with the same arguments as the first call, not BAD_USER_INPUT', async () => {
    const client = accessRequestClient(t.api);
    const sent = requestIn(await client.ask('brand', 'factory', 'SOURCING'), 'requestAccess');
    const ANSWER_KEYED = `mutation($id: ID!, $decision: AccessDecision!, $reason: String, $key: String) {
      answerAccessRequest(id: $id, decision: $decision, reason: $reason, idempotencyKey: $key) { id status } }`;
    const call = () =>
      t.api.query(
        'factory',
        ANSWER_KEYED,
        { id: sent.id, decision: 'DECLINE', reason: 'Not now', key: 'k-1' },
        [...ADMIN],
      );
    expect(ok<{ status: string }>(await call(), 'answerAccessRequest').status).toBe('DECLINED');
    // What the previous version stored for this call: its arguments without grantScope.
    const before = {
      id: sent.id,
      decision: 'DECLINE',
      reason: 'Not now',
      dueAt: null,
      linkIds: null,
      disclosureIds: null,
      expiresAt: null,
    };
    await t.db.driver.executeQuery(
      `MATCH (k:IdempotencyKey {organizationId: 'factory', mutation: 'answerAccessRequest', key: 'k-1'})
       SET k.fingerprint = $fingerprint, k.erasedFingerprint = $erased`,
      { fingerprint: fingerprint(before), erased: fingerprint({ ...before, reason: null }) },
    );
    expect(ok<{ status: string }>(await call(), 'answerAccessRequest').status).toBe('DECLINED');
  });
});
