// An import and the share trail of a share an API user granted. docs/specification.md section 1: "Every
// grant and revoke is kept as a share event (the audit trail)". Such a share keeps its own trail on
// import (docs/data-model.md), and a file without a trail that revokes it adds the REVOKED. No race is
// needed: the import reads the trail in its own write transaction, so a revokeShare at the same moment
// gives the same result as one just before.
import { expect, it } from 'vitest';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { ok } from '../support/api.ts';
import { loadGraph, rowsOf, TEST_ORIGIN } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const base = () =>
  graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build();

it('records a REVOKED event when a file revokes a share that an API user granted', async () => {
  await loadGraph(t.db, base());
  const { id } = ok<{ id: string }>(
    await t.api.query('reseller', 'mutation { shareSourcing(recipientId: "buyer") { id createdAt } }', {}, [
      'supplier_admin',
    ]),
    'shareSourcing',
  );
  const [{ createdAt }] = (await rowsOf(
    t.db,
    'MATCH (s:Share {id: $id}) RETURN toString(s.createdAt) AS createdAt',
    {
      id,
    },
  )) as [{ createdAt: string }];

  // A later file (another system's record of the same share, without a trail) says it was revoked.
  const revokedAt = new Date(Date.now() - 1_000).toISOString();
  const outcome = await importGraph(
    documentSource({
      ...base(),
      shares: [{ id, owner: 'reseller', recipient: 'buyer', linkIds: null, createdAt, revokedAt }],
    }),
    t.db.imports,
    { origin: TEST_ORIGIN, settleMs: 0 },
  );
  expect(outcome.ok).toBe(true);

  const shares = ok<{ id: string; revokedAt: string | null }[]>(
    await t.api.query('reseller', '{ sharesGiven(includeInactive: true) { id revokedAt } }', {}, [
      'supplier_admin',
    ]),
    'sharesGiven',
  );
  expect(shares).toEqual([{ id, revokedAt: expect.any(String) }]);
  const events = ok<{ action: string; share: { id: string } }[]>(
    await t.api.query('reseller', '{ shareEvents { action share { id } } }', {}, ['supplier_admin']),
    'shareEvents',
  );
  // Revoked, and the trail says so.
  expect(events.map((e) => e.action).sort()).toEqual(['GRANTED', 'REVOKED']);
});
