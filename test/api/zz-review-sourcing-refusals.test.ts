// Review (h-vacuous3): a strengthened copy of sourcing.test.ts's "writes nothing" refusals of
// declareSupplyLink. The original helper `refused` counts only organizations, links, shares and risk
// indicators (countAll), and counts them after the request is already on its way. A refused
// declaration that wrote its DECLARED audit event (a SupplyLinkEvent) passed it. Here the whole graph is
// dumped before the request is sent and compared after the answer.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const DECLARE = `mutation($supplierId: ID) { declareSupplyLink(supplierId: $supplierId) { id } }`;
const EVENTS = `{ supplyLinkEvents { action linkId } }`;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('hidden', 'FACTORY')
      .org('monitor', 'MONITOR', { listed: true })
      .org('other-buyer', 'PURCHASER')
      .link('reseller', 'buyer')
      .link('hidden', 'other-buyer')
      .build(),
  );
});

describe('declareSupplyLink refused', () => {
  it.each([
    ['a hidden supplier', 'hidden', 'supplierId "hidden" is unknown'],
    ['a missing supplier', 'nope', 'supplierId "nope" is unknown'],
    ['a MONITOR as supplier', 'monitor', 'MONITOR'],
  ])('%s writes nothing at all: no link, no audit event', async (_case, supplierId, says) => {
    const before = await dumpGraph(t.db.driver);
    const answer = await t.api.query('buyer', DECLARE, { supplierId }, ['supplier_admin']);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0]!.message).toContain(says);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
    const events = await t.api.query('buyer', EVENTS);
    expect(events.errors).toBeUndefined();
    expect(events.data).toEqual({ supplyLinkEvents: [] });
  });

  it('positive control: an accepted declaration does write its link and one DECLARED event', async () => {
    const before = await dumpGraph(t.db.driver);
    const answer = await t.api.query('buyer', DECLARE, { supplierId: 'reseller' }, ['supplier_admin']);
    expect(answer.errors).toBeUndefined();
    expect(await dumpGraph(t.db.driver)).not.toEqual(before);
    const events = await t.api.query('buyer', EVENTS);
    expect((events.data as { supplyLinkEvents: { action: string }[] }).supplyLinkEvents).toEqual([
      {
        action: 'DECLARED',
        linkId: (answer.data as { declareSupplyLink: { id: string } }).declareSupplyLink.id,
      },
    ]);
  });
});
