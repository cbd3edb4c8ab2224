// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "Show this chain" for a root that chainsReaching answers (at an As of day, when it
// shared with the viewer) but that is not among the viewer's roots now (me.roots, the Root choice's
// options): the Root choice must still say whose chain is shown, not go blank.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';

type Answer = { data?: unknown; errors?: { message: string; extensions?: { code: string } }[] };
const GONE = { id: 'gone-brand', name: 'Gone Brand' };
const OTHER = { id: 'other-brand', name: 'Other Brand', type: 'BRAND', country: 'SE' };

function fakeServer(routes: [RegExp, (variables: Record<string, unknown>) => Answer][]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      const route = routes.find(([pattern]) => pattern.test(body.query));
      const answer = route
        ? route[1](body.variables)
        : { errors: [{ message: 'not in this fake', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }),
  );
}

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

it('"Show this chain" of a root that is no longer one keeps the Root choice naming it', async () => {
  fakeServer([
    [
      /\{ me \{/,
      () => ({ data: { me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [CHAIN.root, OTHER] } } }),
    ],
    [/__type/, () => ({ errors: [{ message: 'off', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] })],
    [/DashboardEvidence/, () => ({ data: { received: [], given: [], inbox: [], outbox: [] } })],
    [/DashboardExposure/, () => ({ data: { exposure: EXPOSURE } })],
    [
      /DashboardRisk/,
      () => ({ errors: [{ message: 'none', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    ],
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
  await settle();
  root.querySelector<HTMLButtonElement>('button.org[data-org-id="factory-b"]')!.click();
  await settle();
  root.querySelector<HTMLButtonElement>('button[aria-label="Show the chain of Gone Brand"]')!.click();
  await settle();
  const select = root.querySelector<HTMLSelectElement>('#root-select')!;
  expect(root.querySelector('#details li[data-root-id="gone-brand"]')?.textContent).toBe(
    'Gone Brand · tier 1 (shown)',
  );
  expect(select.value).toBe(GONE.id);
  expect(select.selectedOptions[0]?.textContent).toContain('Gone Brand');
});
