// Verifying bearer tokens (specification, section 3). The token's header decides how: HS256 tokens
// (local use, `tiersight token`) are checked against JWT_SECRET and nothing else; RS256 and ES256
// tokens only against the keys that the configured OpenID Connect provider publishes (its JWKS), with
// its issuer and audience. So an HS256 token "signed" with a provider's public key meets JWT_SECRET and
// fails (alg confusion), and jose refuses `alg: none` and every algorithm not listed. Every token must
// have an exp, may not be issued in the future, and may not live longer than the maximum lifetime.
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { DomainError, unauthenticated } from '../domain/errors.ts';
import { mapProviderClaims } from './oidc-claims.ts';
import type { OidcConfig } from './oidc-config.ts';
import { isRole, ROLES, type Role } from '../domain/roles.ts';
import { formatTtl, maxTokenLifetime, TOKEN_ALGORITHM } from './tokens.ts';

export interface VerifiedToken {
  userId: string;
  organizationId: string;
  roles: Role[];
  /** The token's exp (seconds since the epoch). */
  expiresAt: number;
}

export interface TokenSettings {
  /** HS256 secret (JWT_SECRET). */
  secret: string;
  /** Longest exp − iat accepted (JWT_MAX_LIFETIME); absent: 24 h. */
  maxLifetimeSeconds?: number;
  /** Provider whose RS256/ES256 access tokens are accepted; absent or null: HS256 tokens only. */
  oidc?: OidcConfig | null;
}

export type TokenVerifier = (
  authorization: string | undefined,
  now?: Date,
) => Promise<VerifiedToken | DomainError>;

const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_LENGTH = 8_192;
const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];
const INVALID = 'The token is invalid (malformed, badly signed or of an unsupported algorithm).';

/** The provider's keys could not be had: not the token's fault, so not UNAUTHENTICATED. */
class ProviderKeysUnavailable extends Error {}

/**
 * The provider's JWKS through jose: cached (refetched when older than 10 minutes) and refetched at
 * most every 30 s when a token names a key id it does not hold, which is how a rotation shows up.
 */
function providerKeys(jwksUrl: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl));
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new ProviderKeysUnavailable(`JWKS ${jwksUrl} unavailable`, { cause: error });
    }
  };
}

/** The token's exp, or what is wrong with its times beyond what jose checks (exp, nbf). */
function checkLifetime(payload: JWTPayload, now: number, maxLifetimeSeconds: number): number | DomainError {
  const { iat, exp } = payload;
  if (typeof exp !== 'number') return unauthenticated('The token has no expiry (exp).');
  if (iat !== undefined && iat > now + CLOCK_TOLERANCE_SECONDS) {
    return unauthenticated('The token is issued in the future (iat).');
  }
  return exp - (iat ?? now) > maxLifetimeSeconds
    ? unauthenticated(
        `The token lives longer than the ${formatTtl(maxLifetimeSeconds)} this server accepts (exp − iat).`,
      )
    : exp;
}

function localClaims(payload: JWTPayload, expiresAt: number): VerifiedToken | DomainError {
  const { sub, org, roles } = payload;
  if (typeof sub !== 'string' || sub === '') return unauthenticated('The token has no subject (sub).');
  if (typeof org !== 'string' || org === '') return unauthenticated('The token names no organization (org).');
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    return unauthenticated(`The token roles claim must be an array of ${ROLES.join(', ')}.`);
  }
  return { userId: sub, organizationId: org, roles: [...new Set(roles)], expiresAt };
}

function providerClaims(
  payload: JWTPayload,
  oidc: OidcConfig,
  expiresAt: number,
): VerifiedToken | DomainError {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub === '') return unauthenticated('The token has no subject (sub).');
  const mapped = mapProviderClaims(payload, oidc);
  return 'problem' in mapped ? unauthenticated(mapped.problem) : { userId: sub, ...mapped, expiresAt };
}

function describeFailure(error: unknown): DomainError {
  if (error instanceof ProviderKeysUnavailable) {
    return new DomainError(
      'SERVICE_UNAVAILABLE',
      'The identity provider’s signing keys could not be fetched; try again shortly.',
      { cause: error },
    );
  }
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(`The token is invalid: ${error.message}.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated('The token is signed with a key that the identity provider does not publish.');
  }
  return unauthenticated(INVALID);
}

export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const secret = new TextEncoder().encode(settings.secret);
  const maxLifetimeSeconds = maxTokenLifetime(settings);
  const provider = settings.oidc
    ? { config: settings.oidc, keys: providerKeys(settings.oidc.jwksUrl) }
    : null;

  return async (authorization, now = new Date()) => {
    if (authorization === undefined || authorization === '') {
      return unauthenticated('Missing Authorization header; send "Authorization: Bearer <token>".');
    }
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization)?.[1];
    if (token === undefined || token.length > MAX_TOKEN_LENGTH) {
      return unauthenticated('Malformed Authorization header; expected "Bearer <token>".');
    }
    const common = {
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    };
    const seconds = Math.floor(now.getTime() / 1000);
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg === TOKEN_ALGORITHM) {
        const { payload } = await jwtVerify(token, secret, { ...common, algorithms: [TOKEN_ALGORITHM] });
        const exp = checkLifetime(payload, seconds, maxLifetimeSeconds);
        return typeof exp === 'number' ? localClaims(payload, exp) : exp;
      }
      if (provider !== null && alg !== undefined && PROVIDER_ALGORITHMS.includes(alg)) {
        const { payload } = await jwtVerify(token, provider.keys, {
          ...common,
          algorithms: PROVIDER_ALGORITHMS,
          issuer: provider.config.issuer,
          audience: provider.config.audience,
        });
        const exp = checkLifetime(payload, seconds, maxLifetimeSeconds);
        return typeof exp === 'number' ? providerClaims(payload, provider.config, exp) : exp;
      }
      return unauthenticated(INVALID);
    } catch (error) {
      return describeFailure(error);
    }
  };
}
