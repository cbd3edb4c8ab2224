// The identity provider's signing keys (its JWKS) through jose's remote key set, which caches them for
// 10 minutes and fetches again at most every 30 s when a token names a key id it does not hold (a
// rotation). jose counts both from the last fetch that *succeeded*, and fetches before any signature is
// checked: while the provider failed, every request whose token merely said RS256 fetched the key set
// again, so anyone could turn their requests into requests to a provider already in trouble, and when
// the provider was down at the 10-minute refresh every provider user was refused although the keys had
// not changed. So here a failed fetch also holds off the next one for FAILED_FETCH_PAUSE_MS, and while
// fetches fail the keys last fetched keep verifying for up to STALE_KEYS_MAX_AGE_MS (stale-if-error;
// a key the provider withdraws stops working once it answers again).
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  type FetchImplementation,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';

/** How long after a failed fetch of the key set the provider is left alone. */
const FAILED_FETCH_PAUSE_MS = 30_000;
/** How long the keys of the last good fetch keep verifying while later fetches fail. */
const STALE_KEYS_MAX_AGE_MS = 60 * 60_000;

/** The provider's keys could not be had: not the token's fault, so not UNAUTHENTICATED. */
export class ProviderKeysUnavailable extends Error {}

const isKeySet = (value: unknown): value is JSONWebKeySet =>
  typeof value === 'object' && value !== null && 'keys' in value && Array.isArray(value.keys);

export function providerKeys(jwksUrl: string, now: () => number = Date.now): JWTVerifyGetKey {
  let failedAt: number | null = null;
  let lastGood: { at: number; keys: JWTVerifyGetKey } | null = null;

  const fetchKeySet: FetchImplementation = async (url, options) => {
    const at = now();
    if (failedAt !== null && at - failedAt < FAILED_FETCH_PAUSE_MS)
      throw new Error(`the last fetch of ${jwksUrl} failed less than ${FAILED_FETCH_PAUSE_MS / 1000} s ago`);
    try {
      const response = await fetch(url, options);
      const text = await response.text();
      const parsed: unknown = response.status === 200 ? JSON.parse(text) : null;
      if (!isKeySet(parsed)) throw new Error(`${jwksUrl} answered HTTP ${response.status} without a key set`);
      failedAt = null;
      lastGood = { at, keys: createLocalJWKSet(parsed) };
      return new Response(text, { status: 200, headers: response.headers });
    } catch (error) {
      failedAt = at;
      throw error;
    }
  };
  const remote = createRemoteJWKSet(new URL(jwksUrl), { [customFetch]: fetchKeySet });

  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
        throw error;
      if (lastGood !== null && now() - lastGood.at < STALE_KEYS_MAX_AGE_MS)
        return lastGood.keys(header, token);
      throw new ProviderKeysUnavailable(`JWKS ${jwksUrl} unavailable`, { cause: error });
    }
  };
}
