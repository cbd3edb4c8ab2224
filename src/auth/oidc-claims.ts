// A provider's access token names the organization and roles in its own claims; OIDC_ORG_CLAIM,
// OIDC_ROLES_CLAIM, OIDC_ORG_MAP and OIDC_ROLE_MAP say where and how they become Tiersight's.
import type { JWTPayload } from 'jose';
import type { OidcConfig } from './oidc-config.ts';
import { isRole, type Role } from '../domain/roles.ts';

/** The claim literally named `path` (Entra ID's `extn.…`), else the one its dots lead to. */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    const next: unknown = Reflect.get(value, key);
    value = next;
  }
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';

function organizationOf(payload: JWTPayload, config: OidcConfig): string | { problem: string } {
  const claim = claimAt(payload, config.orgClaim);
  const { orgMap } = config;
  if (orgMap === null) {
    return isString(claim) && claim !== ''
      ? claim
      : { problem: `The token names no organization (claim ${config.orgClaim}).` };
  }
  const values = isString(claim) ? [claim] : Array.isArray(claim) ? claim.filter(isString) : [];
  const organizations = new Set(values.flatMap((value) => orgMap.get(value) ?? []));
  if (organizations.size === 1) return [...organizations][0]!;
  return {
    problem:
      organizations.size === 0
        ? `The token's ${config.orgClaim} claim names no organization that OIDC_ORG_MAP knows.`
        : `The token's ${config.orgClaim} claim maps to several organizations.`,
  };
}

function rolesOf(payload: JWTPayload, config: OidcConfig): Role[] | { problem: string } {
  const claim = claimAt(payload, config.rolesClaim);
  // A space-separated string is how `scope`-like claims list their values.
  const names = claim === undefined ? [] : isString(claim) ? claim.split(/\s+/) : claim;
  if (!Array.isArray(names) || !names.every(isString)) {
    return { problem: `The token's ${config.rolesClaim} claim must be a list of strings.` };
  }
  const { roleMap } = config;
  const roles = roleMap === null ? names.filter(isRole) : names.flatMap((name) => roleMap.get(name) ?? []);
  return [...new Set(roles)];
}

/** The Tiersight organization and roles a provider token grants; provider roles with no mapping count for nothing. */
export function mapProviderClaims(
  payload: JWTPayload,
  config: OidcConfig,
): { organizationId: string; roles: Role[] } | { problem: string } {
  const organizationId = organizationOf(payload, config);
  if (typeof organizationId !== 'string') return organizationId;
  const roles = rolesOf(payload, config);
  return Array.isArray(roles) ? { organizationId, roles } : roles;
}
