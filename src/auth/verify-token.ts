// Verifying bearer tokens (contract section 3). Only HS256 is accepted: jose rejects `alg: none`
// and any algorithm not listed, so a token signed with a public key as an HMAC secret cannot pass.
import { errors, jwtVerify } from 'jose';
import { unauthenticated, type DomainError } from '../domain/errors.ts';
import { isRole, type Role } from './roles.ts';
import { TOKEN_ALGORITHM } from './tokens.ts';

export interface VerifiedToken {
  userId: string;
  organizationId: string;
  roles: Role[];
}

const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_LENGTH = 8_192;

/** The claims of a valid token, or an UNAUTHENTICATED error saying what is wrong with it. */
export async function verifyToken(
  authorization: string | undefined,
  secret: Uint8Array,
): Promise<VerifiedToken | DomainError> {
  if (authorization === undefined || authorization === '') {
    return unauthenticated('Missing Authorization header; send "Authorization: Bearer <token>".');
  }
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization);
  if (!match?.[1] || match[1].length > MAX_TOKEN_LENGTH) {
    return unauthenticated('Malformed Authorization header; expected "Bearer <token>".');
  }
  try {
    const { payload } = await jwtVerify(match[1], secret, {
      algorithms: [TOKEN_ALGORITHM],
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const { sub, org, roles } = payload;
    if (typeof sub !== 'string' || sub === '') return unauthenticated('The token has no subject (sub).');
    if (typeof org !== 'string' || org === '')
      return unauthenticated('The token names no organization (org).');
    if (!Array.isArray(roles) || !roles.every(isRole)) {
      return unauthenticated(
        'The token roles claim must be an array of analyst, supplier_admin, platform_admin.',
      );
    }
    return { userId: sub, organizationId: org, roles: [...new Set(roles)] };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired.');
    if (error instanceof errors.JWTClaimValidationFailed)
      return unauthenticated(`The token is invalid: ${error.message}.`);
    return unauthenticated('The token is invalid (malformed, badly signed or of an unsupported algorithm).');
  }
}
