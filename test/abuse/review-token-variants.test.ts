// Review (hostile client with one valid token): the per-token limits follow the token's spelling.
//
// ClientLimits (src/api/http/rate-limit.ts) keys RATE_LIMIT_PER_TOKEN and CONCURRENT_PER_TOKEN by a
// hash of the raw Authorization header, before the token is verified. One HS256 token has several
// spellings that verify to the same claims: its signature is 32 bytes in 43 base64url characters, the
// last of which carries 2 bits that decode to nothing (4 spellings), and jose accepts one trailing
// `=` after it (the header pattern of src/auth/verify-token.ts allows `=*`): 8 spellings, 8 budgets,
// 8 × 16 requests in flight, for the holder of one token. (A user who can get tokens at will, from an
// identity provider, has a budget per token anyway: the limit is per token, not per user.)
//
// Expected: the limits hold per verified token (or per user), so that spellings of one token share
// one budget and one concurrency cap.
//
// Fixed: the route verifies the token first and keys the limits by its signed part (header and
// claims), which is what the signature covers: every spelling of the signature shares the key. Refusing
// non-canonical base64url instead would not do: ES256 signatures have a second valid form (r, n - s).
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { TEST_SECRET } from '../support/api.ts';
import { graph } from '../support/graph-builder.ts';
import { postWithoutBody } from '../support/post-without-body.ts';
import { useProductionApp } from '../support/production-app.ts';

// 4 requests per token per 2 s window, 2 in flight.
const server = useProductionApp(graph().org('v', 'PURCHASER').build(), {
  rateLimits: { perTokenPerSecond: 2, perAddressPerSecond: 20, windowSeconds: 2, concurrentPerToken: 2 },
});

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The 8 spellings of `token` that verify as it does: 4 last characters of its signature, each with or without a trailing `=`. */
function spellings(token: string): string[] {
  const last = BASE64URL.indexOf(token.at(-1)!);
  const stems = [0, 1, 2, 3].map((bits) => token.slice(0, -1) + BASE64URL[(last & ~3) | bits]);
  return [...stems, ...stems.map((stem) => `${stem}=`)];
}

async function status(token: string): Promise<number> {
  const response = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { organization { id } } }' }),
  });
  await response.text();
  return response.status;
}

/** Starts a request whose body never comes: it holds one of its token's slots until destroyed. */
function holdSlot(token: string): () => void {
  const request = postWithoutBody(server.app.url, 100, `Bearer ${token}`);
  return () => request.destroy();
}

describe('spellings of one token', () => {
  it('all verify as the token itself', async () => {
    const token = await signToken({ sub: 'u0', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600);
    const variants = spellings(token);
    expect(new Set(variants).size).toBe(8);
    for (const variant of variants) {
      expect(await status(variant)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 550)); // within the per-token rate
    }
  });

  it('share one rate budget', async () => {
    const [first, ...others] = spellings(
      await signToken({ sub: 'u1', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600),
    );
    for (let i = 0; i < 4; i++) expect(await status(first!)).toBe(200);
    expect(await status(first!)).toBe(429);
    // Before the fix: each of the other 7 spellings had 4 requests of its own.
    const statuses = [];
    for (const other of others) statuses.push(await status(other));
    expect(statuses).toEqual(others.map(() => 429));
  });

  it('share one concurrency cap', async () => {
    const [first, second] = spellings(
      await signToken({ sub: 'u2', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600),
    );
    const release = [holdSlot(first!), holdSlot(first!)];
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await status(first!)).toBe(429);
      // Before the fix: 200, the second spelling had 2 slots of its own.
      expect(await status(second!)).toBe(429);
    } finally {
      for (const done of release) done();
    }
  });
});
