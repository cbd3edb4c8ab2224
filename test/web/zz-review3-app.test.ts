// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard as a whole against a fake /graphql: what it does when the token is refused mid-session,
// when the chain does not load, and with filter values the server would refuse.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_EXPIRED, start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import { PLAN, REQUEST } from './evidence-fixtures.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';

type Answer = { data?: unknown; errors?: { message: string; extensions?: { code: string } }[] };
const refused = (message: string, code: string): Answer => ({ errors: [{ message, extensions: { code } }] });
const ME = {
  me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [] },
};

/** A /graphql that answers each operation by the first route whose pattern its text matches. */
function fakeServer(routes: [RegExp, (variables: Record<string, unknown>) => Answer | Promise<Answer>][]) {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as (typeof sent)[number];
    sent.push(body);
    const route = routes.find(([pattern]) => pattern.test(body.query));
    const answer = route
      ? await route[1](body.variables)
      : refused('not in this fake', 'INTERNAL_SERVER_ERROR');
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

const COMMON: [RegExp, () => Answer][] = [
  [/\{ me \{/, () => ({ data: ME })],
  // No introspection here: the dashboard assumes every capability.
  [/__type/, () => refused('introspection is off', 'GRAPHQL_VALIDATION_FAILED')],
  [/DashboardEvidence/, () => ({ data: { received: [], given: [], inbox: [], outbox: [] } })],
  [/DashboardExposure/, () => ({ data: { exposure: EXPOSURE } })],
  [/DashboardRisk/, () => refused('no ranking here', 'INTERNAL_SERVER_ERROR')],
];

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  sessionStorage.setItem(TOKEN_KEY, 'token-1');
});
afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('review 3: "Request access from X…" in Where to start', () => {
  it('keeps another blind spot’s open request form and the message typed in it', async () => {
    const assessment = {
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
    };
    fakeServer([
      ...COMMON.slice(0, 4),
      [/DashboardRisk/, () => ({ data: { riskAssessment: assessment } })],
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
      [/DashboardDisclosures/, () => ({ data: { organization: { disclosures: [] } } })],
    ]);
    await start(root);
    await settle();
    const reseller = () => root.querySelector<HTMLElement>('#exposure li.blind-spot[data-org-id="reseller"]')!;
    reseller().querySelector<HTMLButtonElement>('button.request-access')!.click();
    reseller().querySelector<HTMLTextAreaElement>('textarea')!.value = 'Please share your sourcing';
    const ask = [...root.querySelectorAll<HTMLButtonElement>('#risk li.risk-action button')].find((b) =>
      b.textContent?.startsWith('Request access from Brand Inc'),
    )!;
    ask.click();
    await settle();
    expect(root.querySelector('#exposure li.blind-spot[data-org-id="brand"] form.request-form')).not.toBeNull();
    // The Reseller's form, opened before, and the message typed in it are still there.
    expect({
      open: reseller().querySelector('button.request-access')?.getAttribute('aria-expanded'),
      message: reseller().querySelector<HTMLTextAreaElement>('textarea')?.value,
    }).toEqual({ open: 'true', message: 'Please share your sourcing' });
  });
});
