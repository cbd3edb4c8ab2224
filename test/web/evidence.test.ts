// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard's evidence parts in a DOM (contract v1.2): disclosures in the details panel, disclosed
// indicators apart from public risk, the inbox and outbox with their answers, "Request access" on blind
// spots, and the operations that ask only for what the server offers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CAPABILITIES, exposureOperation } from '../../web/src/api.ts';
import { earliestExtension, renderEvidence } from '../../web/src/evidence.ts';
import { extensionLimit, risksById } from '../../web/src/model.ts';
import { renderDetails, renderExposure } from '../../web/src/panels.ts';
import { CERTIFICATE, PLAN, REQUEST } from './evidence-fixtures.ts';
import { BRAND, CHAIN, EXPOSURE, RESELLER } from './fixtures.ts';

const mount = () => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  return container;
};
afterEach(() => document.body.replaceChildren());

const handlers = () => ({
  show: vi.fn(),
  answer: vi.fn(async () => {}),
  withdraw: vi.fn(async () => {}),
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('disclosures in the details panel', () => {
  it('shows kind, owner, standard, dates, actions with status and overdue, and the document hash', () => {
    const panel = mount();
    renderDetails(
      panel,
      CHAIN,
      'brand',
      risksById(CHAIN, null),
      { select: () => {}, close: () => {} },
      { kind: 'loaded', disclosures: [PLAN], asOf: '' },
    );
    const card = panel.querySelector('article.disclosure[data-disclosure-id="d-plan"]')!;
    expect(card.querySelector('.kind-label')?.textContent).toBe('Corrective action plan');
    expect(card.querySelector('.tag-disclosed')?.textContent).toBe('disclosed by Brand Inc');
    expect(card.textContent).toContain('RBA Code of Conduct');
    expect(card.textContent).toContain('2016-03-01');
    expect(card.querySelector('.disclosure-kind .badge-overdue')?.textContent).toBe('1 action overdue');
    const overdue = card.querySelector('li.action[data-action-id="cap-2"]')!;
    expect(overdue.querySelector('.badge-overdue')).not.toBeNull();
    expect(overdue.querySelector('.status-IN_PROGRESS')?.textContent).toBe('in progress');
    const closed = card.querySelector('li.action[data-action-id="cap-1"]')!;
    expect(closed.querySelector('.badge-overdue')).toBeNull();
    expect(closed.textContent).toContain('closed 2016-11-15 · verified by a follow-up audit');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('https://example.org/plan.pdf');
    expect(card.querySelector('code.sha256')?.textContent).toBe('a'.repeat(64));
  });

  it('says, as of a day whose version its owner has since erased, that its texts were erased and when', () => {
    const panel = mount();
    const erased = {
      ...PLAN,
      title: '',
      summary: null,
      redactedAt: '2026-12-07T10:00:00.000Z',
      actions: PLAN.actions.map((a) => ({ ...a, finding: '', action: '' })),
    };
    renderDetails(
      panel,
      CHAIN,
      'brand',
      risksById(CHAIN, null),
      { select: () => {}, close: () => {} },
      { kind: 'loaded', disclosures: [erased], asOf: '2016-06-01' },
    );
    const card = panel.querySelector('article.disclosure[data-disclosure-id="d-plan"]')!;
    expect(card.querySelector('.disclosure-title')?.textContent).toBe('(texts erased on 2026-12-07)');
    expect(card.querySelector('.actions')?.getAttribute('aria-label')).toBe(
      'Actions of (texts erased on 2026-12-07)',
    );
  });

  it('marks, as of a day, the days after it that the version recorded by then states', () => {
    const panel = mount();
    const details = (asOf: string) =>
      renderDetails(
        panel,
        CHAIN,
        'brand',
        new Map(),
        { select: () => {}, close: () => {} },
        { kind: 'loaded', disclosures: [PLAN], asOf },
      );
    details('2016-06-01');
    const closed = panel.querySelector('li.action[data-action-id="cap-1"] .action-dates')!;
    expect(closed.textContent).toBe(
      'Due 2016-12-31 · closed 2016-11-15 after As of · verified by a follow-up audit',
    );
    expect(closed.querySelector('.badge-after-as-of')?.getAttribute('title')).toBe(
      'after the As of day, 2016-06-01',
    );
    // Issued before the day, and due dates are ahead by nature: not marked.
    expect(panel.querySelectorAll('.badge-after-as-of')).toHaveLength(1);
    details('2016-12-01');
    expect(panel.querySelectorAll('.badge-after-as-of')).toHaveLength(0);
    details('');
    expect(panel.querySelectorAll('.badge-after-as-of')).toHaveLength(0);
  });

  it('marks expired evidence and never links a non-http document', () => {
    const panel = mount();
    renderDetails(
      panel,
      CHAIN,
      'factory-a',
      new Map(),
      { select: () => {}, close: () => {} },
      { kind: 'loaded', disclosures: [CERTIFICATE], asOf: '' },
    );
    const card = panel.querySelector('article.disclosure')!;
    expect(card.classList.contains('is-expired')).toBe(true);
    expect(card.querySelector('.badge-expired')?.textContent).toBe('expired');
    expect(card.textContent).toContain('2025-06-30 (expired)');
    expect(card.querySelector('a')).toBeNull();
  });

  it('keeps public risk tagged "public" and says when nothing was disclosed', () => {
    const panel = mount();
    renderDetails(
      panel,
      CHAIN,
      'factory-b',
      risksById(CHAIN, null),
      { select: () => {}, close: () => {} },
      { kind: 'loaded', disclosures: [], asOf: '' },
    );
    expect([...panel.querySelectorAll('ul.risks .tag-public')]).toHaveLength(2);
    expect(panel.querySelector('.no-disclosures')?.textContent).toBe(
      'No disclosure about B Factory is shared with you.',
    );
  });

  it('shows no disclosures section where the server has none', () => {
    const panel = mount();
    renderDetails(panel, CHAIN, 'brand', new Map(), { select: () => {}, close: () => {} });
    expect(panel.querySelector('.disclosed-heading')).toBeNull();
  });
});

describe('exposure with evidence', () => {
  it('lists disclosed indicators apart from the public ones, naming the disclosure', () => {
    const panel = mount();
    const finding = {
      organization: BRAND,
      tier: 2,
      path: [CHAIN.root, RESELLER, BRAND],
      indicators: [],
      severity: 'CRITICAL' as const,
      disclosedIndicators: [
        {
          kind: 'OVERDUE_ACTION' as const,
          severity: 'CRITICAL' as const,
          description: 'Recruitment fees',
          disclosure: {
            id: 'd-plan',
            kind: 'CORRECTIVE_ACTION_PLAN' as const,
            title: PLAN.title,
            owner: BRAND,
          },
          action: { id: 'cap-2', status: 'IN_PROGRESS' as const, dueAt: '2026-06-30', overdue: true },
        },
      ],
    };
    renderExposure(
      panel,
      { kind: 'loaded', exposure: { ...EXPOSURE, findings: [...EXPOSURE.findings, finding] } },
      CHAIN,
      () => {},
    );
    const brand = panel.querySelector('li.finding[data-org-id="brand"]')!;
    expect(brand.querySelector('.finding-sources')).toBeNull();
    expect(brand.querySelector('.badge-disclosed')?.textContent).toContain('CRITICAL');
    const item = brand.querySelector('li.disclosed-indicator[data-disclosure-id="d-plan"]')!;
    expect(item.textContent).toContain('overdue action');
    expect(item.textContent).toContain('disclosed by Brand Inc');
    expect(item.textContent).toContain('action cap-2, due 2026-06-30');
    const flagged = panel.querySelector('li.finding[data-org-id="factory-b"]')!;
    expect(flagged.querySelector('.finding-disclosed')).toBeNull();
  });

  it('offers "Request access" on a blind spot, and shows an open request instead when one was sent', async () => {
    const panel = mount();
    const requestAccess = vi.fn(async () => {});
    const exposure = {
      ...EXPOSURE,
      blindSpotDetails: [
        { organization: RESELLER, tier: 1 },
        {
          organization: BRAND,
          tier: 2,
          openAccessRequest: {
            id: 'ar-9',
            scope: 'SOURCING' as const,
            sentAt: '2026-10-19',
            dueAt: '2026-11-09',
            overdue: true,
          },
        },
      ],
    };
    renderExposure(panel, { kind: 'loaded', exposure }, CHAIN, () => {}, { requestAccess });
    const [reseller, brand] = [...panel.querySelectorAll('li.blind-spot')];
    // The page's own words, never the server's (which name the API and show raw instants).
    expect(reseller?.querySelector('.advice')?.textContent).toBe(
      'Ask Reseller AB to share its sourcing with you: until it does, nothing behind it is visible.',
    );
    expect(brand?.querySelector('.advice')?.textContent).toBe(
      'Until your request is granted, nothing behind Brand Inc is visible.',
    );
    expect(brand?.querySelector('.request-open')?.textContent).toContain('request open');
    expect(brand?.querySelector('.request-open .badge-overdue')).not.toBeNull();
    expect(brand?.querySelector('button.request-access')).toBeNull();
    reseller!.querySelector<HTMLButtonElement>('button.request-access')!.click();
    const form = reseller!.querySelector<HTMLFormElement>('form.request-form')!;
    expect(form.hidden).toBe(false);
    form.querySelector('select')!.value = 'BOTH';
    // Which products it asks about: comma-separated, as the API takes them.
    form.querySelector<HTMLInputElement>('input[type="text"]')!.value = ' laptops, , monitors ';
    form.querySelector('textarea')!.value = 'Please';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(requestAccess).toHaveBeenCalledWith(
      'reseller',
      'BOTH',
      ['laptops', 'monitors'],
      'Please',
      expect.stringMatching(/^dashboard-[0-9a-f]{32}$/),
    );
  });
  it('sends one idempotency key for every submit of one request form, and a new one for a form drawn again', async () => {
    const draw = () => {
      const panel = mount();
      const requestAccess = vi.fn(async (..._args: unknown[]) => {});
      const exposure = { ...EXPOSURE, blindSpotDetails: [{ organization: RESELLER, tier: 1 }] };
      renderExposure(panel, { kind: 'loaded', exposure }, CHAIN, () => {}, { requestAccess });
      return { panel, requestAccess };
    };
    const submitTwice = async (panel: HTMLElement) => {
      panel.querySelector<HTMLButtonElement>('button.request-access')!.click();
      const submit = panel.querySelector<HTMLButtonElement>('form.request-form button[type="submit"]')!;
      submit.click();
      await settle();
      submit.click();
      await settle();
    };
    const first = draw();
    await submitTwice(first.panel);
    const keys = first.requestAccess.mock.calls.map((call) => call[4]);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const again = draw();
    await submitTwice(again.panel);
    expect(again.requestAccess.mock.calls[0]![4]).not.toBe(keys[0]);
  });
});

/** The idempotency key an answer carries (web/src/action-key.ts). */
const KEY = expect.stringMatching(/^dashboard-[0-9a-f]{32}$/);

const GIVEN = [
  { id: 'd-plan', kind: 'CORRECTIVE_ACTION_PLAN' as const, title: 'Plan', subject: { id: 'factory-a' } },
  // About the Reseller itself, the target of REQUEST: whoever it shares it with sees it.
  { id: 'd-saq', kind: 'SELF_ASSESSMENT' as const, title: 'SAQ 2025', subject: { id: 'reseller' } },
];

// The request asks for laptops: the first link supplies them.
const LINKS = [
  { id: 'l-brand', supplier: { id: 'brand', name: 'Brand Inc' }, products: ['laptops'] },
  { id: 'l-a', supplier: { id: 'factory-a', name: 'A Factory' }, products: ['chargers'] },
];

describe('evidence panel', () => {
  const loaded = (inbox = [REQUEST], outbox = [{ ...REQUEST, id: 'ar-2', overdue: false }]) => ({
    kind: 'loaded' as const,
    evidence: { received: [PLAN], given: GIVEN, links: LINKS, inbox, outbox },
    asOf: '',
    requestsAsOf: false,
  });

  it('says, as of a day, what was shared then, and that the requests are today’s', () => {
    const panel = mount();
    renderEvidence(panel, loaded(), true, handlers());
    expect(panel.textContent).not.toContain('as of');
    expect(panel.querySelector('.requests-today')).toBeNull();
    renderEvidence(panel, { ...loaded(), asOf: '2016-02-15' }, true, handlers());
    expect(panel.querySelector('h3')?.textContent).toBe('Shared with you, as of 2016-02-15');
    expect(panel.querySelector('li.received-disclosure .badge-after-as-of')).not.toBeNull();
    expect(panel.querySelector('.requests-today')?.textContent).toBe(
      'The requests below are as they stand today: As of (2016-02-15) does not apply to them.',
    );
  });

  it('shows the requests as they stood on the As of day, from a server that dates them, with nothing to answer', () => {
    const panel = mount();
    renderEvidence(panel, { ...loaded(), asOf: '2016-02-15', requestsAsOf: true }, true, handlers());
    expect(panel.querySelector('.requests-today')).toBeNull();
    expect(panel.querySelector('.requests-as-of')?.textContent).toBe(
      'The requests below are as they stood on 2016-02-15: clear As of to answer or withdraw one.',
    );
    expect(panel.querySelectorAll('li.access-request').length).toBeGreaterThan(0);
    expect(panel.querySelectorAll('li.access-request button')).toHaveLength(0);
  });

  it('lists what was shared, the inbox with status, due date and overdue, and the outbox', () => {
    const panel = mount();
    renderEvidence(panel, loaded(), true, handlers());
    expect(panel.querySelector('li.received-disclosure[data-disclosure-id="d-plan"]')?.textContent).toContain(
      'disclosed by Brand Inc',
    );
    const inbox = panel.querySelector('ul.inbox li.access-request[data-request-id="ar-1"]')!;
    expect(inbox.querySelector('.request-head')?.textContent).toContain(
      'Root Buyer asks you to share your sourcing',
    );
    expect(inbox.querySelector('.request-status')?.textContent).toBe('open');
    expect(inbox.querySelector('.badge-overdue')).not.toBeNull();
    expect(inbox.querySelector('.request-due')?.textContent).toBe('due 2026-11-09');
    const outbox = panel.querySelector('ul.outbox li.access-request[data-request-id="ar-2"]')!;
    expect(outbox.querySelector('.request-head')?.textContent).toContain('You asked Reseller AB');
    expect(outbox.querySelector('button.withdraw')).not.toBeNull();
    expect(outbox.querySelector('button.grant')).toBeNull();
  });

  // Every grant asks first; each test that grants says what the user answers.
  // happy-dom has no window.confirm: each test gets a stand-in.
  const confirm = vi.fn((_question?: string) => true);
  beforeEach(() => {
    confirm.mockReset().mockReturnValue(true);
    window.confirm = confirm;
  });

  it('grants only after a confirmation that names the exact scope', async () => {
    const panel = mount();
    const h = handlers();
    const both = { ...REQUEST, scope: 'BOTH' as const };
    renderEvidence(panel, loaded([both]), true, h);
    const grant = panel.querySelector<HTMLButtonElement>('ul.inbox button.grant')!;
    expect(grant.textContent).toBe('Grant…');
    confirm.mockReturnValue(false);
    grant.click();
    await settle();
    // The request asks for laptops: a grant without picked links shares the links that carry them.
    expect(confirm).toHaveBeenCalledWith(
      'Root Buyer will see the sourcing link carrying laptops, as asked (your link with Brand Inc ' +
        '(laptops); not links you declare later), and all your disclosures, now and later, with no end ' +
        'date. It sees a disclosure about one of your suppliers only while that supplier is in its ' +
        'chains. You can revoke it under My suppliers.\n\nGrant this request?',
    );
    expect(h.answer).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    grant.click();
    await settle();
    expect(h.answer).toHaveBeenCalledWith(both, { decision: 'GRANT' }, KEY);

    const all = { ...both, products: [] };
    renderEvidence(panel, loaded([all]), true, h);
    panel.querySelector<HTMLButtonElement>('ul.inbox button.grant')!.click();
    await settle();
    expect(confirm).toHaveBeenLastCalledWith(
      'Root Buyer will see all your sourcing links, now and later, and all your disclosures, now and ' +
        'later, with no end date. It sees a disclosure about one of your suppliers only while that ' +
        'supplier is in its chains. You can revoke it under My suppliers.\n\nGrant this request?',
    );
  });

  it('says, rather than granting, that no link carries the products asked: the server would refuse', async () => {
    const panel = mount();
    const h = handlers();
    const alert = vi.fn((_message?: string) => undefined);
    window.alert = alert;
    const tablets = { ...REQUEST, products: ['tablets', 'Laptops'] };
    renderEvidence(panel, loaded([tablets]), true, h);
    panel.querySelector<HTMLButtonElement>('ul.inbox button.grant')!.click();
    await settle();
    expect(alert).toHaveBeenCalledWith(
      'None of your sourcing links carries tablets, Laptops, which Root Buyer asked about. Use Grant ' +
        'with limits… to pick the links to share, or Decline….',
    );
    expect(confirm).not.toHaveBeenCalled();
    expect(h.answer).not.toHaveBeenCalled();
    // The form's first choice says what it grants; no link is ticked at first.
    const links = panel.querySelector('form.grant-form fieldset.grant-links')!;
    expect(links.querySelector('input[value="all"] + label, label[for$="-all"]')?.textContent).toBe(
      'Those that carry tablets, Laptops, as asked (none of your links does)',
    );
    expect(links.querySelectorAll('input[type="checkbox"]:checked')).toHaveLength(0);
  });

  it("withdraws only after a confirmation that names the target and the request's dates", async () => {
    const panel = mount();
    const h = handlers();
    renderEvidence(panel, loaded(), true, h);
    const withdraw = panel.querySelector<HTMLButtonElement>('ul.outbox button.withdraw')!;
    confirm.mockReturnValue(false);
    withdraw.click();
    await settle();
    const question = confirm.mock.calls[0]?.[0] ?? '';
    expect(question).toMatch(
      /^Withdraw your request to Reseller AB \(sent \d{4}-\d{2}-\d{2}, (overdue since|due) \d{4}-\d{2}-\d{2}\)\? Reseller AB can no longer answer it\.$/,
    );
    expect(h.withdraw).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    withdraw.click();
    await settle();
    expect(h.withdraw).toHaveBeenCalledTimes(1);
  });

  it('says whose reason a request carries: a decline or an extension', () => {
    const panel = mount();
    const declined = { ...REQUEST, status: 'DECLINED' as const, reason: 'Not in scope' };
    const extended = { ...REQUEST, id: 'ar-3', extended: true, reason: 'Asking Dell' };
    renderEvidence(panel, loaded([declined, extended]), true, handlers());
    expect([...panel.querySelectorAll('ul.inbox .request-reason')].map((p) => p.textContent)).toEqual([
      'Reason for declining: Not in scope',
      'Reason for the extension: Asking Dell',
    ]);
  });

  it('says whether a granted request still gives access, and until when', () => {
    const panel = mount();
    const granted = {
      ...REQUEST,
      status: 'GRANTED' as const,
      overdue: false,
      closedAt: '2026-11-01T00:00:00.000Z',
    };
    const share = { scope: 'SOURCING' as const, expiresAt: null, revokedAt: null, active: true };
    const outbox = [
      { ...granted, id: 'ar-open-ended', shares: [share] },
      { ...granted, id: 'ar-until', shares: [{ ...share, expiresAt: '2027-06-30T00:00:00.000Z' }] },
      {
        ...granted,
        id: 'ar-revoked',
        shares: [{ ...share, revokedAt: '2026-12-05T10:00:00.000Z', active: false }],
      },
      {
        ...granted,
        id: 'ar-expired',
        shares: [{ ...share, expiresAt: '2026-11-30T00:00:00.000Z', active: false }],
      },
      {
        ...granted,
        id: 'ar-both',
        scope: 'BOTH' as const,
        shares: [
          { ...share, expiresAt: '2027-06-30T00:00:00.000Z' },
          { ...share, scope: 'DISCLOSURES' as const, revokedAt: '2026-12-05T10:00:00.000Z', active: false },
        ],
      },
      REQUEST,
    ];
    // A share that ran out before it was revoked ended when it ran out; a request given less, or
    // other, than it asked for (an imported grant) names the scope of what it holds.
    outbox.push(
      {
        ...granted,
        id: 'ar-expired-then-revoked',
        shares: [
          {
            ...share,
            expiresAt: '2026-11-30T00:00:00.000Z',
            revokedAt: '2026-12-05T10:00:00.000Z',
            active: false,
          },
        ],
      },
      {
        ...granted,
        id: 'ar-both-one',
        scope: 'BOTH' as const,
        shares: [{ ...share, expiresAt: '2027-06-30T00:00:00.000Z' }],
      },
      {
        ...granted,
        id: 'ar-both-alike',
        scope: 'BOTH' as const,
        shares: [
          { ...share, expiresAt: '2027-06-30T00:00:00.000Z' },
          { ...share, scope: 'DISCLOSURES' as const, expiresAt: '2027-06-30T00:00:00.000Z' },
        ],
      },
    );
    renderEvidence(panel, loaded([], outbox), true, handlers());
    expect([...panel.querySelectorAll('ul.outbox .request-access')].map((p) => p.textContent)).toEqual([
      'Access with no end date.',
      'Access until 2027-06-30.',
      'Access ended: revoked 2026-12-05.',
      'Access ended 2026-11-30.',
      'Access to sourcing until 2027-06-30; to disclosures ended: revoked 2026-12-05.',
      'Access ended 2026-11-30.',
      'Access to sourcing until 2027-06-30; none to disclosures.',
      'Access to sourcing and disclosures until 2027-06-30.',
    ]);
  });

  it('offers no second extension: a request extended once can only be granted or declined', () => {
    const panel = mount();
    const extended = { ...REQUEST, extended: true };
    renderEvidence(panel, loaded([extended]), true, handlers());
    const item = panel.querySelector('ul.inbox li.access-request')!;
    const labels = [...item.querySelectorAll('.answer-buttons button')].map((b) => b.textContent);
    expect(labels).toContain('Decline…');
    expect(labels).not.toContain('Extend…');
    expect(item.querySelector('form.extend-form')).toBeNull();
  });

  it('answers: grant, decline with a reason, extend to a date within 2 months', async () => {
    const panel = mount();
    const h = handlers();
    renderEvidence(panel, loaded(), true, h);
    const item = panel.querySelector('ul.inbox li.access-request')!;
    item.querySelector<HTMLButtonElement>('button.grant')!.click();
    await settle();
    expect(h.answer).toHaveBeenCalledWith(REQUEST, { decision: 'GRANT' }, KEY);

    const buttons = [...item.querySelectorAll<HTMLButtonElement>('.answer-buttons button')];
    buttons.find((b) => b.textContent === 'Decline…')!.click();
    const decline = item.querySelector<HTMLFormElement>('form.decline-form')!;
    decline.querySelector('textarea')!.value = ' Not in scope ';
    decline.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(h.answer).toHaveBeenCalledWith(REQUEST, { decision: 'DECLINE', reason: 'Not in scope' }, KEY);

    buttons.find((b) => b.textContent === 'Extend…')!.click();
    const extend = item.querySelector<HTMLFormElement>('form.extend-form')!;
    const date = extend.querySelector('input')!;
    expect(date.max).toBe(extensionLimit(REQUEST));
    expect(date.max).toBe('2026-12-19');
    expect(date.min).toBe(earliestExtension(REQUEST));
    date.value = '2026-12-15';
    extend.querySelector('textarea')!.value = 'Asking Dell';
    extend.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(h.answer).toHaveBeenCalledWith(
      REQUEST,
      {
        decision: 'EXTEND',
        dueAt: '2026-12-15',
        reason: 'Asking Dell',
      },
      KEY,
    );
  });

  it('grants with limits: only the ticked links and disclosures, until a day', async () => {
    const panel = mount();
    const h = handlers();
    const asked = { ...REQUEST, scope: 'BOTH' as const };
    renderEvidence(panel, loaded([asked]), true, h);
    const item = panel.querySelector('ul.inbox li.access-request')!;
    const opener = [...item.querySelectorAll<HTMLButtonElement>('.answer-buttons button')].find(
      (b) => b.textContent === 'Grant with limits…',
    )!;
    opener.click();
    const form = item.querySelector<HTMLFormElement>('form.grant-form')!;
    const disclosures = form.querySelector('fieldset.grant-disclosures')!;
    expect(form.hidden).toBe(false);
    expect([...disclosures.querySelectorAll('.grant-choices label')].map((l) => l.textContent)).toEqual([
      'Corrective action plan: Plan',
      'Self-assessment: SAQ 2025',
    ]);
    const expires = form.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(expires.min > '2026-01-01').toBe(true);
    // Ticking nothing under "Only these" is refused here, before any request.
    disclosures.querySelector<HTMLInputElement>('input[value="some"]')!.checked = true;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(form.querySelector('[role="alert"]')?.textContent).toBe(
      'Tick the disclosures to share, or choose all.',
    );
    expect(h.answer).not.toHaveBeenCalled();

    const box = form.querySelector<HTMLInputElement>('input[data-disclosure-id="d-saq"]')!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expires.value = '2099-01-31';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(confirm).toHaveBeenLastCalledWith(
      'Root Buyer will see only your link with Brand Inc (laptops), and only “SAQ 2025”, until ' +
        '2099-01-31 (00:00 UTC). You can revoke it under My suppliers.\n\nGrant this request?',
    );
    expect(h.answer).toHaveBeenCalledWith(
      asked,
      {
        decision: 'GRANT',
        linkIds: ['l-brand'],
        disclosureIds: ['d-saq'],
        expiresAt: '2099-01-31',
      },
      KEY,
    );

    // All of them, no end date.
    for (const all of form.querySelectorAll<HTMLInputElement>('input[value="all"]')) all.checked = true;
    expires.value = '';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(h.answer).toHaveBeenLastCalledWith(
      asked,
      {
        decision: 'GRANT',
        linkIds: null,
        disclosureIds: null,
        expiresAt: null,
      },
      KEY,
    );
  });

  it('narrows a sourcing grant to links, starting from those that supply the products asked for', async () => {
    const panel = mount();
    const h = handlers();
    renderEvidence(panel, loaded(), true, h);
    const form = panel.querySelector<HTMLFormElement>('form.grant-form')!;
    expect(form.querySelector('fieldset.grant-disclosures')).toBeNull();
    const links = form.querySelector('fieldset.grant-links')!;
    expect([...links.querySelectorAll('.grant-choices label')].map((l) => l.textContent)).toEqual([
      'Brand Inc: laptops',
      'A Factory: chargers',
    ]);
    expect(links.querySelector<HTMLInputElement>('input[value="some"]')!.checked).toBe(true);
    expect(links.querySelector<HTMLInputElement>('input[data-link-id="l-brand"]')!.checked).toBe(true);
    expect(links.querySelector<HTMLInputElement>('input[data-link-id="l-a"]')!.checked).toBe(false);
    links.querySelector<HTMLInputElement>('input[data-link-id="l-brand"]')!.checked = false;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('Tick the links to share, or choose all.');
    const factory = links.querySelector<HTMLInputElement>('input[data-link-id="l-a"]')!;
    factory.checked = true;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
    expect(h.answer).toHaveBeenCalledWith(
      REQUEST,
      { decision: 'GRANT', linkIds: ['l-a'], expiresAt: null },
      KEY,
    );
  });

  it('shows an answer error in the request, and offers no answers to an analyst', async () => {
    const panel = mount();
    const h = { ...handlers(), answer: vi.fn(async () => Promise.reject(new Error('reason is required'))) };
    renderEvidence(panel, loaded(), true, h);
    panel.querySelector<HTMLButtonElement>('button.grant')!.click();
    await settle();
    expect(panel.querySelector('ul.inbox .request-alert')?.textContent).toBe('reason is required');

    renderEvidence(panel, loaded(), false, handlers());
    expect(panel.querySelector('button.grant')).toBeNull();
    expect(panel.querySelector('ul.inbox')?.textContent).toContain('A supplier_admin of your organization');
  });

  it('keeps the error of each answer form in that form', async () => {
    const panel = mount();
    const h = { ...handlers(), answer: vi.fn(async () => Promise.reject(new Error('reason is required'))) };
    renderEvidence(panel, loaded(), true, h);
    const item = panel.querySelector('ul.inbox li.access-request')!;
    const open = (label: string) =>
      [...item.querySelectorAll<HTMLButtonElement>('.answer-buttons button')]
        .find((b) => b.textContent === label)!
        .click();
    open('Decline…');
    item.querySelector<HTMLTextAreaElement>('form.decline-form textarea')!.value = 'No';
    item.querySelector<HTMLButtonElement>('form.decline-form button[type="submit"]')!.click();
    await settle();
    expect(item.querySelector('form.decline-form [role="alert"]')?.textContent).toBe('reason is required');
    open('Grant with limits…');
    expect(item.querySelector('form.grant-form [role="alert"]')?.textContent).toBe('');
    expect(item.querySelector('.request-alert')?.textContent).toBe('');
  });

  it('hides itself where the server has neither disclosures nor access requests', () => {
    const panel = mount();
    renderEvidence(panel, { kind: 'unavailable', message: 'Not yet' }, true, handlers());
    expect(panel.hidden).toBe(true);
  });
});

describe('earliestExtension', () => {
  afterEach(() => vi.useRealTimers());

  it('is the day after the current due date, and never a day already past', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T12:00:00Z'));
    expect(earliestExtension(REQUEST)).toBe('2026-11-10');
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
    expect(earliestExtension(REQUEST)).toBe('2026-12-05');
  });
});

describe('evidence operations', () => {
  const query = { rootId: null, maxDepth: 4, asOf: '', product: '' };

  it('ask for disclosed indicators and blind-spot requests only where the server has them', () => {
    const full = exposureOperation(query, ALL_CAPABILITIES).query;
    expect(full).toContain('disclosedIndicators {');
    expect(full).toContain('openAccessRequest {');
    const plain = exposureOperation(query, {
      ...ALL_CAPABILITIES,
      disclosedIndicators: false,
      blindSpotRequests: false,
    }).query;
    expect(plain).not.toContain('disclosedIndicators');
    expect(plain).not.toContain('blindSpotDetails');
  });
});
