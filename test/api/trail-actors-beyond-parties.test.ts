// A trail event names its actor by the id it had then, which a later merge may have taken away, and an
// import may name any organization as the actor: every such event still answers, with an identity card.
import { beforeAll, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  const file = graph()
    .org('c', 'PURCHASER')
    .org('s', 'FACTORY')
    // x acted on c's trail (an operator importing for c, as 0edc03f allows: any organization of the
    // file or the database); y is a duplicate of x that c has nothing to do with.
    .org('x', 'RESELLER')
    .org('y', 'RESELLER')
    .link('s', 'c', {
      recordedAt: '2024-01-01T00:00:00Z',
      events: [
        {
          action: 'DECLARED',
          at: '2024-01-01T00:00:00Z',
          actorUserId: 'operator',
          actorOrganizationId: 'x',
          after: { supplierId: 's', products: [], validFrom: null, validTo: null },
        },
      ],
    })
    // A share of c's whose grant an operator z recorded (no merge involved).
    .org('z', 'RESELLER')
    .share('c', 's', {
      id: 'share-c-s',
      createdAt: '2024-01-01T00:00:00Z',
      events: [
        { action: 'GRANTED', at: '2024-01-01T00:00:00Z', actorUserId: 'operator', actorOrganizationId: 'z' },
      ],
    })
    .build();
  await loadGraph(t.db, file);
  ok(
    await t.api.query('y', `mutation { mergeOrganizations(keepId: "y", mergeId: "x") { keptId } }`, {}, [
      'platform_admin',
    ]),
    'mergeOrganizations',
  );
});

it('supplyLinkEvents answers an event whose actor was merged away after it (an identity card, not a 500)', async () => {
  const response = await t.api.query('c', `{ supplyLinkEvents { action actorOrganization { id name } } }`);
  expect(response.errors).toBeUndefined();
  const events = response.data!['supplyLinkEvents'] as { actorOrganization: { id: string } }[];
  expect(events).toHaveLength(1);
  expect(['x', 'y']).toContain(events[0]!.actorOrganization.id);
});

it('shareEvents answers an event whose actor (as the import allows) is no party of the share', async () => {
  const response = await t.api.query('c', `{ shareEvents { action actorOrganization { id } } }`);
  expect(response.errors).toBeUndefined();
  const events = response.data!['shareEvents'] as { actorOrganization: { id: string } }[];
  expect(events.map((e) => e.actorOrganization.id)).toEqual(['z']);
});
