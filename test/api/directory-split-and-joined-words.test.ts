// The directory's search finds a name whatever way its words are joined or split (specification,
// section 9; src/domain/directory-terms.ts): "Electronics-Watch" finds "Electronics Watch", "dan watch"
// finds "DanWatch", "o film" finds "O-Film", for a card listed by an import and one listed by
// setListing alike, and a word that is on no card still finds nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const DIRECTORY = `query($search: String) {
  directory(search: $search, first: 100) { totalCount edges { node { id } } } }`;
const SET_LISTING = `mutation($listed: Boolean!) { setListing(listed: $listed) { listed } }`;

const found = async (search: string) => {
  const response = await t.api.query('buyer', DIRECTORY, { search });
  expect(response.errors).toBeUndefined();
  const page = response.data!['directory'] as { totalCount: number; edges: { node: { id: string } }[] };
  expect(page.totalCount).toBe(page.edges.length);
  return page.edges.map((e) => e.node.id);
};

const SEARCHES = [
  ['Electronics-Watch', ['ew']],
  ['dan watch', ['danwatch']],
  ['o film', ['ofilm']],
  ['DanWatch', ['danwatch']],
  ['O-Film', ['ofilm']],
  ['electronics watch', ['ew']],
  ['watch', ['danwatch', 'ew']],
  ['zzyzx', []],
  ['Electronics-Zzyzx', []],
  ['o zzyzx', []],
] as const;

describe.each([
  ['an import', true],
  ['setListing', false],
])('a card listed by %s', (_how, imported) => {
  beforeEach(async () => {
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('ew', 'MONITOR', { name: 'Electronics Watch', country: 'NL', listed: imported })
        .org('danwatch', 'MONITOR', { name: 'DanWatch', country: 'DK', listed: imported })
        .org('ofilm', 'FACTORY', { name: 'O-Film', country: 'CN', listed: imported })
        .org('other', 'FACTORY', { name: 'Other Optics', country: 'CN', listed: true })
        .build(),
    );
    if (!imported)
      for (const org of ['ew', 'danwatch', 'ofilm']) {
        const response = await t.api.query(org, SET_LISTING, { listed: true }, ['supplier_admin']);
        expect(response.errors).toBeUndefined();
      }
  });

  it.each(SEARCHES)('is found as the search %j finds %j', async (search, expected) => {
    expect(await found(search)).toEqual(expected);
  });
});
