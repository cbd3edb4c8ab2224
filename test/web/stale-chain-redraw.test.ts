// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// While a reload's chain is on its way, nothing redraws the previous chain under the new
// query. A product empties the chain; the product is cleared and the chain's answer held back; meanwhile
// the ranking answers and a type box is ticked and unticked. The status line must go from "Loading…"
// straight to the new chain, never saying that nobody shares with the viewer.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import type { SupplyChain } from '../../web/src/model.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';

const EMPTY: SupplyChain = { ...CHAIN, depth: 0, tiers: [], links: [] };
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

it('draws no chain between a reload and its answer, whatever else answers or changes meanwhile', async () => {
  let release = () => {};
  let holding = false;
  const held = new Promise<void>((resolve) => (release = resolve));
  const answer = async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    if (query.includes('{ me {'))
      return { data: { me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [] } } };
    if (query.includes('DashboardChain')) {
      if (variables['product'] === 'power supplies') return { data: { supplyChain: EMPTY } };
      if (variables['product'] === undefined && holding) await held;
      return { data: { supplyChain: CHAIN } };
    }
    if (query.includes('DashboardExposure')) return { data: { exposure: EXPOSURE } };
    if (query.includes('DashboardEvidence'))
      return { data: { received: [], given: [], inbox: [], outbox: [] } };
    return { errors: [{ message: 'not in this fake', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
      const json = await answer(body.query, body.variables ?? {});
      return new Response(JSON.stringify(json), { headers: { 'content-type': 'application/json' } });
    }),
  );
  await start(root);
  await settle();
  const product = root.querySelector<HTMLInputElement>('#filter-product')!;
  const status = root.querySelector('#status')!;
  product.value = 'power supplies';
  product.dispatchEvent(new Event('change'));
  await settle();
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
  await settle();
  const box = root.querySelector<HTMLInputElement>('.type-choice input')!;
  box.checked = true;
  box.dispatchEvent(new Event('change'));
  box.checked = false;
  box.dispatchEvent(new Event('change'));
  await settle();
  release();
  await settle();
  expect(said.length).toBeGreaterThan(0);
  for (const line of said) {
    expect(line).not.toContain('no supplier of it is visible to you');
    expect(line).not.toContain('nothing matches');
  }
  expect(said.at(-1)).toMatch(/organizations in 3 tiers/);
});
