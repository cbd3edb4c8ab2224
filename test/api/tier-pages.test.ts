// A big tier a page at a time (issue 11): the pages of a tier, joined, are its organizations in the
// same order, each once; a bad size or cursor is BAD_USER_INPUT naming it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const SUPPLIERS = 23;

const PAGE = `query Page($first: Int, $after: String) {
  supplyChain(maxDepth: 1) {
    tiers { organizations { id } organizationsPage(first: $first, after: $after) {
      nodes { id name } totalCount endCursor hasNextPage } }
  }
}`;

interface PageAnswer {
  supplyChain: {
    tiers: {
      organizations: { id: string }[];
      organizationsPage: {
        nodes: { id: string }[];
        totalCount: number;
        endCursor: string | null;
        hasNextPage: boolean;
      };
    }[];
  };
}

beforeAll(async () => {
  let built = graph().org('v', 'PURCHASER');
  for (let i = 0; i < SUPPLIERS; i++)
    built = built.org(`s${i}`, 'RESELLER', { name: `Supplier ${i % 7}` }).link(`s${i}`, 'v');
  await loadGraph(t.db, built.build());
});

describe('Tier.organizationsPage', () => {
  it('pages through a tier: every organization once, in the order of organizations', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let whole: string[] = [];
    for (let pages = 0; pages < 10; pages++) {
      const response = await t.api.query('v', PAGE, { first: 5, after });
      expect(response.errors).toBeUndefined();
      const [tier] = (response.data as unknown as PageAnswer).supplyChain.tiers;
      whole = tier!.organizations.map((o) => o.id);
      const page = tier!.organizationsPage;
      expect(page.totalCount).toBe(SUPPLIERS);
      seen.push(...page.nodes.map((o) => o.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(SUPPLIERS);
  });

  it('refuses a bad size or cursor with BAD_USER_INPUT naming it', async () => {
    const tooBig = await t.api.query('v', PAGE, { first: 1001 });
    expect(tooBig.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['BAD_USER_INPUT', 'first must be a whole number from 1 to 1000, got 1001'],
    ]);
    const made = await t.api.query('v', PAGE, { first: 5, after: 'made-up' });
    expect(made.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['BAD_USER_INPUT', 'after must be the endCursor of an earlier page, got "made-up"'],
    ]);
  });
});
