// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard as a whole against a fake /graphql: what it does when the token is refused mid-session,
// when the chain does not load, with filter values the server would refuse, and while a reload's chain
// is on its way (nothing redraws the previous chain under the new query).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_EXPIRED, start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import { PLAN, REQUEST } from './evidence-fixtures.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';
import { fakeRoutes, refused, settle, useDashboardRoot, type Answer } from './fake-api.ts';
import type { SupplyChain } from '../../web/src/model.ts';

const ME = {
  me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [] },
};

const COMMON: [RegExp, () => Answer][] = [
  [/\{ me \{/, () => ({ data: ME })],
  // No introspection here: the dashboard assumes every capability.
  [/__type/, () => refused('introspection is off', 'GRAPHQL_VALIDATION_FAILED')],
  [/DashboardEvidence/, () => ({ data: { received: [], given: [], inbox: [], outbox: [] } })],
  [/DashboardExposure/, () => ({ data: { exposure: EXPOSURE } })],
  [/DashboardRisk/, () => refused('no ranking here', 'INTERNAL_SERVER_ERROR')],
];

let root: HTMLElement;
const freshRoot = useDashboardRoot(TOKEN_KEY);
beforeEach(() => {
  root = freshRoot();
});

describe('an expired session', () => {
  it('returns to sign-in once, saying the session expired, whichever request was refused first', async () => {
    fakeRoutes([
      ...COMMON.slice(0, 2),
      [
        /DashboardChain|DashboardExposure|DashboardEvidence|DashboardRisk/,
        () => refused('The token has expired.', 'UNAUTHENTICATED'),
      ],
    ]);
    await start(root);
    await settle(10);
    expect(root.querySelector('#signin-error')?.textContent).toBe(SESSION_EXPIRED);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(root.textContent).not.toContain('The token has expired.');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});

describe('a chain that does not load', () => {
  it('leaves no panel loading, no stale details, a status, and exports that say why they did nothing', async () => {
    let fail = false;
    fakeRoutes([
      ...COMMON,
      [
        /DashboardChain/,
        () => (fail ? refused('Organization not found', 'NOT_FOUND') : { data: { supplyChain: CHAIN } }),
      ],
      [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
    ]);
    await start(root);
    await settle(10);
    root.querySelector<HTMLButtonElement>('button.org[data-org-id="factory-b"]')!.click();
    await settle(10);
    expect(root.querySelector<HTMLElement>('#details')!.hidden).toBe(false);

    fail = true;
    const depth = root.querySelector<HTMLSelectElement>('#filter-depth')!;
    depth.value = '2';
    depth.dispatchEvent(new Event('change'));
    await settle(10);
    expect(root.querySelector('#chain-view')?.textContent).toContain('Could not load the supply chain');
    expect(root.querySelector<HTMLElement>('#details')!.hidden).toBe(true);
    expect(root.querySelector('#details')?.textContent).toBe('');
    expect(root.querySelector('#exposure')?.textContent).not.toContain('Loading…');
    expect(root.querySelector('#exposure')?.textContent).toContain('the supply chain did not load');
    expect(root.querySelector('#status')?.textContent).toBe(
      'The supply chain did not load: nothing to show or export.',
    );
    root.querySelector<HTMLElement>('#status')!.textContent = '';
    root.querySelector<HTMLButtonElement>('#export-csv')!.click();
    expect(root.querySelector('#status')?.textContent).toBe(
      'Nothing to export: the supply chain did not load.',
    );
  });
});

describe('the details panel', () => {
  it('keeps the focus on its heading when the disclosures arrive and redraw it', async () => {
    let arrive: (answer: Answer) => void = () => {};
    const disclosures = new Promise<Answer>((resolve) => (arrive = resolve));
    fakeRoutes([
      ...COMMON,
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
      [/DashboardDisclosures/, () => disclosures],
    ]);
    await start(root);
    await settle(10);
    root.querySelector<HTMLButtonElement>('button.org[data-org-id="factory-b"]')!.click();
    expect(document.activeElement?.id).toBe('details-heading');
    arrive({ data: { organization: { disclosures: [] } } });
    await settle(10);
    expect(root.querySelector('#details .no-disclosures')).not.toBeNull();
    expect(document.activeElement?.id).toBe('details-heading');
  });
});

describe('showing an organization from a list', () => {
  const typeBox = (type: string) =>
    root.querySelector<HTMLInputElement>(`input[name="type"][value="${type}"]`)!;

  it('clears the filters that hide its card, in the filter bar too, and says which', async () => {
    fakeRoutes([
      ...COMMON,
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
      [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
    ]);
    await start(root);
    await settle(10);
    const search = root.querySelector<HTMLInputElement>('#filter-search')!;
    search.value = 'reseller';
    search.dispatchEvent(new Event('input'));
    typeBox('RESELLER').checked = true;
    typeBox('RESELLER').dispatchEvent(new Event('change'));
    expect(root.querySelector('button.org[data-org-id="factory-b"]')).toBeNull();

    root.querySelector<HTMLButtonElement>('#exposure li.finding[data-org-id="factory-b"] button')!.click();
    const card = root.querySelector('button.org[data-org-id="factory-b"]');
    expect(card?.getAttribute('aria-pressed')).toBe('true');
    expect([search.value, typeBox('RESELLER').checked]).toEqual(['', false]);
    expect(root.querySelector('#status')?.textContent).toMatch(
      /^To show B Factory, cleared the filters that hid it: Types \(Reseller\), Search “reseller”\. Root Buyer: /,
    );
    expect(document.activeElement?.id).toBe('details-heading');
    // Filtering again is the user's: the note of what was cleared goes.
    search.value = 'factory';
    search.dispatchEvent(new Event('input'));
    expect(root.querySelector('#status')?.textContent).toMatch(/^Root Buyer: /);
  });

  it('says, with the focus on it, that a disclosure’s subject is not in the chain drawn', async () => {
    const elsewhere = { id: 'elsewhere', name: 'Elsewhere Ltd', type: 'BRAND', country: 'US' };
    const received = [{ ...PLAN, subject: { id: elsewhere.id, name: elsewhere.name } }];
    fakeRoutes([
      [/\{ me \{/, () => ({ data: { me: { ...ME.me, roots: [CHAIN.root, elsewhere] } } })],
      [/DashboardEvidence/, () => ({ data: { received, given: [], inbox: [], outbox: [] } })],
      ...COMMON.slice(1),
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
    ]);
    await start(root);
    await settle(10);
    root.querySelector<HTMLButtonElement>('#evidence li.received-disclosure button.link-button')!.click();
    const status = root.querySelector<HTMLElement>('#status')!;
    expect(status.textContent).toBe(
      'Elsewhere Ltd is not in the supply chain of Root Buyer shown here. It shared its own chain with ' +
        'you: choose Elsewhere Ltd under Root.',
    );
    expect(document.activeElement).toBe(status);
    expect(root.querySelector<HTMLElement>('#details')!.hidden).toBe(true);
  });
});

describe('sending an access request', () => {
  it('moves the focus from the form, which the redraw removes, to the status line that confirms it', async () => {
    const sent = fakeRoutes([
      ...COMMON,
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
      [/DashboardRequestAccess/, () => ({ data: { requestAccess: REQUEST } })],
    ]);
    await start(root);
    await settle(10);
    const spot = root.querySelector<HTMLElement>('#exposure li.blind-spot[data-org-id="reseller"]')!;
    spot.querySelector<HTMLButtonElement>('button.request-access')!.click();
    const submit = spot.querySelector<HTMLButtonElement>('form.request-form button[type="submit"]')!;
    submit.focus();
    submit.click();
    await settle(10);
    expect(sent.some((s) => s.query.includes('DashboardRequestAccess'))).toBe(true);
    const status = root.querySelector<HTMLElement>('#status')!;
    expect(status.textContent).toMatch(/^Access request sent to Reseller AB, due 2026-11-09\. Root Buyer: /);
    expect(document.activeElement).toBe(status);
  });
});

describe('skip links', () => {
  it('lead a keyboard user past the tier view to Where to start and Exposure, each a focusable target', async () => {
    fakeRoutes([...COMMON, [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })]]);
    await start(root);
    await settle(10);
    const targets = [...root.querySelectorAll<HTMLAnchorElement>('a.skip')].map((a) =>
      a.getAttribute('href')!,
    );
    expect(targets).toEqual(['#chain-view', '#risk', '#exposure']);
    for (const target of targets) expect(root.querySelector(target)?.getAttribute('tabindex')).toBe('-1');
  });
});

describe('an As of day', () => {
  it('asks for what was shared with the viewer as of that day too', async () => {
    const sent = fakeRoutes([...COMMON, [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })]]);
    await start(root);
    await settle(10);
    const asOf = root.querySelector<HTMLInputElement>('#filter-as-of')!;
    asOf.value = '2016-06-01';
    asOf.dispatchEvent(new Event('change'));
    await settle(10);
    const evidence = sent.filter((s) => s.query.includes('DashboardEvidence')).at(-1)!;
    expect(evidence.query).toContain('disclosuresReceived(asOf: $asOf)');
    expect(evidence.variables).toEqual({ asOf: '2016-06-01' });
    expect(root.querySelector('#evidence h3')?.textContent).toBe('Shared with you, as of 2016-06-01');
  });

  it('offers no access request to a blind spot of that day: a request is sent today', async () => {
    fakeRoutes([...COMMON, [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })]]);
    await start(root);
    await settle(10);
    const spot = () => root.querySelector<HTMLElement>('#exposure li.blind-spot[data-org-id="reseller"]')!;
    expect(spot().querySelector('button.request-access')).not.toBeNull();
    const asOf = root.querySelector<HTMLInputElement>('#filter-as-of')!;
    asOf.value = '2016-06-01';
    asOf.dispatchEvent(new Event('change'));
    await settle(10);
    expect(spot().querySelector('button.request-access')).toBeNull();
    expect(root.querySelector('#exposure')!.textContent).toContain(
      'These organizations shared none of their sourcing with you on that day. A request for access is sent today: clear As of to ask them.',
    );
  });
});

describe('an empty chain', () => {
  it('exports no header-only CSV, and says why', async () => {
    const empty = { ...CHAIN, depth: 0, tiers: [], links: [] };
    fakeRoutes([...COMMON, [/DashboardChain/, () => ({ data: { supplyChain: empty } })]]);
    await start(root);
    await settle(10);
    const download = vi.fn();
    URL.createObjectURL = download;
    root.querySelector<HTMLButtonElement>('#export-csv')!.click();
    expect(download).not.toHaveBeenCalled();
    expect(root.querySelector('#status')?.textContent).toBe(
      'Nothing to export: no supplier is visible from this root.',
    );
  });
});

describe('filters the server would refuse', () => {
  it('are checked before sending, with one short message beside the control', async () => {
    const sent = fakeRoutes([...COMMON, [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })]]);
    await start(root);
    await settle(10);
    const chains = () => sent.filter((s) => s.query.includes('DashboardChain')).length;
    const before = chains();

    const asOf = root.querySelector<HTMLInputElement>('#filter-as-of')!;
    expect([asOf.min, asOf.max]).toEqual(['1900-01-01', '2100-12-31']);
    asOf.value = '0001-01-01';
    asOf.dispatchEvent(new Event('change'));
    await settle(10);
    expect(chains()).toBe(before);
    expect(root.querySelector('#filter-as-of-error')?.textContent).toBe(
      'Choose a date between 1900-01-01 and 2100-12-31.',
    );
    expect(asOf.getAttribute('aria-invalid')).toBe('true');
    expect(asOf.getAttribute('aria-describedby')).toBe('filter-as-of-error');

    const product = root.querySelector<HTMLInputElement>('#filter-product')!;
    expect(product.maxLength).toBe(200);
    product.value = 'x'.repeat(5000);
    product.dispatchEvent(new Event('change'));
    await settle(10);
    expect(chains()).toBe(before);
    expect(root.querySelector('#filter-product-error')?.textContent).toBe(
      'A product name has at most 200 characters.',
    );
    expect(root.textContent).not.toContain('x'.repeat(201));

    asOf.value = '2016-06-01';
    asOf.dispatchEvent(new Event('change'));
    await settle(10);
    expect(chains()).toBe(before + 1);
    expect(sent.at(-1)?.variables).toMatchObject({ asOf: '2016-06-01' });
    expect(root.querySelector('#filter-as-of-error')?.textContent).toBe('');
  });
});

describe('"Request access from X…" in Where to start', () => {
  /** A ranking whose one top action asks the Brand for access, and the chain it ranks. */
  const ASKING_BRAND: [RegExp, () => Answer][] = [
    [
      /DashboardRisk/,
      () => ({
        data: {
          riskAssessment: {
            root: { id: CHAIN.root.id, name: CHAIN.root.name },
            at: '2026-12-02T00:00:00.000Z',
            organizations: [],
            top: [],
            actions: [
              {
                kind: 'REQUEST_ACCESS',
                text: 'Request access from Brand Inc',
                organization: { id: 'brand', name: 'Brand Inc' },
              },
            ],
          },
        },
      }),
    ],
    [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
    [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
  ];
  const askBrand = () =>
    [...root.querySelectorAll<HTMLButtonElement>('#risk li.risk-action button')].find((b) =>
      b.textContent?.startsWith('Request access from Brand Inc'),
    )!;

  it('opens the form once Exposure has loaded, when asked before', async () => {
    let arrive: () => void = () => {};
    const exposureArrived = new Promise<void>((resolve) => (arrive = resolve));
    fakeRoutes([
      ...COMMON.slice(0, 3),
      [/DashboardExposure/, async () => (await exposureArrived, { data: { exposure: EXPOSURE } })],
      ...ASKING_BRAND,
    ]);
    await start(root);
    await settle(10);
    const ask = askBrand();
    ask.click();
    expect(root.querySelector('#status')!.textContent).toBe(
      'The request form for Brand Inc opens once Exposure has loaded…',
    );
    arrive();
    await settle(10);
    expect(
      root.querySelector('#exposure li.blind-spot[data-org-id="brand"] form.request-form'),
    ).not.toBeNull();
  });

  it('keeps another blind spot’s open request form and the message typed in it', async () => {
    fakeRoutes([...COMMON.slice(0, 4), ...ASKING_BRAND]);
    await start(root);
    await settle(10);
    const reseller = () =>
      root.querySelector<HTMLElement>('#exposure li.blind-spot[data-org-id="reseller"]')!;
    reseller().querySelector<HTMLButtonElement>('button.request-access')!.click();
    reseller().querySelector<HTMLTextAreaElement>('textarea')!.value = 'Please share your sourcing';
    const ask = askBrand();
    ask.click();
    await settle(10);
    expect(
      root.querySelector('#exposure li.blind-spot[data-org-id="brand"] form.request-form'),
    ).not.toBeNull();
    // The Reseller's form, opened before, and the message typed in it are still there.
    expect({
      open: reseller().querySelector('button.request-access')?.getAttribute('aria-expanded'),
      message: reseller().querySelector<HTMLTextAreaElement>('textarea')?.value,
    }).toEqual({ open: 'true', message: 'Please share your sourcing' });
  });
});

describe('"In your chains" for a viewer no one shares a chain with today', () => {
  const FORMER = { id: 'former-brand', name: 'Former Brand' };
  const reachingBy = (reaching: unknown[]) =>
    fakeRoutes([
      ...COMMON,
      [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
      [/DashboardChainsReaching/, () => ({ data: { chainsReaching: reaching } })],
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
    ]);
  const selectFactory = async (asOf: string) => {
    await start(root);
    await settle(10);
    if (asOf !== '') {
      const input = root.querySelector<HTMLInputElement>('#filter-as-of')!;
      input.value = asOf;
      input.dispatchEvent(new Event('change'));
      await settle(10);
    }
    root.querySelector<HTMLButtonElement>('button.org[data-org-id="factory-b"]')!.click();
    await settle(10);
  };
  const asked = (sent: ReturnType<typeof fakeRoutes>) =>
    sent.filter((s) => s.query.includes('DashboardChainsReaching'));

  it('shows, at an As of day, the chains others shared with it then', async () => {
    // In the API's order: nearest first.
    const sent = reachingBy([
      { root: FORMER, tier: 1 },
      { root: { id: CHAIN.root.id, name: CHAIN.root.name }, tier: 2 },
    ]);
    await selectFactory('2016-06-01');
    expect(asked(sent).at(-1)?.variables).toMatchObject({ organizationId: 'factory-b', asOf: '2016-06-01' });
    expect(
      [...root.querySelectorAll('#details .chains-reaching li')].map((li) => li.getAttribute('data-root-id')),
    ).toEqual([FORMER.id, CHAIN.root.id]);
    expect(root.querySelector('button[aria-label="Show this chain: Former Brand"]')).not.toBeNull();
  });

  it('shows nothing when that day held only its own chain, and asks nothing without an As of day', async () => {
    const sent = reachingBy([{ root: { id: CHAIN.root.id, name: CHAIN.root.name }, tier: 2 }]);
    await selectFactory('2016-06-01');
    expect(asked(sent)).toHaveLength(1);
    expect(root.querySelector('#details .chains-reaching-heading')).toBeNull();

    document.body.replaceChildren((root = document.createElement('div')));
    const today = reachingBy([{ root: FORMER, tier: 1 }]);
    await selectFactory('');
    expect(asked(today)).toHaveLength(0);
    expect(root.querySelector('#details .chains-reaching-heading')).toBeNull();
  });
});

describe('"Show this chain" in the details', () => {
  // A root that chainsReaching answers (at an As of day, when it shared with the viewer) but that is not
  // among the viewer's roots now (me.roots, the Root choice's options): the choice must still say whose
  // chain is shown, not go blank.
  const GONE = { id: 'gone-brand', name: 'Gone Brand' };
  const OTHER = { id: 'other-brand', name: 'Other Brand', type: 'BRAND', country: 'SE' };

  it('of a root that is no longer one keeps the Root choice naming it', async () => {
    fakeRoutes([
      [/\{ me \{/, () => ({ data: { me: { ...ME.me, roots: [CHAIN.root, OTHER] } } })],
      ...COMMON,
      [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
      [/DashboardChainsReaching/, () => ({ data: { chainsReaching: [{ root: GONE, tier: 1 }] } })],
      [
        /DashboardChain/,
        (variables) => ({
          data: {
            supplyChain:
              variables['rootId'] === GONE.id ? { ...CHAIN, root: { ...CHAIN.root, ...GONE } } : CHAIN,
          },
        }),
      ],
    ]);
    await start(root);
    await settle(10);
    root.querySelector<HTMLButtonElement>('button.org[data-org-id="factory-b"]')!.click();
    await settle(10);
    root.querySelector<HTMLButtonElement>('button[aria-label="Show this chain: Gone Brand"]')!.click();
    await settle(10);
    const select = root.querySelector<HTMLSelectElement>('#root-select')!;
    expect(root.querySelector('#details li[data-root-id="gone-brand"]')?.textContent).toBe(
      'Gone Brand · tier 1 (shown)',
    );
    expect(select.value).toBe(GONE.id);
    expect(select.selectedOptions[0]?.textContent).toContain('Gone Brand');
  });
});

describe('a reload whose chain is on its way', () => {
  it('draws no chain between a reload and its answer, whatever else answers or changes meanwhile', async () => {
    const empty: SupplyChain = { ...CHAIN, depth: 0, tiers: [], links: [] };
    let release = () => {};
    let holding = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    fakeRoutes([
      ...COMMON,
      [
        /DashboardChain/,
        async (variables) => {
          if (variables['product'] === 'power supplies') return { data: { supplyChain: empty } };
          if (variables['product'] === undefined && holding) await held;
          return { data: { supplyChain: CHAIN } };
        },
      ],
    ]);
    await start(root);
    await settle(10);
    const product = root.querySelector<HTMLInputElement>('#filter-product')!;
    const status = root.querySelector('#status')!;
    product.value = 'power supplies';
    product.dispatchEvent(new Event('change'));
    await settle(10);
    expect(status.textContent).toContain('nothing matches');

    holding = true;
    const said: string[] = [];
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    product.value = '';
    product.dispatchEvent(new Event('change'));
    await settle(10);
    // The ranking (refused here) answers meanwhile, and a type box is ticked and unticked.
    const box = root.querySelector<HTMLInputElement>('.type-choice input')!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await settle(10);
    release();
    await settle(10);
    expect(said.length).toBeGreaterThan(0);
    for (const line of said) {
      expect(line).not.toContain('no supplier of it is visible to you');
      expect(line).not.toContain('nothing matches');
    }
    expect(said.at(-1)).toMatch(/organizations in 3 tiers/);
  });
});
