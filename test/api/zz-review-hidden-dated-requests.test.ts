// Review (new since f4d9ceb: access requests read asOf, f3e7eb1): a request read as of an instant
// shows "each as it stood then (status, due date, events, shares)" (access-requests.graphql,
// specification section 8), and section 2 says a later withdrawal is not shown at an earlier instant.
// The shares a grant created are read as stored now: a revoke after the instant shows, and `active`
// is judged at the request's now, not at asOf.
import { beforeEach, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ADMIN = ['supplier_admin'] as const;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .build(),
  );
});

it('accessRequest(asOf) shows the share its grant created as it stood then, not revoked later', async () => {
  const { id } = ok<{ id: string }>(
    await t.api.query(
      'buyer',
      'mutation { requestAccess(organizationId: "reseller", scope: SOURCING) { id } }',
      {},
      [...ADMIN],
    ),
    'requestAccess',
  );
  const granted = ok<{ shares: { id: string }[] }>(
    await t.api.query(
      'reseller',
      `mutation ($id: ID!) { answerAccessRequest(id: $id, decision: GRANT) { shares { id } } }`,
      { id },
      [...ADMIN],
    ),
    'answerAccessRequest',
  );
  const shareId = granted.shares[0]!.id;
  await sleep(30);
  const between = new Date().toISOString();
  await sleep(30);
  ok(
    await t.api.query('reseller', `mutation ($id: ID!) { revokeShare(id: $id) { id } }`, { id: shareId }, [
      ...ADMIN,
    ]),
    'revokeShare',
  );
  const dated = ok<{ status: string; shares: { id: string; revokedAt: string | null; active: boolean }[] }>(
    await t.api.query(
      'buyer',
      `query ($id: ID!, $asOf: DateTime) { accessRequest(id: $id, asOf: $asOf) { status shares { id revokedAt active } } }`,
      { id, asOf: between },
    ),
    'accessRequest',
  );
  expect(dated.status).toBe('GRANTED');
  // Today: revokedAt is the later revoke and active is false, at an instant when the share was active.
  expect(dated.shares).toEqual([{ id: shareId, revokedAt: null, active: true }]);
});
