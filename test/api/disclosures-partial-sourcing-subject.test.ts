// Rule 8 asks that the viewer may look a disclosure's subject up (rule 5). For the disclosures of
// organizations an answer already holds (publishedDisclosures, disclosures), rule 5 is asked of the
// viewer's rule-5 list (LOOKABLE, gathered by shownDisclosures in
// src/modules/disclosures/disclosure-repository.ts), where a partial SOURCING share discloses only the
// links it names: read as whole, it would show a disclosure about a supplier the share withheld.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

// c supplies v and shares with v only the link shown>c; hiddenSup>c stays undisclosed. c publishes a
// self-assessment about each of its two suppliers and shares every disclosure of its with v.
beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('v', 'PURCHASER')
      .org('c', 'BRAND')
      .org('shown', 'FACTORY')
      .org('hiddenSup', 'FACTORY')
      .link('c', 'v')
      .link('shown', 'c')
      .link('hiddenSup', 'c')
      .share('c', 'v', { linkIds: ['shown>c'] })
      .share('c', 'v', { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null })
      .disclosure('c', 'shown', { id: 'd-shown' })
      .disclosure('c', 'hiddenSup', { id: 'd-hidden' })
      .build(),
  );
});

describe('a partial sourcing share does not make the subject of a shown disclosure lookable', () => {
  it('the viewer sees the supplier the share names, not the other one', async () => {
    const response = await t.api.query(
      'v',
      '{ shown: organization(id: "shown") { id } hidden: organization(id: "hiddenSup") { id } }',
    );
    expect(response.data).toEqual({ shown: { id: 'shown' }, hidden: null });
  });

  it("c's publishedDisclosures show the disclosure about the named supplier only", async () => {
    const response = await t.api.query(
      'v',
      '{ organization(id: "c") { publishedDisclosures { id subject { id } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      organization: { publishedDisclosures: [{ id: 'd-shown', subject: { id: 'shown' } }] },
    });
  });

  it('the same through the supply chain that holds c', async () => {
    const response = await t.api.query(
      'v',
      '{ supplyChain { tiers { organizations { id publishedDisclosures { id } } } } }',
    );
    expect(response.errors).toBeUndefined();
    const orgs = (
      response.data as {
        supplyChain: { tiers: { organizations: { id: string; publishedDisclosures: { id: string }[] }[] }[] };
      }
    ).supplyChain.tiers.flatMap((tier) => tier.organizations);
    expect(orgs.find((o) => o.id === 'c')?.publishedDisclosures).toEqual([{ id: 'd-shown' }]);
  });
});
