// The warning before a session's token expires (WCAG 2.2.1, Timing Adjustable): a few minutes before
// the token's `exp`, a non-modal notice says when the session ends and offers to extend it, in local
// demo mode with a new demo token, elsewhere with a pasted one, without drawing the page again, so
// that what its forms hold survives.
import { ApiError, demoToken, me, renewToken, serverClockAhead, type Me } from './api.ts';
import { errorMessage, h } from './dom.ts';
import { isolate } from './bidi.ts';

/** How long before the token's expiry the warning shows (at once when less is left). */
export const WARN_BEFORE_MS = 5 * 60_000;
/** setTimeout's longest delay: a longer one fires at once, so a far expiry is waited for in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * When `token` expires (milliseconds since the epoch), read from its payload's `exp` without checking
 * the signature (the server does that); null when there is no readable `exp`, which gets no warning.
 */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined || !/^[A-Za-z0-9_-]+={0,2}$/.test(payload)) return null;
  let claims: unknown;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    claims = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null || !('exp' in claims)) return null;
  const { exp } = claims;
  return typeof exp === 'number' && Number.isFinite(exp) && exp > 0 ? exp * 1000 : null;
}

/**
 * A token's instant (the server's time) on this browser's clock, which the timers and the times shown
 * to the reader follow.
 */
const onThisClock = (serverMs: number): number => serverMs - serverClockAhead();

/** An instant as the reader's clock shows it, to the minute. */
const clock = (ms: number): string =>
  new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function endsIn(ms: number, now: number): string {
  const minutes = Math.floor((ms - now) / 60_000);
  if (ms <= now) return `Your session ended at ${clock(ms)}`;
  if (minutes < 1) return `Your session ends in less than a minute, at ${clock(ms)}`;
  return `Your session ends in ${minutes} minute${minutes === 1 ? '' : 's'}, at ${clock(ms)}`;
}

const sameRoles = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((role) => b.includes(role));

export interface SessionWarningOptions {
  /** The token the page was built with. */
  token: string;
  viewer: Me;
  /** Local demo mode: a new demo token for the same organization instead of a pasted one. */
  demo: boolean;
  /** Says that the session was extended (the page's status line, which takes the focus). */
  extended: (message: string) => void;
}

/**
 * The warning, drawn in `element` (placed once, near the top of the page, reached by Tab); `start`
 * sets its timer and `stop` clears it when the session ends another way.
 */
export class SessionWarning {
  readonly element = h('section', {
    class: 'session-warning',
    id: 'session-warning',
    'aria-labelledby': 'session-warning-text',
    hidden: true,
  });
  /** The notice itself: role="alert", so that it is heard wherever the focus is, which it leaves be. */
  private readonly text = h('p', { id: 'session-warning-text', role: 'alert' });
  private readonly error = h('p', { class: 'error', id: 'session-warning-error', role: 'alert' });
  private token: string;
  private expiry: number | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;

  constructor(private readonly options: SessionWarningOptions) {
    this.token = options.token;
    this.expiry = tokenExpiry(options.token);
    this.element.append(this.text, ...this.controls(), this.error);
  }

  start(): void {
    this.stop();
    if (this.expiry === null) return;
    const expiry = onThisClock(this.expiry);
    const now = Date.now();
    const warnAt = expiry - WARN_BEFORE_MS;
    // At expiry again, to say that it has ended: a new token still keeps the page if no request failed.
    const next = now < warnAt ? warnAt : now < expiry ? expiry : null;
    if (warnAt <= now) this.show(expiry, now);
    if (next !== null) this.timer = setTimeout(() => this.start(), Math.min(next - now, MAX_DELAY_MS));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private show(expiry: number, now: number): void {
    const wasHidden = this.element.hidden;
    this.element.hidden = false;
    const how = this.options.demo
      ? 'Stay signed in to get a new demo token'
      : 'Paste a new token for the same organization';
    const text = `${endsIn(expiry, now)}. ${how}: the page keeps what it shows and what its forms hold.`;
    // Written only when it changes: an alert written again is read again.
    if (wasHidden || this.text.textContent !== text) this.text.textContent = text;
  }

  private controls(): HTMLElement[] {
    const organization = this.options.viewer.organization;
    if (this.options.demo) {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: () => void this.extend(() => demoToken(organization.id)),
        },
        'Stay signed in',
      );
      return [button];
    }
    const input = h('input', {
      id: 'session-token',
      name: 'token',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'session-warning-error',
    });
    const form = h(
      'form',
      {
        class: 'session-extend',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const value = input.value.trim().replace(/^Bearer\s+/i, '');
          if (value === '') {
            this.refuse(input, 'Paste a new token first.');
            return;
          }
          void this.extend(async () => value, input);
        },
      },
      h('label', { for: 'session-token' }, `New access token for ${isolate(organization.name)}`),
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Extend the session'),
    );
    return [form];
  }

  private refuse(input: HTMLInputElement | null, message: string): void {
    this.error.textContent = message;
    input?.setAttribute('aria-invalid', 'true');
  }

  /** Checks the new token with `me` before it replaces the old one, which a refusal keeps. */
  private async extend(fetchToken: () => Promise<string>, input: HTMLInputElement | null = null) {
    if (this.busy) return;
    this.busy = true;
    this.error.textContent = '';
    input?.removeAttribute('aria-invalid');
    try {
      const outcome = await this.check(fetchToken);
      if (typeof outcome === 'string') return this.refuse(input, outcome);
      renewToken(this.token, outcome.token);
      this.token = outcome.token;
      this.expiry = outcome.expiry;
      if (input !== null) input.value = '';
      this.element.hidden = true;
      this.text.textContent = '';
      this.start();
      this.options.extended(
        outcome.expiry === null
          ? 'Session extended.'
          : `Session extended: it now ends at ${clock(outcome.expiry)}.`,
      );
    } finally {
      this.busy = false;
    }
  }

  /** Why the new token is refused (naming it), or the token and its expiry. */
  private async check(
    fetchToken: () => Promise<string>,
  ): Promise<string | { token: string; expiry: number | null }> {
    const viewer = this.options.viewer;
    const ours = viewer.organization;
    let token: string;
    let them: Me;
    try {
      token = await fetchToken();
    } catch (error) {
      return `No new demo token: ${errorMessage(error)}. The current session goes on.`;
    }
    try {
      them = await me(token);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED')
        return `The server refused the new token (${errorMessage(error)}). The current session goes on.`;
      return `Could not check the new token: ${errorMessage(error)}. The current session goes on.`;
    }
    const theirs = them.organization;
    if (theirs.id !== ours.id)
      return `The new token is for ${isolate(theirs.name)} (${theirs.id}), not ${isolate(ours.name)} (${ours.id}): this page is ${isolate(ours.name)}’s. The current session goes on.`;
    if (!sameRoles(them.roles, viewer.roles))
      return `The new token has the roles ${them.roles.join(', ').toLowerCase() || 'none'}, not ${viewer.roles.join(', ').toLowerCase()} as this page was built for. Sign out and in again to change roles. The current session goes on.`;
    const expiry = tokenExpiry(token);
    if (expiry !== null && this.expiry !== null && expiry <= this.expiry)
      return `The new token expires at ${clock(onThisClock(expiry))}, no later than the current one (${clock(onThisClock(this.expiry))}). The current session goes on.`;
    return { token, expiry };
  }
}
