// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A monitor (Electronics Watch) signed in as supplier_admin was offered "Add a
// supplier", "A supplier not in the directory" and "Share your sourcing with a customer…", each of which
// the API refuses for a MONITOR (it has no supply links). Its My suppliers panel now keeps what a
// monitor can use (its listing, the shares it gave, its share history) and says where its chains come
// from instead.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MySuppliers, sourcingOperation } from '../../web/src/my-suppliers.ts';
import { fakeApi, settle } from './fake-api.ts';

const sourcing = (type: string) => ({
  listing: {
    listed: true,
    listedAt: '2016-01-01T00:00:00.000Z',
    organization: { id: 'nl-electronics-watch', name: 'Electronics Watch', type },
  },
  ownSupplyLinks: [],
  sharesGiven: [
    {
      id: 's-ew-dw',
      scope: 'DISCLOSURES',
      recipient: { id: 'dk-danwatch', name: 'DanWatch' },
      linkIds: null,
      disclosureIds: null,
      createdAt: '2026-12-01T00:00:00.000Z',
      expiresAt: null,
    },
  ],
  pastShares: [{ recipient: { id: 'dk-danwatch', name: 'DanWatch' } }],
  requesters: [],
  me: { customers: [] },
  disclosuresGiven: [],
});

let type = 'MONITOR';
beforeEach(() => {
  type = 'MONITOR';
});
fakeApi(({ query }) => ({ data: query.includes('ownSupplyLinks') ? sourcing(type) : { shareEvents: [] } }));

async function mounted(): Promise<HTMLElement> {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  await new MySuppliers(
    panel,
    'token',
    vi.fn(async () => {}),
    true,
  ).load();
  await settle();
  return panel;
}

describe('My suppliers of a monitor', () => {
  it('asks for the organization’s type and name with its listing', () => {
    expect(sourcingOperation(true)).toContain('listing { listed listedAt organization { id name type } }');
  });

  it('offers no supplier to add or declare and no sourcing to share, and says why', async () => {
    const panel = await mounted();
    expect(panel.querySelector('.add-supplier')).toBeNull();
    expect(panel.querySelector('.new-supplier-box')).toBeNull();
    expect(panel.querySelector('.share-sourcing-box')).toBeNull();
    expect(panel.querySelector('.own-links')).toBeNull();
    expect(panel.textContent).not.toContain('You have declared no supplier yet.');
    expect(panel.querySelector('.monitor-note')?.textContent).toBe(
      'Electronics Watch is a monitor: it has no suppliers of its own, so it declares and shares no ' +
        'sourcing. It sees the chains that organizations share with it (choose one under Root) and may ' +
        'ask any organization in them to share more (Request access, under Exposure). Being listed in ' +
        'the directory lets any organization share with it.',
    );
  });

  it('keeps its listing, the shares it gave with Revoke, and its share history', async () => {
    const panel = await mounted();
    expect(panel.querySelector('button.set-listing')?.textContent).toBe('Take out of the directory');
    expect(panel.querySelector('li.share-given')?.textContent).toBe(
      'DanWatch sees your disclosures (all, now and later) since 2026-12-01 Revoke',
    );
    expect(panel.querySelector('.share-history')).not.toBeNull();
  });

  it('still offers all of it to any other type', async () => {
    type = 'BRAND';
    const panel = await mounted();
    expect(panel.querySelector('.monitor-note')).toBeNull();
    expect(panel.querySelector('.add-supplier')).not.toBeNull();
    expect(panel.querySelector('.new-supplier-box')).not.toBeNull();
    expect(panel.querySelector('.share-sourcing-box')).not.toBeNull();
  });
});
