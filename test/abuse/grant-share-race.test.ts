// A grant and a shareSourcing of the same share at once: the target is locked by both, so one makes
// the share and the other finds it (the grant links it, shareSourcing refuses naming it). Never two
// identical active shares, which revoking one of would leave the other's access.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { codes } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const SHARE = `mutation { shareSourcing(recipientId: "brand") { id } }`;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('pcb')
      .link('factory', 'brand')
      .link('pcb', 'factory')
      .build(),
  );
});

describe('a grant and a shareSourcing of one share at once', () => {
  it('leave one active share, linked to the request', async () => {
    const client = accessRequestClient(t.api);
    for (let round = 0; round < 8; round++) {
      const request = requestIn(await client.ask('brand', 'factory', 'SOURCING'), 'requestAccess');
      const [granted, shared] = await Promise.all([
        client.answer('factory', request.id, 'GRANT'),
        t.api.query('factory', SHARE, {}, [...ADMIN]),
      ]);
      expect(granted.errors).toBeUndefined();
      const active = await rowsOf(
        t.db,
        `MATCH (:Organization {id: 'factory'})-[:GRANTED]->(s:Share)-[:TO]->(:Organization {id: 'brand'})
         WHERE s.revokedAt IS NULL RETURN s.id AS id, EXISTS { (:AccessRequest {id: $id})-[:RESULTED_IN]->(s) } AS linked`,
        { id: request.id },
      );
      expect(active, `round ${round}: ${JSON.stringify(shared)}`).toEqual([
        { id: expect.any(String), linked: true },
      ]);
      if (shared.errors) expect(codes(shared)).toEqual(['BAD_USER_INPUT']);
      await t.db.driver.executeQuery(`MATCH (s:Share) SET s.revokedAt = datetime()`);
    }
  });
});
