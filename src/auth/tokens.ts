// Signing access tokens (contract section 3): HS256 with the configured secret, claims sub, org,
// roles and a required exp.
import { SignJWT } from 'jose';
import type { Role } from './roles.ts';

export const TOKEN_ALGORITHM = 'HS256';

export interface TokenClaims {
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
