// The twins of card-disclosures.test.ts: what a card's organization published, and what was disclosed
// about it at an earlier instant. For a card asked for now the answer is none (an organization that
// shares anything with the viewer is one of its roots, which the viewer may look up), and at an earlier
// instant it is none unless the card's organization could be looked up then: neither reads the
// disclosures themselves, whose work would tell any organization how many a listed one published, or
// others were shown about it.
import { beforeAll, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  // L5 and L0 are listed; L5 published twenty disclosures about itself, shared with o only; L0 none.
  let built = viewerChain()
    .org('L5', 'BRAND', { listed: true })
    .org('L0', 'BRAND', { listed: true })
    .org('o', 'PURCHASER')
    .share('L5', 'o', { id: 'share-L5-o', scope: 'DISCLOSURES' });
  for (let i = 0; i < 20; i++) built = built.disclosure('L5', 'L5', { id: `d-L5-${i}` });
  await loadGraph(t.db, built.build());
});

/** `organization(id) { <field> }` as v, and the units it ran. */
async function cardWith(id: string, field: string) {
  const units: string[] = [];
  const stop = t.db.executor.observe((unit) => units.push(unit));
  try {
    const card = ok<Record<string, unknown> | null>(
      await t.api.query('v', `{ organization(id: "${id}") { id ${field} } }`),
      'organization',
    );
    return { card, units };
  } finally {
    stop();
  }
}
const publishedOfCard = (id: string) => cardWith(id, 'publishedDisclosures { id }');

it("publishedDisclosures of a listed organization's directory card reads no disclosure, as for a card with none", async () => {
  // The first request of a viewer also checks its token's organization and the import state.
  await publishedOfCard('L0');
  const five = await publishedOfCard('L5');
  const none = await publishedOfCard('L0');
  expect(five.card).toEqual({ id: 'L5', publishedDisclosures: [] });
  expect(none.card).toEqual({ id: 'L0', publishedDisclosures: [] });
  expect(five.units).not.toContain('disclosure.publishedBy');
  expect(five.units).toEqual(none.units);
});

it("disclosures(asOf) of a listed organization's directory card reads no disclosure when it could not be looked up then", async () => {
  // At an instant just past (after the set-up), L5 was as it is now: listed, not one v may look up,
  // sharing nothing with it.
  const field = `disclosures(asOf: "${new Date().toISOString()}") { id } publishedDisclosures(asOf: "${new Date().toISOString()}") { id }`;
  const five = await cardWith('L5', field);
  const none = await cardWith('L0', field);
  expect(five.card).toEqual({ id: 'L5', disclosures: [], publishedDisclosures: [] });
  expect(none.card).toEqual({ id: 'L0', disclosures: [], publishedDisclosures: [] });
  expect(five.units.filter((unit) => unit.startsWith('disclosure.'))).toEqual([]);
  expect(five.units).toEqual(none.units);
});
