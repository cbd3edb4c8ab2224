// What the lock of a link (sourcing.lockOwnLink) reads for a customer with a long sourcing trail: the
// latest event of the link, which its COLLECT found among every event of the customer's trail (5 db
// hits each, while holding the link's lock), and now finds by the events' linkId and successorId.
import { beforeEach, describe, expect, it } from 'vitest';
import '../../src/modules/sourcing/sourcing-repository.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { declaredLink } from '../support/sourcing.ts';
import { profiled } from '../support/profile.ts';

const t = useApi();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'MANUFACTURER')
      .link('factory', 'brand')
      .link('brand', 'buyer')
      .build(),
  );
});

describe("a link's lock", () => {
  it("reads no more for a customer whose trail holds many other links' events", async () => {
    const id = await declaredLink(t.api, 'buyer', 'brand');
    const params = { viewer: 'buyer', id };
    const before = await profiled(t.db, 'sourcing.lockOwnLink', params);
    // Other links' events: amendments and ends of the customer's other links, as a trail collects them.
    await t.db.driver.executeQuery(
      `MATCH (v:Organization {id: 'buyer'})
       UNWIND range(1, 5000) AS i
       CREATE (v)-[:SOURCING_EVENT]->(:SupplyLinkEvent {action: 'ENDED', at: datetime(), linkId: 'other-' + i,
         customerId: 'buyer', actorUserId: 'u', actorOrganizationId: 'buyer', after: '{}'})`,
    );
    const after = await profiled(t.db, 'sourcing.lockOwnLink', params, { keepPlan: true });
    const replanned = await profiled(t.db, 'sourcing.lockOwnLink', params);
    // Read from the customer's trail: 24, then 25,025 db hits (5 per event), under the link's lock.
    expect(after.hits, after.plan).toBeLessThan(before.hits + 100);
    expect(replanned.hits, replanned.plan).toBeLessThan(before.hits + 100);
  });
});
