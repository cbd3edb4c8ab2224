// setListing, directory and organization(id) of a listed organization (specification, section 9, issue
// 13 part 2): only listed records, only their directory fields, a tolerant name search, Relay pages.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const SET_LISTING = `mutation($org: ID, $listed: Boolean!, $city: String, $osId: String) {
  setListing(organizationId: $org, listed: $listed, city: $city, osId: $osId) { organization { id city osId } listed listedAt } }`;
const DIRECTORY = `query($search: String, $country: String, $type: OrganizationType, $first: Int, $after: String) {
  directory(search: $search, country: $country, type: $type, first: $first, after: $after) {
    totalCount edges { cursor node { id name type country city osId region provenance sources risks { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: Record<string, unknown> & { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const search = async (variables: Record<string, unknown>, as = 'buyer') => {
  const response = await t.api.query(as, DIRECTORY, variables);
  expect(response.errors).toBeUndefined();
  return response.data!['directory'] as Page;
};
const ids = (page: Page) => page.edges.map((e) => e.node.id);
const list = async (org: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query(org, SET_LISTING, { listed: true, ...variables }, [...ADMIN]);
  expect(response.errors).toBeUndefined();
  return response.data!['setListing'] as {
    listed: boolean;
    listedAt: string | null;
    organization: { city: string | null };
  };
};

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('atea', 'RESELLER', { name: 'Atea Sverige AB', aliases: ['Atea'] })
      .org('dell', 'BRAND', { name: 'Dell Technologies', country: 'US', region: 'Texas' })
      .org('ofilm', 'FACTORY', { name: 'OFILM, Nanchang', country: 'CN', city: 'Nanchang' })
      .org('taida', 'FACTORY', { name: 'Taida Electronics Co., Ltd.', country: 'CN', city: 'Dongguan' })
      .org('hidden', 'FACTORY', { name: 'Hidden Electronics', country: 'CN', city: 'Dongguan' })
      .org('watch', 'MONITOR', { name: 'Électronics Wätch', country: 'NL', listed: true })
      .link('atea', 'buyer')
      .risk('dell')
      .build(),
  );
});

describe('setListing', () => {
  it('lists the own organization with its card fields, and takes it out again', async () => {
    const listed = await list('dell', { city: 'Round Rock', osId: 'US2020001DELL01' });
    expect(listed).toMatchObject({ listed: true, organization: { city: 'Round Rock' } });
    expect(Date.now() - Date.parse(listed.listedAt!)).toBeLessThan(60_000);
    expect(ids(await search({}))).toEqual(['dell', 'watch']);

    const again = await list('dell');
    expect(again.listedAt).toBe(listed.listedAt);
    expect(again.organization.city).toBe('Round Rock');

    const out = await t.api.query('dell', SET_LISTING, { listed: false }, [...ADMIN]);
    expect(out.data!['setListing']).toMatchObject({ listed: false, listedAt: null });
    expect(ids(await search({}))).toEqual(['watch']);
    const own = await t.api.query('dell', '{ listing { listed organization { id } } }');
    expect(own.data!['listing']).toEqual({ listed: false, organization: { id: 'dell' } });
  });

  it('is for a supplier_admin of the organization itself: another id is FORBIDDEN whether it exists or not', async () => {
    const before = await dumpGraph(t.db.driver);
    for (const org of ['atea', 'nope'])
      expect(codes(await t.api.query('dell', SET_LISTING, { org, listed: true }, [...ADMIN])), org).toEqual([
        'FORBIDDEN',
      ]);
    expect(codes(await t.api.query('dell', SET_LISTING, { listed: true }, ['analyst']))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
    expect(ids(await search({}))).toEqual(['watch']);
  });

  it("refuses an osId on another listed organization's card, naming it", async () => {
    await list('ofilm', { osId: 'CN2019303BQ3FZP' });
    const response = await t.api.query('taida', SET_LISTING, { listed: true, osId: 'CN2019303BQ3FZP' }, [
      ...ADMIN,
    ]);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('"ofilm"');
    expect(ids(await search({}))).toEqual(['ofilm', 'watch']);
    const bad = await t.api.query('taida', SET_LISTING, { listed: true, osId: 'nope' }, [...ADMIN]);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toContain('osId');
  });
});

describe('directory', () => {
  beforeEach(async () => {
    for (const org of ['atea', 'dell', 'ofilm', 'taida']) await list(org);
  });

  it('answers listed organizations only, with directory fields and public risk indicators only', async () => {
    const page = await search({});
    expect(ids(page)).toEqual(['atea', 'dell', 'ofilm', 'taida', 'watch']);
    expect(page.totalCount).toBe(5);
    expect(page.edges.find((e) => e.node.id === 'dell')!.node).toEqual({
      id: 'dell',
      name: 'Dell Technologies',
      type: 'BRAND',
      country: 'US',
      city: null,
      osId: null,
      region: null,
      provenance: null,
      sources: [],
      risks: [{ id: 'risk-dell-0' }],
    });
  });

  it.each([
    ['atea', ['atea']],
    ['ATEA sverige ab', ['atea']],
    ['Atea AS', ['atea']],
    ['sverige', ['atea']],
    ['dell tech', ['dell']],
    ['Dell Technology Inc.', ['dell']],
    ['o-film', ['ofilm']],
    ['nanchang', ['ofilm']],
    ['dongguan', ['taida']],
    ['taida electronic co ltd', ['taida']],
    ['electronics watch', ['watch']],
    ['electronics', ['taida', 'watch']],
    ['hidden', []],
    ['   ', ['atea', 'dell', 'ofilm', 'taida', 'watch']],
  ])('search %j finds %j', async (text, expected) => {
    expect(ids(await search({ search: text }))).toEqual(expected);
  });

  it('finds an Open Supply Hub id', async () => {
    await list('ofilm', { osId: 'CN2019303BQ3FZP' });
    expect(ids(await search({ search: 'cn2019303bq3fzp' }))).toEqual(['ofilm']);
  });

  it('filters by country and type', async () => {
    expect(ids(await search({ country: 'CN' }))).toEqual(['ofilm', 'taida']);
    expect(ids(await search({ type: 'MONITOR' }))).toEqual(['watch']);
    expect(ids(await search({ country: 'CN', search: 'taida' }))).toEqual(['taida']);
  });

  it('pages Relay-style: every card once, in order, with a correct pageInfo', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
      const page: Page = await search({ first: 2, after });
      expect(page.totalCount).toBe(5);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['atea', 'dell', 'ofilm', 'taida', 'watch']);
  });

  it.each([
    [{ country: 'XX' }, 'country'],
    [{ country: 'se' }, 'country'],
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ search: 'x'.repeat(201) }, 'search'],
  ])('refuses %j naming the argument', async (variables, field) => {
    const response = await t.api.query('buyer', DIRECTORY, variables);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain(field);
  });
});

describe('organization(id) of a listed organization', () => {
  const LOOKUP = `query($id: ID!) { organization(id: $id) { id name type country city osId region risks { id } } }`;

  it('answers the directory card, with its public risks, beyond rule 5, and still null for an unlisted hidden one', async () => {
    await list('dell', { city: 'Round Rock', osId: 'US2020001DELL01' });
    expect((await t.api.query('buyer', LOOKUP, { id: 'dell' })).data!['organization']).toEqual({
      id: 'dell',
      name: 'Dell Technologies',
      type: 'BRAND',
      country: 'US',
      city: 'Round Rock',
      osId: 'US2020001DELL01',
      region: null,
      risks: [{ id: 'risk-dell-0' }],
    });
    expect((await t.api.query('buyer', LOOKUP, { id: 'hidden' })).data!['organization']).toBeNull();
    expect((await t.api.query('buyer', LOOKUP, { id: 'nope' })).data!['organization']).toBeNull();
  });

  it('answers the whole record where rule 5 allows it, listed or not', async () => {
    await list('atea', { city: 'Stockholm' });
    const atea = (await t.api.query('buyer', LOOKUP, { id: 'atea' })).data!['organization'];
    expect(atea).toMatchObject({ id: 'atea', city: 'Stockholm' });
    await list('dell');
    expect((await t.api.query('dell', LOOKUP, { id: 'dell' })).data!['organization']).toMatchObject({
      region: 'Texas',
      risks: [{ id: 'risk-dell-0' }],
    });
  });
});
