// Settings for access tokens from an OpenID Connect provider (Entra ID, Keycloak, …), checked as a
// whole so that src/config.ts can report every problem at start-up. The values come from config.ts,
// the only module that reads the environment.
import { isRole, ROLES, type Role } from '../domain/roles.ts';
import { quote } from '../domain/quote.ts';

export interface OidcConfig {
  /** Compared exactly with the token's `iss`. */
  issuer: string;
  /** Must appear in the token's `aud`. */
  audience: string;
  /** The provider's JSON Web Key Set (https, or http on a loopback host). */
  jwksUrl: string;
  /** Path of the claim naming the organization; dots descend into objects (`tiersight.org`). */
  orgClaim: string;
  /** Path of the claim listing roles, e.g. `roles` (Entra ID) or `realm_access.roles` (Keycloak). */
  rolesClaim: string;
  /** Provider role → Tiersight roles; null: provider roles named like Tiersight roles count as those. */
  roleMap: ReadonlyMap<string, readonly Role[]> | null;
  /** Org-claim value → organization id; null: the claim holds the organization id itself. */
  orgMap: ReadonlyMap<string, string> | null;
}

export const OIDC_VARIABLES = [
  'OIDC_ISSUER',
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URL',
  'OIDC_ORG_CLAIM',
  'OIDC_ROLES_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_ORG_MAP',
] as const;
type OidcVariables = Partial<Record<(typeof OIDC_VARIABLES)[number], string>>;

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const CLAIM_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

function parseUrl(name: string, raw: string, problems: string[]): URL | null {
  try {
    return new URL(raw);
  } catch {
    problems.push(`${name} must be a URL, got ${quote(raw)}`);
    return null;
  }
}

/** `from=to,from2=to2` into pairs; `decode` returns null for a `to` that is not `expected`. */
function parsePairs<T>(
  name: string,
  raw: string,
  decode: (to: string) => T | null,
  expected: string,
  problems: string[],
): [string, T][] {
  const pairs: [string, T][] = [];
  for (const entry of raw.split(',')) {
    const match = /^\s*([^=]+?)\s*=\s*([^=]+?)\s*$/.exec(entry);
    const to = match ? decode(match[2]!) : null;
    if (match && to !== null) pairs.push([match[1]!, to]);
    else if (match) problems.push(`${name}: ${quote(match[2])} in ${quote(entry.trim())} is not ${expected}`);
    else problems.push(`${name}: entry ${quote(entry.trim())} is not provider-value=tiersight-value`);
  }
  return pairs;
}

/** The OIDC settings, or null when OIDC_ISSUER is unset (HS256 tokens only); problems are appended. */
export function parseOidcConfig(vars: OidcVariables, problems: string[]): OidcConfig | null {
  const issuer = vars.OIDC_ISSUER;
  if (issuer === undefined) {
    const stray = OIDC_VARIABLES.filter((name) => vars[name] !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(', ')} set but OIDC_ISSUER is not`);
    return null;
  }
  const before = problems.length;
  parseUrl('OIDC_ISSUER', issuer, problems);
  const audience = vars.OIDC_AUDIENCE;
  if (audience === undefined) problems.push('OIDC_AUDIENCE is required with OIDC_ISSUER');
  const jwksUrl = vars.OIDC_JWKS_URL;
  if (jwksUrl === undefined) {
    problems.push('OIDC_JWKS_URL is required with OIDC_ISSUER (the provider’s jwks_uri)');
  } else {
    const url = parseUrl('OIDC_JWKS_URL', jwksUrl, problems);
    if (
      url &&
      url.protocol !== 'https:' &&
      !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))
    ) {
      problems.push(`OIDC_JWKS_URL must use https (http only on a loopback host), got ${quote(jwksUrl)}`);
    }
  }
  const orgClaim = vars.OIDC_ORG_CLAIM ?? 'org';
  const rolesClaim = vars.OIDC_ROLES_CLAIM ?? 'roles';
  for (const [name, path] of [
    ['OIDC_ORG_CLAIM', orgClaim],
    ['OIDC_ROLES_CLAIM', rolesClaim],
  ] as const) {
    if (!CLAIM_PATH.test(path))
      problems.push(`${name} must be a claim name or dotted path, got ${quote(path)}`);
  }
  let roleMap: Map<string, Role[]> | null = null;
  if (vars.OIDC_ROLE_MAP !== undefined) {
    roleMap = new Map();
    const role = (to: string) => (isRole(to) ? to : null);
    const expected = `one of ${ROLES.join(', ')}`;
    for (const [from, to] of parsePairs('OIDC_ROLE_MAP', vars.OIDC_ROLE_MAP, role, expected, problems)) {
      roleMap.set(from, [...(roleMap.get(from) ?? []), to]);
    }
  }
  let orgMap: Map<string, string> | null = null;
  if (vars.OIDC_ORG_MAP !== undefined) {
    orgMap = new Map();
    const id = (to: string) => to;
    for (const [from, to] of parsePairs('OIDC_ORG_MAP', vars.OIDC_ORG_MAP, id, 'an id', problems)) {
      if (orgMap.has(from)) problems.push(`OIDC_ORG_MAP: ${quote(from)} is mapped twice`);
      orgMap.set(from, to);
    }
  }
  if (problems.length > before || audience === undefined || jwksUrl === undefined) return null;
  return { issuer, audience, jwksUrl, orgClaim, rolesClaim, roleMap, orgMap };
}
