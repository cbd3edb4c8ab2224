import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { cachedTokenVerifier } from '../../src/auth/token-cache.ts';
import { createTokenVerifier, type TokenVerifier } from '../../src/auth/verify-token.ts';

const secret = 'unit-test-secret-with-at-least-32-chars';
const claims = { sub: 'u', org: 'o', roles: ['analyst' as const] };

/** The real verifier, counting how often it does the work. */
function counting(): { verify: TokenVerifier; calls: () => number } {
  const real = createTokenVerifier({ secret });
  let calls = 0;
  return {
    verify: (authorization, now) => {
      calls++;
      return real(authorization, now);
    },
    calls: () => calls,
  };
}

const bearer = async (ttlSeconds = 60) => `Bearer ${await signToken(claims, secret, ttlSeconds)}`;
const later = (ms: number) => new Date(Date.now() + ms);

describe('the verified-token cache', () => {
  it('verifies a token once while it is trusted, and answers the same', async () => {
    const { verify, calls } = counting();
    const cached = cachedTokenVerifier(verify, { maxEntries: 10, ttlMs: 30_000 });
    const token = await bearer();
    const first = await cached(token);
    expect(first).toMatchObject({ userId: 'u', organizationId: 'o', roles: ['analyst'] });
    for (let i = 0; i < 5; i++) expect(await cached(token, later(i * 1000))).toEqual(first);
    expect(calls()).toBe(1);
  });

  it('never answers from the cache at or after the token’s exp: the full check says it expired', async () => {
    const { verify, calls } = counting();
    const cached = cachedTokenVerifier(verify, { maxEntries: 10, ttlMs: 3_600_000 });
    const token = await bearer(2);
    expect(await cached(token)).toHaveProperty('organizationId', 'o');
    const afterExp = await cached(token, later(2_000 + 31_000));
    expect(afterExp).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The token has expired.' });
    expect(calls()).toBe(2);
  });

  it('does the work again for an instant before the one it verified at, and after the trust ends', async () => {
    const { verify, calls } = counting();
    const cached = cachedTokenVerifier(verify, { maxEntries: 10, ttlMs: 50 });
    const token = await bearer();
    await cached(token);
    await cached(token, later(-1_000));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await cached(token);
    expect(calls()).toBe(3);
  });

  it('remembers no failure, and tells two tokens apart by every byte', async () => {
    const { verify, calls } = counting();
    const cached = cachedTokenVerifier(verify, { maxEntries: 10, ttlMs: 30_000 });
    const token = await bearer();
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(await cached(tampered)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await cached(tampered)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await cached(token)).toHaveProperty('organizationId', 'o');
    expect(await cached(tampered)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await cached(undefined)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls()).toBe(5);
  });

  it('holds at most maxEntries tokens, and is off with 0', async () => {
    const { verify, calls } = counting();
    const cached = cachedTokenVerifier(verify, { maxEntries: 2, ttlMs: 30_000 });
    const tokens = await Promise.all([1, 2, 3].map((i) => bearer(60 + i)));
    for (const token of [...tokens, tokens[0]!]) await cached(token);
    expect(calls()).toBe(4);
    expect(cachedTokenVerifier(verify, { maxEntries: 0, ttlMs: 30_000 })).toBe(verify);
  });
});
