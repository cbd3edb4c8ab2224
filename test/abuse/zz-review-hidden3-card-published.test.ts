// Review (hidden3): a listed organization's directory card answers `publishedDisclosures` by a
// statement that reads every disclosure the organization published, shared with others or not, and
// tests each afterwards: its work tells any organization how many there are (rule 6). 1358135 stopped
// `disclosures` of a card from reading anything (test/abuse/card-disclosures.test.ts); its twin
// `publishedDisclosures` still reads. For a card the answer is always none: an organization that shares
// anything with the viewer is one of its roots, which the viewer may look up, so a card's organization
// shares nothing with it, and rule 8 shows the viewer no disclosure it published.
import { beforeAll, expect, it } from 'vitest';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/disclosures/disclosure-repository.ts';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { expectSameWorkAsMissing } from '../support/profile.ts';

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

it("publishedDisclosures of a listed organization's directory card costs what a card with none costs", async () => {
  const five = await publishedOfCard('L5');
  const none = await publishedOfCard('L0');
  expect(five.card).toEqual({ id: 'L5', publishedDisclosures: [] });
  expect(none.card).toEqual({ id: 'L0', publishedDisclosures: [] });
  // Fixed by answering none without a statement (as `disclosures` of a card does): nothing to compare.
  if (!five.units.includes('disclosure.publishedBy')) return;
  // Otherwise the statement, asked as the loader asks it, must cost for L5 what it costs for L0.
  const params = (id: string) => ({
    viewer: 'v',
    t: toNeo4jDateTime(new Date()),
    historical: false,
    product: null,
    kind: null,
    ids: [id],
  });
  expect(await expectSameWorkAsMissing(t.db, 'disclosure.publishedBy', 'L0', ['L5'], params)).toEqual([]);
});

it("disclosures(asOf) of a listed organization's directory card costs what a card with none costs", async () => {
  // At an instant just past (after the set-up), L5 was as it is now: listed, not one v may look up,
  // sharing nothing with it. The card's `disclosures` asked for now reads nothing (1358135); the same
  // asked with that asOf reads every disclosure about L5 that o was shown, and the work tells how many.
  const asOf = new Date();
  const field = `disclosures(asOf: "${asOf.toISOString()}") { id }`;
  const five = await cardWith('L5', field);
  const none = await cardWith('L0', field);
  expect(five.card).toEqual({ id: 'L5', disclosures: [] });
  expect(none.card).toEqual({ id: 'L0', disclosures: [] });
  if (!five.units.includes('disclosure.about')) return;
  const params = (id: string) => ({
    viewer: 'v',
    t: toNeo4jDateTime(asOf),
    historical: true,
    product: null,
    kind: null,
    ids: [id],
  });
  expect(await expectSameWorkAsMissing(t.db, 'disclosure.about', 'L0', ['L5'], params)).toEqual([]);
});
