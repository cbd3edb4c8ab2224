// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A public buyer's walkthrough (review-buyer39, items 8, 9 and "Minor") and a supplier's review (section 3):
// "Follow up your access request to …" takes the user to the request's card in the outbox; Escape in a
// request form opened from Where to start returns to the top action pressed; the request form says what
// its products are matched with; a grant of disclosures says that one about a supplier shows only while
// the requester may see that supplier; the sign-in page says the demo list is loading, or why it failed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import { blindSpotRequest, renderEvidence } from '../../web/src/evidence.ts';
import { renderRisk, type RiskAssessment } from '../../web/src/risk.ts';
import type { AccessRequest } from '../../web/src/model.ts';
import { REQUEST } from './evidence-fixtures.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';
import { fakeRoutes, refused, settle, useDashboardRoot, type Answer } from './fake-api.ts';

const RESELLER = CHAIN.tiers[0]!.organizations[0]!;
const BRAND = CHAIN.tiers[1]!.organizations[0]!;

const assessment = (actions: RiskAssessment['actions']): RiskAssessment => ({
  root: { id: CHAIN.root.id, name: CHAIN.root.name },
  at: '2026-12-02T00:00:00.000Z',
  organizations: [],
  top: [],
  actions,
});
const followUp = (o: { id: string; name: string }) => ({
  kind: 'FOLLOW_UP_ACCESS_REQUEST',
  text: `Follow up your access request to ${o.name}, overdue since 2026-11-09: a blind spot at tier 1.`,
  organization: { id: o.id, name: o.name },
});

describe('a FOLLOW_UP_ACCESS_REQUEST top action', () => {
  it('offers "Show your request to …" besides showing the organization', () => {
    const panel = document.createElement('div');
    document.body.replaceChildren(panel);
    const handlers = { select: vi.fn(), requestAccess: vi.fn(), showRequest: vi.fn(), exportCsv: vi.fn() };
    renderRisk(panel, { kind: 'loaded', assessment: assessment([followUp(RESELLER)]) }, handlers);
    const buttons = [...panel.querySelectorAll<HTMLButtonElement>('li.risk-action button')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      `Show your request to ${RESELLER.name}`,
      `Show ${RESELLER.name}`,
    ]);
    buttons[0]!.click();
    expect(handlers.showRequest).toHaveBeenCalledWith({ id: RESELLER.id, name: RESELLER.name });
    expect(handlers.select).not.toHaveBeenCalled();
    expect(handlers.requestAccess).not.toHaveBeenCalled();
  });
});

describe('the dashboard', () => {
  let root: HTMLElement;
  const freshRoot = useDashboardRoot(TOKEN_KEY);
  beforeEach(() => {
    root = freshRoot();
  });

  const ME: [RegExp, () => Answer] = [
    /\{ me \{/,
    () => ({ data: { me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [] } } }),
  ];
  const COMMON: [RegExp, () => Answer][] = [
    ME,
    [/__type/, () => refused('introspection is off', 'INTERNAL_SERVER_ERROR')],
    [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
    [/DashboardExposure/, () => ({ data: { exposure: EXPOSURE } })],
    [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
  ];
  const risk = (actions: RiskAssessment['actions']): [RegExp, () => Answer] => [
    /DashboardRisk/,
    () => ({ data: { riskAssessment: assessment(actions) } }),
  ];
  const outbox = (requests: AccessRequest[]): [RegExp, () => Answer] => [
    /DashboardEvidence/,
    () => ({ data: { received: [], given: [], links: [], inbox: [], outbox: requests } }),
  ];
  const asked = (patch: Partial<AccessRequest>): AccessRequest => ({ ...REQUEST, ...patch });
  const button = (label: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('#risk li.risk-action button')].find(
      (b) => b.textContent === label,
    )!;

  it('takes the user to the open request’s card in the outbox, focused', async () => {
    fakeRoutes([
      ...COMMON,
      risk([followUp(RESELLER)]),
      outbox([
        // Declined before, and one to another organization: not the one to follow up.
        asked({ id: 'ar-old', status: 'DECLINED', overdue: false, closedAt: '2026-09-01T00:00:00.000Z' }),
        asked({ id: 'ar-brand', target: { id: BRAND.id, name: BRAND.name } }),
        asked({ id: 'ar-open' }),
      ]),
    ]);
    await start(root);
    await settle(10);
    const show = button(`Show your request to ${RESELLER.name}`);
    show.focus();
    show.click();
    const card = document.activeElement as HTMLElement;
    expect(card.dataset['requestId']).toBe('ar-open');
    expect(card.closest('#evidence ul.outbox')).not.toBeNull();
    // Focusable by script only: not a Tab stop of its own.
    expect(card.tabIndex).toBe(-1);
    expect(card.textContent).toContain(`You asked ${RESELLER.name}`);
  });

  it('says why, in the focused status line, when the outbox holds no request to it', async () => {
    fakeRoutes([...COMMON, risk([followUp(BRAND)]), outbox([asked({ id: 'ar-open' })])]);
    await start(root);
    await settle(10);
    button(`Show your request to ${BRAND.name}`).click();
    const status = root.querySelector<HTMLElement>('#status')!;
    expect(document.activeElement).toBe(status);
    expect(status.textContent).toBe(
      `No request of yours to ${BRAND.name} is in the outbox shown (Evidence and access requests).`,
    );
  });

  it('shows the card once the outbox has loaded, when asked before', async () => {
    let arrive: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    fakeRoutes([
      ...COMMON,
      risk([followUp(RESELLER)]),
      [
        /DashboardEvidence/,
        async () => (
          await arrived,
          { data: { received: [], given: [], links: [], inbox: [], outbox: [asked({ id: 'ar-open' })] } }
        ),
      ],
    ]);
    await start(root);
    await settle(10);
    button(`Show your request to ${RESELLER.name}`).click();
    expect(root.querySelector('#status')!.textContent).toBe(
      `Your request to ${RESELLER.name} is shown once the outbox has loaded…`,
    );
    arrive();
    await settle(10);
    expect((document.activeElement as HTMLElement).dataset['requestId']).toBe('ar-open');
  });

  it('returns the focus to the top action with Escape in the request form it opened', async () => {
    fakeRoutes([
      ...COMMON,
      outbox([]),
      risk([
        {
          kind: 'REQUEST_ACCESS',
          text: `Request access from ${BRAND.name}`,
          organization: { id: BRAND.id, name: BRAND.name },
        },
      ]),
    ]);
    await start(root);
    await settle(10);
    const ask = button(`Request access from ${BRAND.name}…`);
    ask.focus();
    ask.click();
    const spot = root.querySelector<HTMLElement>(`#exposure li.blind-spot[data-org-id="${BRAND.id}"]`)!;
    const scope = spot.querySelector<HTMLSelectElement>('form.request-form select')!;
    expect(document.activeElement).toBe(scope);
    scope.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(spot.querySelector<HTMLFormElement>('form.request-form')!.hidden).toBe(true);
    expect(document.activeElement).toBe(ask);

    // Opened by its own button afterwards, Escape returns there, as for any form.
    const opener = spot.querySelector<HTMLButtonElement>('button.request-access')!;
    opener.click();
    expect(document.activeElement).toBe(scope);
    scope.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.activeElement).toBe(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the request form', () => {
  it('says what the products are matched with, tied to the field', () => {
    const box = blindSpotRequest({ organization: BRAND, tier: 2 }, { requestAccess: vi.fn(async () => {}) })!;
    const products = box.querySelector<HTMLInputElement>(`#request-products-${BRAND.id}`)!;
    // Not an end product, which a brand's links do not carry.
    expect(products.placeholder).not.toMatch(/laptop/);
    const hint = box.querySelector(`#${products.getAttribute('aria-describedby')}`);
    expect(hint?.textContent).toBe(
      'Matched by exact name with the products on its own supply links: what its suppliers deliver to it (for a brand, parts such as motherboards, rather than what it sells). They do not narrow disclosures.',
    );
  });
});

describe('the grant confirmation', () => {
  const confirm = vi.fn((_question?: string) => false);
  beforeEach(() => {
    confirm.mockReset().mockReturnValue(false);
    window.confirm = confirm;
  });
  const CAVEAT =
    'It sees a disclosure about one of your suppliers only while that supplier is in its chains.';
  const given = [
    { id: 'd-own', kind: 'SELF_ASSESSMENT' as const, title: 'SAQ', subject: { id: 'reseller' } },
    { id: 'd-factory', kind: 'AUDIT_REPORT' as const, title: 'Audit', subject: { id: 'factory-a' } },
  ];
  const grant = async (request: AccessRequest): Promise<string> => {
    const panel = document.createElement('div');
    document.body.replaceChildren(panel);
    renderEvidence(
      panel,
      {
        kind: 'loaded',
        evidence: { received: [], given, links: [], inbox: [request], outbox: [] },
        asOf: '',
        requestsAsOf: false,
      },
      true,
      { show: vi.fn(), answer: vi.fn(async () => {}), withdraw: vi.fn(async () => {}) },
    );
    panel.querySelector<HTMLButtonElement>('ul.inbox button.grant')!.click();
    await settle();
    return confirm.mock.calls.at(-1)![0]!;
  };

  it('says that a disclosure about a supplier shows only while the requester may see that supplier', async () => {
    const question = await grant({ ...REQUEST, scope: 'DISCLOSURES', products: [] });
    expect(question).toBe(
      `Root Buyer will see all your disclosures, now and later, with no end date. ${CAVEAT} You can revoke it under My suppliers.\n\nGrant this request?`,
    );
  });

  it('says nothing of it for sourcing alone', async () => {
    const question = await grant({
      ...REQUEST,
      scope: 'SOURCING',
      products: [],
    });
    expect(question).not.toContain(CAVEAT);
  });
});

describe('the sign-in page in local demo mode', () => {
  beforeEach(() => {
    sessionStorage.clear();
    document.cookie = 'tiersight-demo=1';
  });
  afterEach(() => {
    document.cookie = 'tiersight-demo=0';
    vi.unstubAllGlobals();
  });
  const LIST = { organizations: [{ id: 'root', name: 'Root Buyer', type: 'BUYER', country: 'SE' }] };

  it('says the demo list is loading until it arrives', async () => {
    let arrive: (response: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (arrive = resolve))),
    );
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await start(root);
    const demo = root.querySelector<HTMLElement>('.demo-picker')!;
    expect(demo.hidden).toBe(false);
    expect(demo.querySelector('[role="status"]')?.textContent).toBe('Loading the demo organizations…');
    arrive(new Response(JSON.stringify(LIST), { headers: { 'content-type': 'application/json' } }));
    await settle();
    expect(demo.textContent).not.toContain('Loading');
    expect(demo.querySelector('button[data-org-id="root"]')).not.toBeNull();
  });

  it('says why when it fails, and tries again', async () => {
    let fail = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        fail
          ? new Response('upstream down', { status: 502 })
          : new Response(JSON.stringify(LIST), { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await start(root);
    await settle();
    const demo = root.querySelector<HTMLElement>('.demo-picker')!;
    expect(demo.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not load the demo organizations: The server answered 502 without the demo organizations. You can also sign in with a token below.',
    );
    fail = false;
    const retry = demo.querySelector<HTMLButtonElement>('button.demo-retry')!;
    retry.focus();
    retry.click();
    // The button went with the redraw: the focus stays in the picker, not at the top of the page.
    expect(document.activeElement?.id).toBe('demo-heading');
    await settle();
    expect(demo.querySelector('[role="alert"]')).toBeNull();
    expect(demo.querySelector('button[data-org-id="root"]')).not.toBeNull();
    // Kept while the list was drawn under it.
    expect(document.activeElement?.id).toBe('demo-heading');
  });
});
