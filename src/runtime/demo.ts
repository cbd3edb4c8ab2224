// The demo: the scenario in seed/demo-scenario.json (docs/demo-scenario.md) and who may be signed in
// as one of its organizations in local demo mode. The scenario is data, read as a user's file is: it
// goes through the same reader, validation, writer and import run as `tiersight import`.
import type { Config } from '../config.ts';
import type { Role } from '../domain/roles.ts';
import { maxTokenLifetime, signToken } from '../auth/tokens.ts';
import type { ImportRepository } from '../import/import-repository.ts';
import { importGraph, type ImportOrigin, type ImportOutcome } from '../import/import-graph.ts';
import { fileSource, readFileItems } from '../import/read-records.ts';
import { checkOrganization } from '../import/record-rules.ts';
import { DEMO_SCENARIO_PATH } from './paths.ts';

const DEMO_ORIGIN: ImportOrigin = { source: 'the demo scenario', command: 'tiersight seed' };

/** What a demo token grants: reading an organization's view and managing its shares. */
export const DEMO_ROLES: readonly Role[] = ['analyst', 'supplier_admin'];
/** A demo token's lifetime, unless JWT_MAX_LIFETIME is shorter. */
const DEMO_TOKEN_TTL_SECONDS = 12 * 3600;

export interface DemoOrganization {
  id: string;
  name: string;
  type: string;
  country: string;
}

export function loadDemoScenario(repository: ImportRepository, reset: boolean): Promise<ImportOutcome> {
  return importGraph(fileSource(DEMO_SCENARIO_PATH), repository, { origin: DEMO_ORIGIN, reset });
}

/**
 * The scenario's organizations in file order: the identities a demo token may be signed for. The first
 * is the viewer the story is told from (Region Stockholm), whose token `serve` prints.
 */
export async function readDemoOrganizations(path = DEMO_SCENARIO_PATH): Promise<DemoOrganization[]> {
  const organizations: DemoOrganization[] = [];
  for await (const item of readFileItems(path)) {
    if (item.kind !== 'record' || item.section !== 'organizations') continue;
    const { record, problems } = checkOrganization(item.value);
    if (record === null) throw new Error(`${path}: organizations[${item.index}] ${problems.join('; ')}`);
    organizations.push({ id: record.id, name: record.name, type: record.type, country: record.country });
  }
  return organizations;
}

/** A token for a demo organization with the demo roles, as long as the server accepts (at most 12 h). */
export async function signDemoToken(
  jwt: Pick<Config['jwt'], 'secret' | 'maxLifetimeSeconds'>,
  organizationId: string,
): Promise<{ token: string; ttl: number }> {
  const ttl = Math.min(DEMO_TOKEN_TTL_SECONDS, maxTokenLifetime(jwt));
  const claims = { sub: `demo@${organizationId}`, org: organizationId, roles: [...DEMO_ROLES] };
  return { token: await signToken(claims, jwt.secret, ttl), ttl };
}
