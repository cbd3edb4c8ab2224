// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "My disclosures" in a DOM against a fake /graphql: whom each disclosure is shared with, the publish
// form (the kinds, the actions only where they belong, whom it may be about, the API's refusal beside
// it), withdrawing only once asked, an action's update sending only what changed, and a share of
// chosen disclosures with a customer named by its id.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CAPABILITIES } from '../../web/src/api.ts';
import { MyDisclosures } from '../../web/src/my-disclosures.ts';
import { DELL, fakeApi, ownDisclosure, refused, settle } from './fake-api.ts';

const PLAN = ownDisclosure({
  id: 'd-plan',
  kind: 'CORRECTIVE_ACTION_PLAN',
  title: 'Corrective action plan',
  version: 3,
  updatedAt: '2026-02-01T00:00:00.000Z',
  actions: [
    {
      id: 'cap-1',
      finding: 'Excessive overtime',
      severity: 'HIGH',
      action: 'Cap weekly hours',
      dueAt: '2026-03-31T00:00:00.000Z',
      firstDueAt: '2026-03-31T00:00:00.000Z',
      status: 'OPEN',
      overdue: true,
      verification: null,
      closedAt: null,
    },
  ],
});
const AUDIT = ownDisclosure({
  id: 'd-audit',
  kind: 'AUDIT_REPORT',
  title: 'Audit of Hipro',
  subject: { id: 'cn-hipro', name: 'Hipro' },
});
const GONE = ownDisclosure({
  id: 'd-gone',
  title: 'Old certificate',
  withdrawnAt: '2026-01-01T00:00:00.000Z',
});

const share = (id: string, name: string, disclosureIds: string[] | null, scope = 'DISCLOSURES') => ({
  id: `s-${id}`,
  scope,
  active: true,
  recipient: { id, name },
  disclosureIds,
  expiresAt: null,
});

const DATA = {
  disclosuresGiven: [PLAN, AUDIT, GONE],
  sharesGiven: [
    share('se-sthlm', 'Region Stockholm', null),
    share('nl-ew', 'Electronics Watch', ['d-plan']),
    // A share of sourcing names a customer (the recipients offered) but shows no disclosure.
    share('se-atea', 'Atea Sverige AB', null, 'SOURCING'),
  ],
  // Who asked it for access: offered as a recipient, which the API accepts though it may not look it up.
  requesters: [{ requester: { id: 'no-sykehusinnkjop', name: 'Sykehusinnkjøp HF' } }],
  ownSupplyLinks: [
    { supplier: { id: 'cn-hipro', name: 'Hipro' }, validFrom: '2013-01-01T00:00:00.000Z', validTo: null },
    { supplier: { id: 'cn-ended', name: 'Ended Ltd' }, validFrom: null, validTo: '2020-01-01T00:00:00.000Z' },
    { supplier: { id: 'cn-later', name: 'Later Ltd' }, validFrom: '2999-01-01T00:00:00.000Z', validTo: null },
    // Its earlier link, replaced by an amendment: the supplier shows once, as the one that holds now.
    {
      supplier: { id: 'cn-hipro', name: 'Hipro' },
      validFrom: '2010-01-01T00:00:00.000Z',
      validTo: '2013-01-01T00:00:00.000Z',
    },
    // Declared to start later, and called off before it did: it never holds.
    {
      supplier: { id: 'cn-called-off', name: 'Called Off Ltd' },
      validFrom: '2998-01-01T00:00:00.000Z',
      validTo: '2998-01-01T00:00:00.000Z',
    },
  ],
  // Its customers: one it shared with before, one it never did.
  me: {
    customers: [
      { id: 'se-atea', name: 'Atea Sverige AB' },
      { id: 'no-atea', name: 'Atea AS' },
    ],
  },
};

/** What the next mutation answers: data, or the API's refusal. */
let refusal: string | null = null;
/** What the page's load gets: DATA, as a server without `Disclosure.sharedWith` answers, unless a test says. */
let loaded: typeof DATA = DATA;
beforeEach(() => {
  refusal = null;
  loaded = DATA;
});
const {
  confirm,
  calls: mutations,
  sent,
} = fakeApi(({ query, variables }) =>
  query.includes('disclosuresGiven')
    ? { data: loaded }
    : query.includes('organization(id')
      ? {
          data: {
            organization: variables['id'] === 'se-atea' ? { id: 'se-atea', name: 'Atea Sverige AB' } : null,
          },
        }
      : refusal !== null
        ? refused(refusal)
        : { data: { updateDisclosure: { id: 'x', version: 4 } } },
);

async function mounted() {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  const changed = vi.fn(async (_news: string) => {});
  await new MyDisclosures(panel, 'token', DELL, ALL_CAPABILITIES, changed).load();
  // The share form's check of whom it shared with before.
  await settle();
  return { panel, changed };
}

const item = (panel: HTMLElement, id: string) =>
  panel.querySelector<HTMLElement>(`li.own-disclosure[data-disclosure-id="${id}"]`)!;
const set = (control: HTMLInputElement | HTMLSelectElement | null, value: string) => {
  control!.value = value;
  control!.dispatchEvent(new Event('change'));
};
const submit = (form: HTMLFormElement | null) => form!.requestSubmit();

describe('the list', () => {
  it('shows each live disclosure with whom it is shared, and the withdrawn ones apart', async () => {
    const { panel } = await mounted();
    expect(
      [...panel.querySelectorAll<HTMLElement>('li.own-disclosure')].map((li) => li.dataset['disclosureId']),
    ).toEqual(['d-plan', 'd-audit']);
    expect(item(panel, 'd-plan').querySelector('.disclosure-shared')!.textContent).toBe(
      'Shared with Region Stockholm, which sees all your disclosures; Electronics Watch.',
    );
    expect(item(panel, 'd-audit').querySelector('.disclosure-shared')!.textContent).toBe(
      // About a supplier: the share alone does not show it (rule 8), and the page says so.
      'Shared with Region Stockholm, which sees all your disclosures. Each sees it only while it may look up Hipro: share your link to Hipro with it if its chain does not reach there.',
    );
    expect(item(panel, 'd-plan').querySelector('.own-disclosure-facts')!.textContent).toBe(
      'About Dell Technologies (you) · version 3, published 2025-06-02, revised 2026-02-01 · issued 2025-06-01, no end date · all products',
    );
    expect(item(panel, 'd-plan').querySelector('.own-actions summary')!.textContent).toBe(
      '1 action, 1 overdue: update their status',
    );
    expect(panel.querySelector('li.withdrawn-disclosure')!.textContent).toBe(
      // Its History button follows (test/web/disclosure-history.test.ts).
      'Certificate: Old certificate, about Dell Technologies; withdrawn 2026-01-01 History',
    );
  });

  it('names every button by the disclosure (and action) it acts on', async () => {
    const { panel } = await mounted();
    const names = [...panel.querySelectorAll('li.own-disclosure button[aria-label]')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'Revise “Corrective action plan”…',
        'Withdraw “Corrective action plan”',
        'Update action cap-1 of Corrective action plan: Excessive overtime…',
        'Revise “Audit of Hipro”…',
        'Withdraw “Audit of Hipro”',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('whom each is shown to, as the server tells its owner (Disclosure.sharedWith)', () => {
  const STHLM = share('se-sthlm', 'Region Stockholm', null);
  const EW = share('nl-ew', 'Electronics Watch', ['d-plan', 'd-audit']);
  const AS = share('no-atea', 'Atea AS', ['d-audit']);
  const HIPRO = share('cn-hipro', 'Hipro', ['d-audit']);
  /** DATA with the server's answer for the audit about Hipro. */
  const withAudience = (audience: { share: typeof STHLM; ownLinkShared: boolean | null }[]) => {
    loaded = {
      ...DATA,
      disclosuresGiven: [
        { ...PLAN, sharedWith: [STHLM, EW].map((s) => ({ share: s, ownLinkShared: null })) },
        { ...AUDIT, sharedWith: audience },
        GONE,
      ],
    };
  };
  const said = (panel: HTMLElement, id: string) =>
    item(panel, id).querySelector('.disclosure-shared')!.textContent;

  it('asks for it, and names only the recipients its own link to the supplier is not shared with', async () => {
    withAudience([
      { share: STHLM, ownLinkShared: true },
      { share: EW, ownLinkShared: false },
      // The subject itself looks itself up.
      { share: HIPRO, ownLinkShared: null },
    ]);
    const { panel } = await mounted();
    expect(sent.find((r) => r.query.includes('disclosuresGiven'))!.query).toContain(
      'sharedWith { ownLinkShared share {',
    );
    expect(said(panel, 'd-plan')).toBe(
      'Shared with Region Stockholm, which sees all your disclosures; Electronics Watch.',
    );
    expect(said(panel, 'd-audit')).toBe(
      'Shared with Region Stockholm, which sees all your disclosures; Electronics Watch; Hipro. Electronics Watch sees it only if it reaches Hipro some other way: your link to Hipro is not shared with it.',
    );
  });

  it('says nothing more when its own link is shared with every recipient', async () => {
    withAudience([{ share: STHLM, ownLinkShared: true }]);
    const { panel } = await mounted();
    expect(said(panel, 'd-audit')).toBe('Shared with Region Stockholm, which sees all your disclosures.');
  });

  it('names each recipient once, however many of its shares show the disclosure', async () => {
    withAudience([
      { share: { ...EW, id: 's-ew-all', disclosureIds: null }, ownLinkShared: false },
      { share: AS, ownLinkShared: false },
      { share: EW, ownLinkShared: false },
    ]);
    const { panel } = await mounted();
    expect(said(panel, 'd-audit')).toBe(
      'Shared with Electronics Watch, which sees all your disclosures; Atea AS; Electronics Watch. Electronics Watch and Atea AS see it only if they reach Hipro some other way: your link to Hipro is not shared with them.',
    );
  });

  it("follows the server's list, not the page's reading of the shares", async () => {
    // A share of all to Region Stockholm is active, but the server says nobody is shown the audit.
    withAudience([]);
    const { panel } = await mounted();
    expect(said(panel, 'd-audit')).toBe('Shared with nobody yet: only your organization sees it.');
  });

  it('is not asked of a server without the field, which gets the rule itself (above)', async () => {
    const can = { ...ALL_CAPABILITIES, sharedWith: false };
    await new MyDisclosures(document.createElement('section'), 'token', DELL, can, async () => {}).load();
    expect(sent.find((r) => r.query.includes('disclosuresGiven'))!.query).not.toContain('sharedWith');
  });
});

describe('withdraw', () => {
  it('asks first, naming the disclosure and who sees it, and withdraws only once agreed', async () => {
    const { panel, changed } = await mounted();
    const button = item(panel, 'd-audit').querySelector<HTMLButtonElement>('button.withdraw-disclosure')!;
    confirm.mockReturnValue(false);
    button.click();
    await settle();
    expect(confirm.mock.calls[0]![0]).toBe(
      'Withdraw “Audit of Hipro” (audit report about Hipro, version 1)? From now on nobody sees it (shared with: Region Stockholm). It cannot be undone.',
    );
    expect(mutations('withdrawDisclosure')).toHaveLength(0);
    confirm.mockReturnValue(true);
    button.click();
    await settle();
    expect(mutations('withdrawDisclosure').map((r) => r.variables)).toEqual([{ id: 'd-audit' }]);
    expect(changed).toHaveBeenCalledWith('Withdrew “Audit of Hipro”.');
  });
});

describe('publish', () => {
  it('may be about the organization or the supplier of any of its links, ended or starting later', async () => {
    const { panel } = await mounted();
    const subjects = [...panel.querySelectorAll<HTMLOptionElement>('#publish-subject option')];
    expect(subjects.map((o) => [o.value, o.textContent])).toEqual([
      ['us-dell', 'Dell Technologies (you)'],
      ['cn-called-off', 'Called Off Ltd (former supplier)'],
      ['cn-ended', 'Ended Ltd (former supplier)'],
      ['cn-hipro', 'Hipro'],
      ['cn-later', 'Later Ltd (supplier from 2999-01-01)'],
    ]);
    expect(mutations('disclosuresGiven').at(-1)!.query).toContain('ownSupplyLinks(includeEnded: true)');
    expect(
      [...panel.querySelectorAll<HTMLOptionElement>('#publish-kind option')].map((o) => o.value),
    ).toEqual(['SELF_ASSESSMENT', 'AUDIT_REPORT', 'CORRECTIVE_ACTION_PLAN', 'IMPROVEMENT', 'CERTIFICATE']);
  });

  it('sends the content, with actions only for plans and audits, and shows a refusal beside the form', async () => {
    const { panel, changed } = await mounted();
    const form = panel.querySelector<HTMLFormElement>('form.publish-form')!;
    const editor = form.querySelector<HTMLFieldSetElement>('fieldset.actions-editor')!;
    expect(editor.hidden).toBe(true);
    set(form.querySelector('#publish-kind'), 'CORRECTIVE_ACTION_PLAN');
    expect(editor.hidden).toBe(false);
    form.querySelector<HTMLButtonElement>('button.add-action')!.click();
    set(form.querySelector('#publish-action-1-finding'), 'No fire exits');
    form.querySelector('#publish-action-1-finding')!.dispatchEvent(new Event('input'));
    expect(form.querySelector('button.remove-action')!.getAttribute('aria-label')).toBe(
      'Remove action 1: No fire exits',
    );
    set(form.querySelector('#publish-action-1-severity'), 'CRITICAL');
    set(form.querySelector('#publish-action-1-action'), 'Build two');
    set(form.querySelector('#publish-action-1-due'), '2026-06-30');
    set(form.querySelector('#publish-subject'), 'cn-hipro');
    set(form.querySelector('#publish-title'), '  Plan for Hipro ');
    set(form.querySelector('#publish-products'), 'laptops, , monitors');
    set(form.querySelector('#publish-issued'), '2026-01-10');
    set(form.querySelector('#publish-sha'), 'abc');
    refusal = 'Invalid disclosure: documentSha256 must be 64 hexadecimal digits, got "abc"';
    submit(form);
    await settle();
    expect(form.querySelector('p.form-alert')!.textContent).toBe(refusal);
    expect(changed).not.toHaveBeenCalled();
    const [first] = mutations('publishDisclosure');
    expect(first!.variables['input']).toEqual({
      subjectId: 'cn-hipro',
      kind: 'CORRECTIVE_ACTION_PLAN',
      content: {
        title: 'Plan for Hipro',
        summary: null,
        issuer: null,
        standard: null,
        products: ['laptops', 'monitors'],
        issuedAt: '2026-01-10',
        validUntil: null,
        documentUrl: null,
        documentSha256: 'abc',
        actions: [
          {
            id: 'a-1',
            finding: 'No fire exits',
            severity: 'CRITICAL',
            action: 'Build two',
            dueAt: '2026-06-30',
            status: 'OPEN',
            closedAt: null,
            verification: null,
          },
        ],
      },
    });
    // A second try is the same publication (one idempotency key per form drawn).
    refusal = null;
    set(form.querySelector('#publish-kind'), 'CERTIFICATE');
    set(form.querySelector('#publish-sha'), '');
    submit(form);
    await settle();
    const [, second] = mutations('publishDisclosure');
    expect(second!.variables['idempotencyKey']).toBe(first!.variables['idempotencyKey']);
    expect(second!.variables['input']).toMatchObject({ kind: 'CERTIFICATE', content: { actions: null } });
    expect(changed).toHaveBeenCalledWith(
      'Published “Plan for Hipro”. Only your organization sees it until you share it.',
    );
  });
});

describe('revise and update an action', () => {
  it('revises with the whole content, kept actions included', async () => {
    const { panel, changed } = await mounted();
    const form = item(panel, 'd-plan').querySelector<HTMLFormElement>('form.revise-form')!;
    set(form.querySelector('#revise-d-plan-title'), 'Corrective action plan, 2026');
    submit(form);
    await settle();
    const [revision] = mutations('updateDisclosure');
    expect(revision!.variables).toMatchObject({
      id: 'd-plan',
      input: {
        title: 'Corrective action plan, 2026',
        issuedAt: '2025-06-01',
        actions: [
          {
            id: 'cap-1',
            finding: 'Excessive overtime',
            severity: 'HIGH',
            dueAt: '2026-03-31',
            status: 'OPEN',
          },
        ],
      },
    });
    expect(changed).toHaveBeenCalledWith('Revised “Corrective action plan”: version 4.');
  });

  it('offers no Remove for a published action not yet closed, which the API keeps, but does for a new one', async () => {
    const { panel } = await mounted();
    const form = item(panel, 'd-plan').querySelector<HTMLFormElement>('form.revise-form')!;
    const rows = () => [...form.querySelectorAll('li.action-row')];
    expect(rows()[0]!.querySelector('button.remove-action')).toBeNull();
    expect(rows()[0]!.querySelector('.kept-action')!.textContent).toBe(
      'Not yet closed, so it stays in the plan: close it to end it.',
    );
    form.querySelector<HTMLButtonElement>('button.add-action')!.click();
    expect(rows()[1]!.querySelector('button.remove-action')).not.toBeNull();
  });

  it('closes an action sending its status, closing and verification, not its unchanged due date', async () => {
    const { panel } = await mounted();
    const action = item(panel, 'd-plan').querySelector<HTMLElement>('li.action[data-action-id="cap-1"]')!;
    set(action.querySelector('#update-d-plan-cap-1-status'), 'CLOSED');
    set(action.querySelector('#update-d-plan-cap-1-closed'), '2026-02-15');
    set(action.querySelector('#update-d-plan-cap-1-verification'), 'FOLLOW_UP_AUDIT');
    submit(action.querySelector('form.update-action-form'));
    await settle();
    expect(mutations('updateCorrectiveAction').map((r) => r.variables)).toEqual([
      {
        disclosureId: 'd-plan',
        actionId: 'cap-1',
        input: { status: 'CLOSED', closedAt: '2026-02-15', verification: 'FOLLOW_UP_AUDIT' },
      },
    ]);
  });
});

describe('share with a customer', () => {
  it('offers its customers, the organizations shared with before or asking it, and another by its id, looked up to be named', async () => {
    const { panel, changed } = await mounted();
    const form = panel.querySelector<HTMLFormElement>('form.share-disclosures-form')!;
    expect(
      [...form.querySelectorAll<HTMLOptionElement>('#share-recipient option')].map((o) => o.textContent),
    ).toEqual([
      'Atea AS',
      'Atea Sverige AB',
      'Electronics Watch',
      'Region Stockholm',
      'Sykehusinnkjøp HF',
      'Another organization, by its Tiersight id…',
    ]);
    set(form.querySelector('#share-recipient'), '');
    set(form.querySelector('#share-recipient-id'), 'se-hidden');
    submit(form);
    await settle();
    expect(form.querySelector('p.form-alert')!.textContent).toBe('Organization "se-hidden" not found');
    expect(confirm).not.toHaveBeenCalled();

    set(form.querySelector('#share-recipient'), 'se-atea');
    const box = form.querySelector<HTMLInputElement>('input[type="checkbox"][data-disclosure-id="d-audit"]')!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    submit(form);
    await settle();
    expect(confirm.mock.calls[0]![0]).toBe(
      'Atea Sverige AB will see only “Audit of Hipro”, with no end date, wherever it may see their subject. You can revoke it under My suppliers.\n\nShare?',
    );
    expect(mutations('shareDisclosures').map((r) => r.variables)).toEqual([
      {
        recipientId: 'se-atea',
        disclosureIds: ['d-audit'],
        expiresAt: null,
        idempotencyKey: expect.any(String),
      },
    ]);
    expect(changed).toHaveBeenCalledWith('Shared “Audit of Hipro” with Atea Sverige AB.');
  });
});

describe('As of', () => {
  it('stays today’s beside a dated chain, and says so', async () => {
    const panel = document.createElement('section');
    const mine = new MyDisclosures(
      panel,
      'token',
      DELL,
      ALL_CAPABILITIES,
      vi.fn(async () => {}),
    );
    mine.dated('2016-06-01');
    await mine.load();
    expect(panel.querySelector('h2')!.textContent).toBe('My disclosures today');
    expect(panel.querySelector('.my-disclosures-today')!.textContent).toBe(
      'Your disclosures and their shares as they are today, not as of 2016-06-01 like the chain.',
    );
    mine.dated('');
    expect(panel.querySelector('h2')!.textContent).toBe('My disclosures');
    expect(panel.querySelector<HTMLElement>('.my-disclosures-today')!.hidden).toBe(true);
  });
});
