// Per-request DataLoaders for organizations. Each batch is one Cypher statement and returns one value
// per key, in key order (null for ids that are missing or, for `visible`, hidden from the viewer).
import DataLoader from 'dataloader';
import type { Organization, RiskIndicator } from '../../domain/model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import type { OrganizationRepository, RiskKey } from './organization-repository.ts';

export const inKeyOrder = (keys: readonly string[], found: Organization[]): (Organization | null)[] => {
  const byId = new Map(found.map((o) => [o.id, o]));
  return keys.map((key) => byId.get(key) ?? null);
};

export interface OrganizationLoaders {
  /** Organizations the viewer already reached through a visibility query (link ends, path members). */
  byId: DataLoader<string, Organization | null>;
  /** Client-supplied ids: only those the viewer may look up (contract rule 5). */
  visible: DataLoader<string, Organization | null>;
  /** Risk indicators of organizations the viewer already sees (empty list when none). */
  risks: DataLoader<RiskKey, RiskIndicator[], string>;
}

export function createOrganizationLoaders(
  organizations: OrganizationRepository,
  scope: ViewerScope,
): OrganizationLoaders {
  return {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await organizations.byIds(ids, scope.context)), {
      maxBatchSize: 5_000,
    }),
    visible: new DataLoader(
      async (ids) => inKeyOrder(ids, await organizations.visibleOrganizations(scope, ids)),
      {
        maxBatchSize: 1_000,
      },
    ),
    risks: new DataLoader((keys) => organizations.risksByOrganization(keys, scope.context), {
      maxBatchSize: 5_000,
      cacheKeyFn: ({ organizationId, asOf }) => `${organizationId}@${asOf?.toISOString() ?? 'now'}`,
    }),
  };
}

/** Lets organizations that a query returned in full skip a second fetch by id. */
export function prime(loaders: OrganizationLoaders, organizations: Iterable<Organization>): void {
  for (const organization of organizations) loaders.byId.prime(organization.id, organization);
}
