import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/domain/model.ts';
import { MAX_PAGE_SIZE, pageOf } from '../../src/domain/pages.ts';
import { anOrganization } from '../support/organizations.ts';

const org = (name: string, id: string): Organization => anOrganization({ id, name });
const tier = ['Alpha/a', 'Beta/b1', 'Beta/b2', 'Gamma/g', 'Ωmega/o'].map((s) => {
  const [name, id] = s.split('/') as [string, string];
  return org(name, id);
});
const ids = (orgs: Organization[]) => orgs.map((o) => o.id);

describe('pageOf', () => {
  it('walks a tier page by page, every organization once, in order', () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = pageOf(tier, 2, cursor);
      expect(page.totalCount).toBe(5);
      seen.push(...ids(page.nodes));
      if (!page.hasNextPage) break;
      cursor = page.endCursor;
    }
    expect(seen).toEqual(ids(tier));
    expect(pageOf(tier, 10, null)).toMatchObject({ hasNextPage: false, totalCount: 5 });
  });

  it('goes on after an organization that has since left the tier', () => {
    const first = pageOf(tier, 2, null);
    const without = tier.filter((o) => o.id !== 'b1');
    expect(ids(pageOf(without, 2, first.endCursor).nodes)).toEqual(['b2', 'g']);
  });

  it('ends with an empty page and no cursor', () => {
    const last = pageOf(tier, 5, null);
    expect(pageOf(tier, 5, last.endCursor)).toEqual({
      nodes: [],
      totalCount: 5,
      endCursor: null,
      hasNextPage: false,
    });
  });

  it('refuses a bad size or cursor, naming the value', () => {
    for (const first of [0, -1, 1.5, MAX_PAGE_SIZE + 1])
      expect(() => pageOf(tier, first, null)).toThrow(
        `first must be a whole number from 1 to 1000, got ${first}`,
      );
    for (const cursor of ['nonsense', Buffer.from('[1,2]').toString('base64url'), ''])
      expect(() => pageOf(tier, 2, cursor)).toThrow(
        `after must be the endCursor of an earlier page, got "${cursor}"`,
      );
  });
});
