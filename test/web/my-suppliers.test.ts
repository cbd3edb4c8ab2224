// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "My suppliers" in a DOM against a fake /graphql: each share the organization gave can be revoked,
// ending a link asks first, every button names the supplier it acts on, and a directory card found by
// a search shows its public risk indicators before it is added.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MySuppliers } from '../../web/src/my-suppliers.ts';
import { shareScope, type GivenShare } from '../../web/src/shares.ts';
import { fakeApi, settle } from './fake-api.ts';

const SHARES: (GivenShare & { recipient: { id: string } })[] = [
  {
    id: 's-oslo',
    scope: 'SOURCING',
    recipient: { id: 'no-oslo-kommune', name: 'Oslo kommune' },
    linkIds: null,
    disclosureIds: null,
    createdAt: '2015-11-01T00:00:00.000Z',
    expiresAt: null,
  },
  {
    id: 's-hf',
    scope: 'SOURCING',
    recipient: { id: 'no-sykehusinnkjop', name: 'Sykehusinnkjøp HF' },
    linkIds: ['l-dell'],
    disclosureIds: null,
    createdAt: '2024-03-01T00:00:00.000Z',
    expiresAt: '2027-01-01T00:00:00.000Z',
  },
  {
    id: 's-ew',
    scope: 'DISCLOSURES',
    recipient: { id: 'nl-electronics-watch', name: 'Electronics Watch' },
    linkIds: null,
    disclosureIds: ['d1', 'd2'],
    createdAt: '2025-06-01T00:00:00.000Z',
    expiresAt: null,
  },
];

const SOURCING = {
  listing: {
    listed: true,
    listedAt: '2026-01-05T00:00:00.000Z',
    organization: { id: 'atea', name: 'Atea', type: 'RESELLER' },
  },
  ownSupplyLinks: [
    {
      id: 'l-dell',
      supplier: { id: 'dell', name: 'Dell Technologies', country: 'US' },
      products: ['laptops'],
      validFrom: '2016-02-01T00:00:00.000Z',
      validTo: null,
    },
  ],
  sharesGiven: SHARES,
  pastShares: SHARES.map((s) => ({ recipient: s.recipient })),
  requesters: [],
  me: { customers: [{ id: 'no-oslo-kommune', name: 'Oslo kommune' }] },
  disclosuresGiven: [
    { id: 'd1', title: 'Self-assessment 2025', withdrawnAt: null },
    // Withdrawn since the share named it: nobody sees it, which the share's line says.
    { id: 'd2', title: 'Audit of the Oslo warehouse', withdrawnAt: '2026-06-01T00:00:00.000Z' },
  ],
};

/** Twelve events, newest first: the viewer's grants and revokes, and one Dell granted it. */
const HISTORY = Array.from({ length: 12 }, (_, i) => ({
  cursor: `c${i}`,
  action: i % 2 === 0 ? 'GRANTED' : 'REVOKED',
  at: new Date(Date.UTC(2026, 10, 30 - i)).toISOString(),
  // The server names another organization's user to nobody else; an import's event has its own user.
  actorUserId: i === 11 ? null : i === 10 ? 'tiersight-import' : 'admin@atea',
  share:
    i === 11
      ? {
          ...SHARES[0]!,
          owner: { id: 'dell', name: 'Dell Technologies' },
          recipient: { id: 'atea', name: 'Atea' },
        }
      : {
          ...SHARES[i % 3]!,
          owner: { id: 'atea', name: 'Atea' },
          recipient: { id: 'r', name: SHARES[i % 3]!.recipient.name },
        },
}));

/** What the history's second page answers: the rest of HISTORY, nothing (ten events in all), a failure. */
let secondPage: 'rest' | 'none' | 'failure' = 'rest';
beforeEach(() => {
  secondPage = 'rest';
});
const indicator = (id: string, severity: string, delistedAt: string | null = null) => ({
  id,
  kind: 'WATCHLIST',
  source: 'US Entity List',
  severity,
  delistedAt,
});
/** Two listed factories: one on a watch list (and delisted from another), one with nothing flagged. */
const DIRECTORY_CARDS = [
  {
    id: 'cn-ofilm',
    name: 'OFILM, Nanchang',
    type: 'FACTORY',
    country: 'CN',
    city: 'Nanchang',
    risks: [indicator('rk-1', 'CRITICAL'), indicator('rk-2', 'HIGH', '2025-01-01T00:00:00.000Z')],
  },
  { id: 'cn-clean', name: 'Clean Works', type: 'FACTORY', country: 'CN', city: null, risks: [] },
  {
    id: 'cn-gone',
    name: 'Delisted Works',
    type: 'FACTORY',
    country: 'CN',
    city: null,
    risks: [indicator('rk-3', 'CRITICAL', '2025-01-01T00:00:00.000Z')],
  },
];

const { confirm, calls } = fakeApi(({ query, variables }) => {
  if (variables['after'] === 'c9' && secondPage === 'failure') return new Response('', { status: 502 });
  const data = query.includes('ownSupplyLinks')
    ? SOURCING
    : query.includes('directory(')
      ? {
          directory: { totalCount: DIRECTORY_CARDS.length, edges: DIRECTORY_CARDS.map((node) => ({ node })) },
        }
      : query.includes('shareEvents')
        ? {
            shareEvents:
              variables['after'] !== 'c9'
                ? HISTORY.slice(0, 10)
                : secondPage === 'rest'
                  ? HISTORY.slice(10)
                  : [],
          }
        : { ok: { id: 'x' } };
  return { data };
});

async function mounted() {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  const changed = vi.fn(async () => {});
  await new MySuppliers(panel, 'token', changed, true).load();
  return { panel, changed };
}

describe('shares given', () => {
  it('says what each share shows, with plurals', () => {
    expect(SHARES.map((s) => shareScope(s))).toEqual([
      'your sourcing (all, now and later)',
      'your sourcing (1 link)',
      'your disclosures (2 disclosures)',
    ]);
  });

  it('names at most five of the links a share covers, an unknown one by its id', () => {
    const ids = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7'];
    const links = new Map(ids.slice(1).map((id) => [id, `Supplier ${id}`]));
    const share = { ...SHARES[1]!, linkIds: ids };
    expect(shareScope(share, { links, disclosures: new Map() })).toBe(
      'your sourcing (7 links: l1; Supplier l2; Supplier l3; Supplier l4; Supplier l5; and 2 more)',
    );
  });

  it('offers Revoke on each, naming the recipient, and revokes only after a confirmation', async () => {
    const { panel, changed } = await mounted();
    const items = [...panel.querySelectorAll('li.share-given')];
    expect(items.map((i) => i.textContent)).toEqual([
      'Oslo kommune sees your sourcing (all, now and later) since 2015-11-01 Revoke',
      // Which links and disclosures a share of some covers: "1 link" alone could be any.
      'Sykehusinnkjøp HF sees your sourcing (1 link: Dell Technologies for laptops) since 2024-03-01, until 2027-01-01 Revoke',
      'Electronics Watch sees your disclosures (2 disclosures: Self-assessment 2025; Audit of the Oslo warehouse (withdrawn: nobody sees it)) since 2025-06-01 Revoke',
    ]);
    const revoke = items[0]!.querySelector<HTMLButtonElement>('button.revoke-share')!;
    expect(revoke.getAttribute('aria-label')).toBe(
      'Revoke the share of your sourcing (all, now and later) with Oslo kommune',
    );
    confirm.mockReturnValue(false);
    revoke.click();
    await settle();
    expect(calls('revokeShare')).toHaveLength(0);
    confirm.mockReturnValue(true);
    revoke.click();
    await settle();
    expect(calls('revokeShare')).toHaveLength(1);
    expect(changed).toHaveBeenCalledWith('Revoked the share with Oslo kommune.');
  });
});

describe('share history', () => {
  it("lists grants (with their end) and revokes newest first, ten at a time, each in the viewer's words", async () => {
    const { panel } = await mounted();
    await settle();
    const lines = () => [...panel.querySelectorAll('li.share-event')].map((li) => li.textContent);
    expect(lines()).toHaveLength(10);
    expect(lines()[0]).toBe(
      '2026-11-30 · You shared your sourcing (all, now and later) with Oslo kommune (by admin@atea)',
    );
    expect(lines()[1]).toBe(
      '2026-11-29 · You stopped sharing your sourcing (1 link: Dell Technologies for laptops) with Sykehusinnkjøp HF (by admin@atea)',
    );
    // A grant says until when it holds; a revoke ends it, whatever its end was.
    expect(lines()[4]).toBe(
      '2026-11-26 · You shared your sourcing (1 link: Dell Technologies for laptops) with Sykehusinnkjøp HF until 2027-01-01 (by admin@atea)',
    );
    const older = panel.querySelector<HTMLButtonElement>('button.share-events-older')!;
    expect(older.hidden).toBe(false);
    older.click();
    await settle();
    expect(lines()).toHaveLength(12);
    // No person did it: the user a data import records.
    expect(lines()[10]).toBe(
      '2026-11-20 · You shared your sourcing (1 link: Dell Technologies for laptops) with Sykehusinnkjøp HF until 2027-01-01 (recorded by a data import, not by a user)',
    );
    expect(lines()[11]).toBe(
      '2026-11-19 · Dell Technologies stopped sharing its sourcing (all, now and later) with you',
    );
    expect(older.hidden).toBe(true);
    // The second page started after the first page's last event.
    expect(calls('shareEvents')).toHaveLength(2);
  });
});

describe('own links', () => {
  it('names the supplier on End and Edit, asks before ending, and tells whether Edit is open', async () => {
    const { panel, changed } = await mounted();
    const end = panel.querySelector<HTMLButtonElement>('button.end-link')!;
    const edit = panel.querySelector<HTMLButtonElement>('button.edit-link')!;
    expect(end.getAttribute('aria-label')).toBe('End the link with Dell Technologies');
    expect(edit.getAttribute('aria-label')).toBe('Edit products of Dell Technologies');
    expect(edit.getAttribute('aria-expanded')).toBe('false');
    edit.click();
    expect(edit.getAttribute('aria-expanded')).toBe('true');

    confirm.mockReturnValue(false);
    end.click();
    await settle();
    expect(confirm.mock.calls[0]?.[0]).toMatch(/^End the link with Dell Technologies\?/);
    expect(calls('endSupplyLink')).toHaveLength(0);
    confirm.mockReturnValue(true);
    end.click();
    await settle();
    expect(changed).toHaveBeenCalledWith('Ended the link with Dell Technologies.');
  });
});

describe('share history paging', () => {
  const older = (panel: HTMLElement) => panel.querySelector<HTMLButtonElement>('button.share-events-older')!;

  it('ends on a page with nothing older: says so, and the focus moves there from the hidden button', async () => {
    secondPage = 'none';
    const { panel } = await mounted();
    await settle();
    const button = older(panel);
    button.focus();
    button.click();
    // Still focusable while it loads.
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await settle();
    const status = panel.querySelector<HTMLElement>('.share-events-status')!;
    expect(button.hidden).toBe(true);
    expect(status.textContent).toBe('No older events.');
    expect(document.activeElement).toBe(status);
    expect(panel.querySelectorAll('li.share-event')).toHaveLength(10);
  });

  it('offers Try again when the first page failed, which loads it', async () => {
    let reachable = false;
    const answer = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (!reachable && String(init.body).includes('shareEvents')) throw new TypeError('Failed to fetch');
        return answer(url, init);
      }),
    );
    const { panel } = await mounted();
    await settle();
    const button = older(panel);
    expect(panel.querySelector('.share-events-status')!.textContent).toMatch(
      /^Could not load the share history/,
    );
    expect([button.hidden, button.textContent]).toEqual([false, 'Try again']);
    reachable = true;
    button.click();
    await settle();
    expect(panel.querySelectorAll('li.share-event')).toHaveLength(10);
    expect(button.textContent).toBe('Show older');
  });

  it('says beside the button that older events failed to load, under the events listed', async () => {
    secondPage = 'failure';
    const { panel } = await mounted();
    await settle();
    older(panel).click();
    await settle();
    expect(panel.querySelector('.share-events-status')!.textContent).toBe('');
    const failed = panel.querySelector<HTMLElement>('.share-events-error')!;
    expect(failed.hidden).toBe(false);
    expect(failed.textContent).toMatch(/^Could not load older events: .+\. Try again\.$/);
    expect(older(panel).hidden).toBe(false);
    expect(panel.querySelectorAll('li.share-event')).toHaveLength(10);
  });
});

describe('a panel that did not load', () => {
  it('offers Try again, which loads it once the server answers', async () => {
    let reachable = false;
    const answer = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return answer(url, init);
      }),
    );
    const { panel } = await mounted();
    expect(panel.querySelector('[role="alert"]')!.textContent).toMatch(
      /^Could not load your sourcing: Could not reach/,
    );
    reachable = true;
    panel.querySelector<HTMLButtonElement>('button.retry')!.click();
    await settle();
    expect(panel.querySelectorAll('li.share-given')).toHaveLength(3);
  });
});

describe('beside a dated chain', () => {
  it("says it is today's when As of is set, and stops saying so when it is cleared", async () => {
    const { panel } = await mounted();
    const suppliers = new MySuppliers(
      panel,
      'token',
      vi.fn(async () => {}),
    );
    await suppliers.load();
    const heading = () => panel.querySelector('#my-suppliers-heading')!.textContent;
    const note = () => panel.querySelector<HTMLElement>('.my-suppliers-today')!;
    expect([heading(), note().hidden]).toEqual(['My suppliers', true]);
    suppliers.dated('2016-06-01');
    expect(heading()).toBe('My suppliers today');
    expect(note().hidden).toBe(false);
    expect(note().textContent).toBe(
      'Your sourcing and shares as they are today, not as of 2016-06-01 like the chain.',
    );
    suppliers.dated('');
    expect([heading(), note().hidden]).toEqual(['My suppliers', true]);
  });
});

describe('a directory search', () => {
  it("flags a card's public risk indicators, not a delisted one, before it is added", async () => {
    const { panel } = await mounted();
    panel.querySelector<HTMLInputElement>('#directory-search')!.value = 'works';
    panel.querySelector<HTMLFormElement>('form.directory-search')!.requestSubmit();
    await settle();
    const badge = (id: string) =>
      panel.querySelector(`li.directory-card[data-org-id="${id}"] .badge`)?.textContent ?? null;
    expect([badge('cn-ofilm'), badge('cn-clean'), badge('cn-gone')]).toEqual([
      '⚠ CRITICAL critical risk, 1 indicator',
      null,
      null,
    ]);
  });
});
