// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The warning before the token expires (WCAG 2.2.1), against a fake /graphql that knows which token is
// whose: shown five minutes before `exp` without taking the focus, extended in demo mode and with a
// pasted token without drawing the page again, a token for another organization or one the server
// refuses turned down with the old one kept, and no warning for a token without `exp`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import { clearToken, TOKEN_KEY } from '../../web/src/api.ts';
import { tokenExpiry, WARN_BEFORE_MS } from '../../web/src/session-expiry.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';
import { refused } from './fake-api.ts';

const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const MINUTE = 60_000;

const base64url = (value: string) => btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A token shaped like a JWT (unsigned: the dashboard does not check signatures), `exp` in ms. */
const jwt = (claims: Record<string, unknown>) =>
  `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.sig`;
const expiringAt = (ms: number, sub = 'anna') => jwt({ sub, org: 'root', exp: Math.floor(ms / 1000) });

const ROOT = CHAIN.root;
const OTHER = { id: 'other-org', name: 'Other Org AB', type: 'PURCHASER', country: 'NO' };
type Viewer = { organization: typeof ROOT | typeof OTHER; roles: string[] };

interface Sent {
  url: string;
  authorization: string | null;
  query: string;
}

/**
 * The API: `me` answers by the bearer token (`viewers`; an unknown token is refused, UNAUTHENTICATED).
 * Each answer has a Date header, as a server's has, from a clock `clockAhead` ahead of the page's.
 */
function fakeServer(viewers: Map<string, Viewer>, demoTokens: string[] = [], clockAhead = 0): Sent[] {
  const sent: Sent[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json', date: new Date(Date.now() + clockAhead).toUTCString() },
    });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      if (url === '/dev/token') {
        sent.push({ url, authorization: null, query: String(init.body) });
        const token = demoTokens.shift();
        return token === undefined ? json({ error: 'no more demo tokens' }) : json({ token });
      }
      const { query } = JSON.parse(String(init.body)) as { query: string };
      const authorization = headers.get('authorization');
      sent.push({ url, authorization, query });
      const viewer = viewers.get((authorization ?? '').replace(/^Bearer /, ''));
      if (viewer === undefined) return json(refused('Token expired', 'UNAUTHENTICATED'));
      if (/\{ me \{/.test(query)) return json({ data: { me: { ...viewer, roots: [] } } });
      if (/__type/.test(query)) return json(refused('introspection is off', 'INTERNAL_SERVER_ERROR'));
      if (/DashboardChain/.test(query)) return json({ data: { supplyChain: CHAIN } });
      if (/DashboardExposure/.test(query)) return json({ data: { exposure: EXPOSURE } });
      if (/DashboardEvidence/.test(query))
        return json({ data: { received: [], given: [], links: [], inbox: [], outbox: [] } });
      return json(refused('not in this fake', 'INTERNAL_SERVER_ERROR'));
    }),
  );
  return sent;
}

/** Lets pending requests and renders finish; the timers are fake, so the clock does not move. */
const settle = async (rounds = 20) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
};

const analyst: Viewer = { organization: ROOT, roles: ['ANALYST'] };
let root: HTMLElement;
const warning = () => root.querySelector<HTMLElement>('#session-warning')!;
const warningText = () => root.querySelector('#session-warning [role="alert"]')?.textContent ?? '';
const warningError = () => root.querySelector('#session-warning-error')?.textContent ?? '';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // As a sign-out does: forgets the tokens an extension replaced, which later tests reuse.
  clearToken();
  sessionStorage.clear();
  // happy-dom keeps a cookie set to expire in the past; any value but 1 is not demo mode.
  document.cookie = 'tiersight-demo=0';
});

async function signedIn(
  token: string,
  viewers: Map<string, Viewer>,
  demoTokens: string[] = [],
  clockAhead = 0,
) {
  sessionStorage.setItem(TOKEN_KEY, token);
  const sent = fakeServer(viewers, demoTokens, clockAhead);
  await start(root);
  await settle();
  return sent;
}

describe('tokenExpiry', () => {
  it('reads exp from the payload, and nothing from a token without one', () => {
    expect(tokenExpiry(expiringAt(NOW))).toBe(NOW);
    expect(tokenExpiry(jwt({ sub: 'anna' }))).toBeNull();
    expect(tokenExpiry(jwt({ exp: 'soon' }))).toBeNull();
    expect(tokenExpiry('token-1')).toBeNull();
    expect(tokenExpiry('a.%%%.c')).toBeNull();
  });
});

describe('the warning before the session ends', () => {
  it('shows five minutes before exp, says when, and leaves the focus where the user types', async () => {
    const token = expiringAt(NOW + 20 * MINUTE);
    await signedIn(token, new Map([[token, analyst]]));
    expect(warning().hidden).toBe(true);
    const search = root.querySelector<HTMLInputElement>('#filter-search')!;
    search.focus();
    search.value = 'facto';
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(warning().hidden).toBe(true);
    vi.advanceTimersByTime(1);
    expect(warning().hidden).toBe(false);
    expect(warningText()).toMatch(/^Your session ends in 5 minutes, at .+\. Paste a new token/);
    expect(document.activeElement).toBe(search);
    // Reached by Tab: a visible field and button, in the page's order before the filters.
    const field = root.querySelector<HTMLInputElement>('#session-token')!;
    expect(field.getAttribute('tabindex')).toBeNull();
    expect(warning().compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Escape does not dismiss it.
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(warning().hidden).toBe(false);
    // At exp it says so: a new token still keeps the page until a request is refused.
    vi.advanceTimersByTime(5 * MINUTE);
    expect(warningText()).toMatch(/^Your session ended at /);
  });

  it('shows at once when less than five minutes are left, and not for a far expiry', async () => {
    const soon = expiringAt(NOW + 2 * MINUTE);
    await signedIn(soon, new Map([[soon, analyst]]));
    expect(warning().hidden).toBe(false);
    expect(warningText()).toMatch(/^Your session ends in 2 minutes/);

    // Beyond setTimeout's 24.8 days, which would fire at once.
    root = document.createElement('div');
    document.body.replaceChildren(root);
    const far = expiringAt(NOW + 40 * 24 * 60 * MINUTE);
    await signedIn(far, new Map([[far, analyst]]));
    vi.advanceTimersByTime(MINUTE);
    expect(warning().hidden).toBe(true);
    vi.advanceTimersByTime(40 * 24 * 60 * MINUTE - WARN_BEFORE_MS - MINUTE);
    expect(warning().hidden).toBe(false);
  });

  it("follows the server's clock, which its answers' Date header tells, where the browser's is off", async () => {
    const shown = (ms: number) =>
      new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    // Ten minutes ahead: of a token the server dates to expire in 12 minutes, 2 are left.
    const soon = expiringAt(NOW + 12 * MINUTE);
    await signedIn(soon, new Map([[soon, analyst]]), [], 10 * MINUTE);
    expect(warning().hidden).toBe(false);
    expect(warningText()).toContain(`Your session ends in 2 minutes, at ${shown(NOW + 2 * MINUTE)}.`);

    // Ten minutes behind: 22 minutes are left, and the warning waits for 17 of them.
    root = document.createElement('div');
    document.body.replaceChildren(root);
    const later = expiringAt(NOW + 12 * MINUTE);
    await signedIn(later, new Map([[later, analyst]]), [], -10 * MINUTE);
    vi.advanceTimersByTime(17 * MINUTE - 1_000);
    expect(warning().hidden).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(warningText()).toMatch(/^Your session ends in 5 minutes/);
  });

  it('gives no warning for a token without exp', async () => {
    for (const token of ['token-1', jwt({ sub: 'anna', org: 'root' })]) {
      root = document.createElement('div');
      document.body.replaceChildren(root);
      await signedIn(token, new Map([[token, analyst]]));
      vi.advanceTimersByTime(365 * 24 * 60 * MINUTE);
      expect(warning().hidden).toBe(true);
      expect(root.querySelector('#viewer-name')?.textContent).toBe(ROOT.name);
    }
  });
});

describe('extending the session', () => {
  it('takes a pasted token for the same organization, keeps the page, and sets the timer anew', async () => {
    const old = expiringAt(NOW + 3 * MINUTE);
    const fresh = expiringAt(NOW + 60 * MINUTE, 'anna-2');
    const sent = await signedIn(
      old,
      new Map([
        [old, analyst],
        [fresh, analyst],
      ]),
    );
    const search = root.querySelector<HTMLInputElement>('#filter-search')!;
    search.value = 'typed before';
    const field = root.querySelector<HTMLInputElement>('#session-token')!;
    field.value = `Bearer ${fresh}`;
    field.form!.requestSubmit();
    await settle();
    expect(warning().hidden).toBe(true);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(fresh);
    expect(root.querySelector('#status')?.textContent).toMatch(/^Session extended: it now ends at /);
    expect(document.activeElement?.id).toBe('status');
    expect(root.querySelector<HTMLInputElement>('#filter-search')).toBe(search);
    expect(search.value).toBe('typed before');
    expect(field.value).toBe('');

    // Every later request, from panels built with the old token too, carries the new one.
    const before = sent.length;
    const depth = root.querySelector<HTMLSelectElement>('#filter-depth')!;
    depth.value = depth.options[0]!.value;
    depth.dispatchEvent(new Event('change'));
    await settle();
    const later = sent.slice(before);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.authorization === `Bearer ${fresh}`)).toBe(true);

    // Past the old exp nothing shows; five minutes before the new one the warning is back.
    vi.advanceTimersByTime(50 * MINUTE);
    expect(warning().hidden).toBe(true);
    vi.advanceTimersByTime(5 * MINUTE);
    expect(warning().hidden).toBe(false);
  });

  it('in demo mode, fetches a new demo token for the same organization', async () => {
    document.cookie = 'tiersight-demo=1';
    const old = expiringAt(NOW + 4 * MINUTE);
    const fresh = expiringAt(NOW + 12 * 60 * MINUTE, 'demo-2');
    const sent = await signedIn(
      old,
      new Map([
        [old, analyst],
        [fresh, analyst],
      ]),
      [fresh],
    );
    expect(root.querySelector('#session-token')).toBeNull();
    expect(warningText()).toMatch(/Stay signed in to get a new demo token/);
    const button = [...root.querySelectorAll<HTMLButtonElement>('#session-warning button')].find(
      (b) => b.textContent === 'Stay signed in',
    )!;
    button.click();
    await settle();
    const demo = sent.find((r) => r.url === '/dev/token');
    expect(JSON.parse(demo!.query)).toEqual({ org: ROOT.id });
    expect(warning().hidden).toBe(true);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(fresh);
  });

  it('refuses a token for another organization, naming it, and keeps the old one', async () => {
    const old = expiringAt(NOW + 3 * MINUTE);
    const theirs = expiringAt(NOW + 60 * MINUTE, 'bob');
    await signedIn(
      old,
      new Map([
        [old, analyst],
        [theirs, { organization: OTHER, roles: ['ANALYST'] }],
      ]),
    );
    const field = root.querySelector<HTMLInputElement>('#session-token')!;
    field.value = theirs;
    field.form!.requestSubmit();
    await settle();
    expect(warningError()).toBe(
      `The new token is for ${OTHER.name} (${OTHER.id}), not ${ROOT.name} (${ROOT.id}): this page is ${ROOT.name}’s. The current session goes on.`,
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(warning().hidden).toBe(false);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(old);
    expect(root.querySelector('#viewer-name')?.textContent).toBe(ROOT.name);
  });

  it('refuses a token the server refuses, and one that expires no later, keeping the old one', async () => {
    const old = expiringAt(NOW + 3 * MINUTE);
    const earlier = expiringAt(NOW + 2 * MINUTE, 'anna-0');
    await signedIn(
      old,
      new Map([
        [old, analyst],
        [earlier, analyst],
      ]),
    );
    const field = root.querySelector<HTMLInputElement>('#session-token')!;
    field.value = 'not-a-token-the-server-knows';
    field.form!.requestSubmit();
    await settle();
    expect(warningError()).toBe(
      'The server refused the new token (Token expired). The current session goes on.',
    );
    // The refusal of the new token does not end the session, which the old token still holds.
    expect(root.querySelector('#viewer-name')?.textContent).toBe(ROOT.name);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(old);

    field.value = earlier;
    field.form!.requestSubmit();
    await settle();
    expect(warningError()).toMatch(/^The new token expires at .+, no later than the current one/);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(old);

    field.value = '';
    field.form!.requestSubmit();
    expect(warningError()).toBe('Paste a new token first.');
  });
});
