// Verifying an HS256 token costs an HMAC, base64 and JSON work on every request (6 % of the API's CPU
// on the benchmark's mix, where a dashboard sends the same token many times a second). A verified
// token is remembered briefly, keyed by its hash. A hit is only allowed where a fresh verification
// would pass too: at or after the instant it was verified (nbf and iat only get further behind) and
// before its exp. Failures are not remembered: each gets its full, specific answer.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { bearerToken, type TokenVerifier, type VerifiedToken } from './verify-token.ts';

interface TokenCacheOptions {
  /** Tokens remembered at most (least recently used go first). */
  maxEntries: number;
  /**
   * How long a verification is trusted. It bounds how long a token signed with a key that the
   * identity provider has just withdrawn keeps working.
   */
  ttlMs: number;
}

const DEFAULT_TOKEN_CACHE: TokenCacheOptions = { maxEntries: 10_000, ttlMs: 30_000 };

interface Remembered {
  token: VerifiedToken;
  verifiedAt: number;
}

export function cachedTokenVerifier(
  verify: TokenVerifier,
  { maxEntries, ttlMs }: TokenCacheOptions = DEFAULT_TOKEN_CACHE,
): TokenVerifier {
  if (maxEntries === 0 || ttlMs === 0) return verify;
  const cache = new LRUCache<string, Remembered>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false });
  return async (authorization, now = new Date()) => {
    const token = authorization === undefined ? null : bearerToken(authorization);
    if (token === null) return verify(authorization, now);
    // By the token, not the header: `bearer` and `Bearer` send the same one.
    const key = createHash('sha256').update(token).digest('base64url');
    const at = now.getTime();
    const hit = cache.get(key);
    if (hit !== undefined && at >= hit.verifiedAt && at < hit.token.expiresAt * 1000) return hit.token;
    const result = await verify(authorization, now);
    if ('organizationId' in result) cache.set(key, { token: result, verifiedAt: at });
    return result;
  };
}
