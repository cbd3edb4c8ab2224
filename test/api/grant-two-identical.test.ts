// A grant links the active share that already gives what the request asks instead of making a copy,
// so that revoking "the requester's access" ends it. An import (and a store from before shareSourcing
// refused a repeat) may hold two identical active shares; the grant linked the first alone, and the
// supplier that revoked the request's share left the requester all it saw through the other, which
// the request did not show (found by adv39's review). It links every identical active share.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { reachedThrough } from '../support/reached.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const REVOKE = `mutation($id: ID!) { revokeShare(id: $id) { id } }`;

const reached = (viewer: string) => reachedThrough(t.api, viewer);

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('pcb', 'FACTORY')
      .link('factory', 'brand')
      .link('pcb', 'factory')
      .share('factory', 'brand')
      .share('factory', 'brand')
      .build(),
  );
});

describe('a grant when two identical active shares give what it asks', () => {
  it('links both, so that revoking the request’s shares ends the access', async () => {
    const client = accessRequestClient(t.api);
    expect(await reached('brand')).toEqual(['factory', 'pcb']);
    const request = requestIn(await client.ask('brand', 'factory', 'SOURCING'), 'requestAccess');
    const granted = requestIn(await client.answer('factory', request.id, 'GRANT'), 'answerAccessRequest');
    expect(granted.shares.map((s) => s.id).sort()).toEqual(['factory=>brand#0', 'factory=>brand#1']);
    for (const share of granted.shares)
      ok(await t.api.query('factory', REVOKE, { id: share.id }, [...ADMIN]), 'revokeShare');
    expect(await reached('brand')).toEqual(['factory']);
  });
});
