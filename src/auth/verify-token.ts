// Verifying bearer tokens (specification, section 3). The token's header decides how: HS256 tokens
// (local use, `tiersight token`) are checked against JWT_SECRET and nothing else; RS256 and ES256
// tokens only against the keys that the configured OpenID Connect provider publishes (its JWKS), with
// its issuer and audience. So an HS256 token "signed" with a provider's public key meets JWT_SECRET and
// fails (alg confusion), and jose refuses `alg: none` and every algorithm not listed. Every token must
// have an exp, may not be issued in the future, and may not live longer than the maximum lifetime.
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { DomainError, unauthenticated } from '../domain/errors.ts';
import { quote } from '../domain/quote.ts';
import { mapProviderClaims } from './oidc-claims.ts';
import type { OidcConfig } from './oidc-config.ts';
import { providerKeys, ProviderKeysUnavailable } from './provider-keys.ts';
import { isRole, ROLES, type Role } from '../domain/roles.ts';
import { formatTtl, maxTokenLifetime, TOKEN_ALGORITHM } from './tokens.ts';

export interface VerifiedToken {
  /**
   * Who sent it, whatever token it sends: the provider's issuer and subject, or for a local token its
   * subject and organization. Rate and concurrency limits count per principal, so a client that
   * fetches a fresh token before each request does not get a fresh budget with each.
   */
  principal: string;
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
  return {
    principal: JSON.stringify(['local', sub, org]),
    userId: sub,
    organizationId: org,
    roles: [...new Set(roles)],
    expiresAt,
  };
}

function providerClaims(
  payload: JWTPayload,
  oidc: OidcConfig,
  expiresAt: number,
): VerifiedToken | DomainError {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub === '') return unauthenticated('The token has no subject (sub).');
  // Keycloak marks its ID tokens so; they carry the client as audience and the user's claims, and
  // travel where access tokens should not (logout URLs, browser history).
  if (typeof payload['typ'] === 'string' && payload['typ'].toLowerCase() === 'id')
    return unauthenticated('The token is an ID token (typ "ID"); send an access token.');
  const mapped = mapProviderClaims(payload, oidc);
  return 'problem' in mapped
    ? unauthenticated(mapped.problem)
    : { principal: JSON.stringify([oidc.issuer, sub]), userId: sub, ...mapped, expiresAt };
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

const ACCESS_TOKEN_TYPES = new Set(['jwt', 'at+jwt', 'application/at+jwt']);

/**
 * The token of a Bearer authorization, or null. The scheme is case-insensitive (RFC 9110, 11.1): a
 * client that writes what its provider answered as token_type may send `bearer`.
 */
export function bearerToken(authorization: string): string | null {
  return /^bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization)?.[1] ?? null;
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
    const token = bearerToken(authorization);
    if (token === null || token.length > MAX_TOKEN_LENGTH) {
      return unauthenticated('Malformed Authorization header; expected "Bearer <token>".');
    }
    const common = {
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    };
    const seconds = Math.floor(now.getTime() / 1000);
    try {
      const { alg, typ } = decodeProtectedHeader(token);
      // RFC 9068 names access tokens `at+jwt`; any other declared type is some other token.
      if (typ !== undefined && !ACCESS_TOKEN_TYPES.has(typ.toLowerCase()))
        return unauthenticated(`The token's type (typ ${quote(typ)}) is not an access token's.`);
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
