// A merge was recorded at the instant its request started, although it writes only once it holds both
// organizations' locks. A write to the merged organization that took its lock in between (an
// amendment of its link) was then on record after the merge it in fact came before, and asOf views and
// the backup read that history out of order. A merge is now stamped once its locks are held, as a
// revoke, a link's change and a disclosure's revision are (src/graph/locked-instant.ts). The merge
// here runs as a request that started a minute before the amendment.
import { beforeEach, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { MergeRepository } from '../../src/modules/merging/merge-repository.ts';
import { MergeService } from '../../src/modules/merging/merge-service.ts';

const t = useApi();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('factory', 'FACTORY')
      .org('brand', 'BRAND')
      .org('brand-dup', 'BRAND')
      .link('factory', 'brand-dup', { id: 'factory>dup' })
      .build(),
  );
});

it('records a merge when it held the locks, after a write its request started before', async () => {
  const requested = new Date(Date.now() - 60_000);
  ok<{ id: string }>(
    await t.api.query(
      'brand-dup',
      `mutation { amendSupplyLink(id: "factory>dup", products: ["laptops"]) { id } }`,
      {},
      ['supplier_admin'],
    ),
    'amendSupplyLink',
  );
  const events = ok<{ action: string; at: string; linkId: string }[]>(
    await t.api.query('brand-dup', `{ supplyLinkEvents { action at linkId } }`),
    'supplyLinkEvents',
  );
  // An AMENDED event names the link that ended.
  const amendedAt = events.find((e) => e.action === 'AMENDED' && e.linkId === 'factory>dup')?.at;
  expect(amendedAt, JSON.stringify(events)).toBeDefined();

  const merged = await new MergeService(new MergeRepository(t.db.executor), {
    actorUserId: 'operator',
    at: requested,
  }).merge('brand', 'brand-dup');

  const stored = await t.db.driver.executeQuery(
    `MATCH (m:MergedOrganization {id: 'brand-dup'}) RETURN m.mergedAt.epochMillis AS at`,
  );
  const storedAt = Number(stored.records[0]?.get('at'));
  expect(new Date(storedAt).toISOString()).toBe(merged.mergedAt);
  expect(storedAt).toBeGreaterThan(Date.parse(amendedAt!));
});
