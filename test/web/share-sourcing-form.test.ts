// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "Share your sourcing with a customer…" in My suppliers, against a fake /graphql: it offers the
// organization's customers (whom it shared with, who asked it for access, or another by its id), all its links or the
// current ones ticked, and an optional end day; it asks first, naming whom and what; it sends one
// idempotency key per form drawn, and shows the API's refusal beside the form, not at the panel's top.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MySuppliers } from '../../web/src/my-suppliers.ts';
import { fakeApi, refused, settle } from './fake-api.ts';

const SOURCING = {
  listing: {
    listed: false,
    listedAt: null,
    organization: { id: 'se-atea', name: 'Atea Sverige AB', type: 'RESELLER' },
  },
  ownSupplyLinks: [
    {
      id: 'l-dell',
      supplier: { id: 'us-dell', name: 'Dell Technologies', country: 'US' },
      products: ['laptops'],
      validFrom: '2018-09-15T00:00:00.000Z',
      validTo: null,
    },
    {
      id: 'l-hp',
      supplier: { id: 'us-hp', name: 'HP Inc.', country: 'US' },
      products: [],
      validFrom: null,
      validTo: null,
    },
    {
      id: 'l-dell-old',
      supplier: { id: 'us-dell', name: 'Dell Technologies', country: 'US' },
      products: ['laptops'],
      validFrom: null,
      validTo: '2018-09-15T00:00:00.000Z',
    },
  ],
  sharesGiven: [
    {
      id: 's-ew',
      scope: 'DISCLOSURES',
      recipient: { id: 'nl-ew', name: 'Electronics Watch' },
      linkIds: null,
      disclosureIds: null,
      createdAt: '2025-06-01T00:00:00.000Z',
      expiresAt: null,
    },
  ],
  // Whom it shared with (a revoked share's recipient too) and who asked it for access: offered by name,
  // since the API accepts them as recipients whether or not the organization may look them up.
  pastShares: [
    { recipient: { id: 'nl-ew', name: 'Electronics Watch' } },
    { recipient: { id: 'dk-former', name: 'Former Buyer' } },
  ],
  requesters: [{ requester: { id: 'se-karolinska', name: 'Karolinska' } }],
  me: {
    customers: [
      { id: 'se-sthlm', name: 'Region Stockholm' },
      { id: 'se-adda', name: 'Adda' },
    ],
  },
};

/** What the next shareSourcing answers: its share, or this refusal (with this code). */
let refusal: string | null = null;
let refusalCode = 'BAD_USER_INPUT';
beforeEach(() => {
  refusal = null;
  refusalCode = 'BAD_USER_INPUT';
});
const { confirm, calls } = fakeApi(({ query, variables }) =>
  query.includes('ownSupplyLinks')
    ? { data: SOURCING }
    : query.includes('shareEvents')
      ? { data: { shareEvents: [] } }
      : query.includes('organization(id')
        ? // The organization itself, by its id; any other id is one it may not name.
          { data: { organization: variables['id'] === 'se-atea' ? { id: 'se-atea', name: 'Atea' } : null } }
        : refusal !== null
          ? refused(refusal, refusalCode)
          : { data: { shareSourcing: { id: 's-new' } } },
);

const set = (control: HTMLInputElement | HTMLSelectElement | null, value: string) => {
  control!.value = value;
  control!.dispatchEvent(new Event('change'));
};
const tick = (form: HTMLElement, linkId: string) => {
  const box = form.querySelector<HTMLInputElement>(`input[type="checkbox"][data-link-id="${linkId}"]`)!;
  box.checked = true;
  box.dispatchEvent(new Event('change'));
};
const shares = () => calls('shareSourcing');

async function mounted() {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  const changed = vi.fn(async (_news: string) => {});
  await new MySuppliers(panel, 'token', changed, true).load();
  // The share form's check of whom it shared with before.
  await settle();
  const form = panel.querySelector<HTMLFormElement>('form.share-sourcing-form')!;
  return { panel, form, changed };
}

describe('share your sourcing with a customer', () => {
  it('offers its customers, whom it shared with, who asked it, another by id, and its current links only', async () => {
    const { panel, form } = await mounted();
    const opener = panel.querySelector<HTMLButtonElement>('button.share-sourcing')!;
    expect([opener.textContent, opener.getAttribute('aria-expanded'), form.hidden]).toEqual([
      'Share your sourcing with a customer…',
      'false',
      true,
    ]);
    opener.click();
    expect(form.hidden).toBe(false);
    expect(
      [...form.querySelectorAll<HTMLOptionElement>('#share-sourcing-recipient option')].map((o) => [
        o.value,
        o.textContent,
      ]),
    ).toEqual([
      ['se-adda', 'Adda'],
      ['nl-ew', 'Electronics Watch'],
      ['dk-former', 'Former Buyer'],
      ['se-karolinska', 'Karolinska'],
      ['se-sthlm', 'Region Stockholm'],
      ['', 'Another organization, by its Tiersight id…'],
    ]);
    // The id field only for "another".
    const other = form.querySelector<HTMLInputElement>('#share-sourcing-recipient-id')!.parentElement!;
    expect(other.hidden).toBe(true);
    set(form.querySelector('#share-sourcing-recipient'), '');
    expect(other.hidden).toBe(false);
    // An ended link shares nothing now: not offered.
    expect([...form.querySelectorAll('ul.grant-choices label')].map((l) => l.textContent)).toEqual([
      'Dell Technologies for laptops',
      'HP Inc.',
    ]);
    // Its own submit names what it shares, apart from My disclosures' "Share".
    expect(form.querySelector('button[type="submit"]')!.textContent).toBe('Share your sourcing');
    expect(form.querySelector<HTMLInputElement>('#share-sourcing-expires')!.min).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it('asks first, then shares the links ticked until the day given', async () => {
    const { form, changed } = await mounted();
    set(form.querySelector('#share-sourcing-recipient'), 'se-sthlm');
    tick(form, 'l-dell');
    set(form.querySelector('#share-sourcing-expires'), '2099-06-30');
    confirm.mockReturnValue(false);
    form.requestSubmit();
    await settle();
    expect(confirm.mock.calls[0]![0]).toBe(
      'Region Stockholm will see only your 1 link to Dell Technologies for laptops, until 2099-06-30 (00:00 UTC): ' +
        'those suppliers and what they supply you, not their own suppliers unless they share with it too. ' +
        'You can revoke it under Shared by you.\n\nShare?',
    );
    expect(shares()).toHaveLength(0);
    confirm.mockReturnValue(true);
    form.requestSubmit();
    await settle();
    expect(shares().map((r) => r.variables)).toEqual([
      {
        recipientId: 'se-sthlm',
        linkIds: ['l-dell'],
        expiresAt: '2099-06-30',
        idempotencyKey: expect.any(String),
      },
    ]);
    expect(changed).toHaveBeenCalledWith(
      'Shared your 1 link to Dell Technologies for laptops with Region Stockholm.',
    );
  });

  it('shares all its links, now and later, when nothing is ticked', async () => {
    const { form, changed } = await mounted();
    set(form.querySelector('#share-sourcing-recipient'), 'se-adda');
    form.requestSubmit();
    await settle();
    expect(confirm.mock.calls[0]![0]).toMatch(
      /^Adda will see all your sourcing links, now and later, with no end date:/,
    );
    expect(shares().map((r) => r.variables)).toEqual([
      { recipientId: 'se-adda', linkIds: null, expiresAt: null, idempotencyKey: expect.any(String) },
    ]);
    expect(changed).toHaveBeenCalledWith('Shared all your sourcing links, now and later, with Adda.');
  });

  it("refuses 'Only these' with none ticked, and an id it may not name, before asking anything", async () => {
    const { form } = await mounted();
    const alert = form.querySelector('p.form-alert')!;
    form.querySelector<HTMLInputElement>('input[type="radio"][value="some"]')!.checked = true;
    form.requestSubmit();
    await settle();
    expect(alert.textContent).toBe('Tick the links to share, or choose all.');
    form.querySelector<HTMLInputElement>('input[type="radio"][value="all"]')!.checked = true;
    set(form.querySelector('#share-sourcing-recipient'), '');
    set(form.querySelector('#share-sourcing-recipient-id'), ' se-hidden ');
    form.requestSubmit();
    await settle();
    expect(alert.textContent).toBe('Organization "se-hidden" not found');
    expect(confirm).not.toHaveBeenCalled();
    expect(shares()).toHaveLength(0);
  });

  it("shows the API's refusal beside the form, and a retry sends the same idempotency key", async () => {
    const { panel, form, changed } = await mounted();
    set(form.querySelector('#share-sourcing-recipient'), '');
    set(form.querySelector('#share-sourcing-recipient-id'), 'se-atea');
    refusal = 'recipientId must be another organization than the owner, got "se-atea"';
    form.requestSubmit();
    await settle();
    expect(confirm.mock.calls[0]![0]).toMatch(/^Atea will see all your sourcing links/);
    expect(form.querySelector('p.form-alert')!.textContent).toBe(refusal);
    // Beside this form, not in the panel's own alert line at its top.
    expect(panel.querySelector(':scope > p[role="alert"]')!.textContent).toBe('');
    expect(changed).not.toHaveBeenCalled();

    refusal = null;
    set(form.querySelector('#share-sourcing-recipient'), 'se-sthlm');
    form.requestSubmit();
    await settle();
    const [first, second] = shares();
    expect(second!.variables['idempotencyKey']).toBe(first!.variables['idempotencyKey']);
    expect(form.querySelector('p.form-alert')!.textContent).toBe('');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('says why a recipient it offered is refused as not found: no longer one it may name', async () => {
    const { form, changed } = await mounted();
    set(form.querySelector('#share-sourcing-recipient'), 'se-adda');
    refusal = 'Organization "se-adda" not found';
    refusalCode = 'NOT_FOUND';
    form.requestSubmit();
    await settle();
    expect(form.querySelector('p.form-alert')!.textContent).toBe(
      'Adda can no longer be named as a recipient: you may share with an organization you may look up (a customer, one that shares with you, one in your chains), one listed in the directory, or one you shared with or that asked you for access.',
    );
    expect(changed).not.toHaveBeenCalled();
    // An id typed by hand is answered as the API words it.
    set(form.querySelector('#share-sourcing-recipient'), '');
    set(form.querySelector('#share-sourcing-recipient-id'), 'se-atea');
    refusal = 'Organization "se-atea" not found';
    form.requestSubmit();
    await settle();
    expect(form.querySelector('p.form-alert')!.textContent).toBe(refusal);
  });
});
