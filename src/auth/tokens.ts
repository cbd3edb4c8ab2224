// Signing access tokens (specification, section 3): HS256 with the configured secret, claims sub, org,
// roles and a required exp.
import { SignJWT } from 'jose';
import type { Role } from '../domain/roles.ts';

export const TOKEN_ALGORITHM = 'HS256';

/** The longest lifetime (exp − iat) a token may have unless JWT_MAX_LIFETIME says otherwise. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** The longest lifetime that tokens may have under these settings (JWT_MAX_LIFETIME). */
export const maxTokenLifetime = (jwt: { maxLifetimeSeconds?: number }): number =>
  jwt.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;

interface TokenClaims {
  sub: string;
  org: string;
  roles: Role[];
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in a duration such as 90s, 15m, 1h or 7d; null when the text is not one. */
export function parseTtl(text: string): number | null {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) return null;
  const seconds = Number(match[1]) * UNITS[match[2]!]!;
  return seconds > 0 && seconds <= 366 * 86_400 ? seconds : null;
}

/** Whole seconds in the largest unit that divides them, as parseTtl reads it: 86400 → 1d, 5400 → 90m. */
export function formatTtl(seconds: number): string {
  const [unit, size] = Object.entries(UNITS)
    .reverse()
    .find(([, size]) => seconds % size === 0)!;
  return `${seconds / size}${unit}`;
}

export async function signToken(
  claims: TokenClaims,
  secret: string,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ org: claims.org, roles: claims.roles })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
