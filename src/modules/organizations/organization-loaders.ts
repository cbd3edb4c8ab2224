// Per-request DataLoaders for organizations. Each batch is one Cypher statement and returns one value
// per key, in key order (null for ids that are missing or, for `visible`, hidden from the viewer).
import DataLoader from 'dataloader';
import { DomainError } from '../../domain/errors.ts';
import type { Organization, RiskIndicator } from '../../domain/model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import type { MergedIdRepository } from './merged-id-repository.ts';
import type { OrganizationRepository, RiskKey } from './organization-repository.ts';

export const inKeyOrder = (keys: readonly string[], found: Organization[]): (Organization | null)[] => {
  const byId = new Map(found.map((o) => [o.id, o]));
  return keys.map((key) => byId.get(key) ?? null);
};

export interface OrganizationLoaders {
  /** Organizations the viewer already reached through a visibility query (link ends, path members). */
  byId: DataLoader<string, Organization | null>;
  /**
   * Client-supplied ids: only those the viewer may look up (visibility rule 5), a merged organization's
   * id standing for the organization it was merged into.
   */
  visible: DataLoader<string, Organization | null>;
  /**
   * Client-supplied ids as for `visible`, without the directory cards of listed organizations: for
   * answers that only an organization the viewer may look up has (its facility record).
   */
  lookable: DataLoader<string, Organization | null>;
  /** `lookable` as of another instant (a dated answer): rule 5 as it held then, one read per instant. */
  lookableAt: DataLoader<{ id: string; asOf: Date }, Organization | null, string>;
  /** Organizations named as actors by events the viewer sees (ids resolved through merges), as it may see them. */
  actors: DataLoader<string, Organization | null>;
  /** The id a client-supplied id stands for now: itself, or the kept organization of a merge. */
  kept: DataLoader<string, string>;
  /**
   * Risk indicators of organizations the viewer already sees, whole or as a listed organization's
   * directory card (empty list when none).
   */
  risks: DataLoader<RiskKey, RiskIndicator[], string>;
  /**
   * Keeps for `risksFetched` what another statement read of the risk indicators of `ids` as recorded
   * at `asOf` (null: now), by organization id (none listed: none), as `risks` would have loaded it.
   */
  keepRisks(ids: readonly string[], asOf: Date | null, found: ReadonlyMap<string, RiskIndicator[]>): void;
  /** What `keepRisks` kept for this organization and instant, or undefined. */
  risksFetched(id: string, asOf: Date | null): readonly RiskIndicator[] | undefined;
}

const NONE: readonly never[] = [];

export function createOrganizationLoaders(
  organizations: OrganizationRepository,
  merged: MergedIdRepository,
  scope: ViewerScope,
): OrganizationLoaders {
  const kept: { time: number | null; listed: Set<string>; found: ReadonlyMap<string, RiskIndicator[]> }[] =
    [];
  /**
   * Rule 5 for client-supplied ids, each resolved through merges, and `withCards` the directory card of
   * a listed organization beyond it. A card answers only the id its organization is listed under: an old
   * id merged into a listed organization must not start answering (and show that it existed) where
   * before the merge it answered as missing. So cards are sought by the ids as named, which an old id
   * never finds (no organization has a merged id) at the cost of a missing id's search, and an old id
   * whose batch also names its kept organization directly does not take that card.
   */
  const lookUp = async (ids: readonly string[], withCards: boolean) => {
    const asked = await Promise.all(ids.map((id) => keptId(loaders, id, scope)));
    const named = withCards ? ids : [];
    const { found, cards } = await organizations.visibleOrganizations(
      scope,
      [...new Set(asked)],
      [...new Set(named)],
    );
    const whole = inKeyOrder(asked, found);
    const card = inKeyOrder(named, cards);
    return whole.map((o, i) => o ?? card[i] ?? null);
  };
  const datedKey = ({ id, asOf }: { id: string; asOf: Date }) => `${id}@${asOf.toISOString()}`;
  const lookableAt = async (keys: readonly { id: string; asOf: Date }[]) => {
    // Merges resolve once for the batch (they hold now, whatever the instant); rule 5 once per instant.
    const asked = await Promise.all(keys.map((k) => keptId(loaders, k.id, scope)));
    const found = new Map<string, Organization>();
    for (const time of new Set(keys.map((k) => k.asOf.getTime()))) {
      const asOf = new Date(time);
      const ids = [...new Set(asked.filter((_, i) => keys[i]!.asOf.getTime() === time))];
      const dated = { ...scope, instant: asOf, historical: true };
      for (const organization of (await organizations.visibleOrganizations(dated, ids, [])).found) {
        found.set(datedKey({ id: organization.id, asOf }), organization);
      }
    }
    return keys.map((k, i) => found.get(datedKey({ id: asked[i]!, asOf: k.asOf })) ?? null);
  };
  const loaders: OrganizationLoaders = {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await organizations.byIds(ids, scope.context)), {
      maxBatchSize: 5_000,
    }),
    visible: new DataLoader((ids) => lookUp(ids, true), { maxBatchSize: 1_000 }),
    lookable: new DataLoader((ids) => lookUp(ids, false), { maxBatchSize: 1_000 }),
    lookableAt: new DataLoader(lookableAt, {
      maxBatchSize: 1_000,
      cacheKeyFn: datedKey,
    }),
    actors: new DataLoader(async (ids) => inKeyOrder(ids, await organizations.actors(scope, ids)), {
      maxBatchSize: 1_000,
    }),
    kept: new DataLoader((ids: readonly string[]) => merged.resolve(ids, scope.context), {
      maxBatchSize: 1_000,
    }),
    risks: new DataLoader((keys) => organizations.risksByOrganization(keys, scope.context), {
      maxBatchSize: 5_000,
      cacheKeyFn: ({ organizationId, asOf }) => `${organizationId}@${asOf?.toISOString() ?? 'now'}`,
    }),
    keepRisks: (ids, asOf, found) =>
      kept.push({ time: asOf?.getTime() ?? null, listed: new Set(ids), found }),
    risksFetched: (id, asOf) => {
      const time = asOf?.getTime() ?? null;
      const group = kept.find((k) => k.time === time && k.listed.has(id));
      return group === undefined ? undefined : (group.found.get(id) ?? NONE);
    },
  };
  return loaders;
}

/**
 * The id a client named, resolved through merges (`kept`); the viewer's own id, which names an existing
 * organization (the token was checked), needs no statement.
 */
export const keptId = (loaders: OrganizationLoaders, id: string, scope: ViewerScope): Promise<string> =>
  id === scope.viewerId ? Promise.resolve(id) : loaders.kept.load(id);

/**
 * Runs `write` with the organization a client-named id stands for (`kept`). A merge that commits while
 * the write waits for the merged organization's lock leaves the write naming an id that is gone, which
 * it refuses as unknown, though by then the id stands for the kept organization (as it would, named a
 * moment later). So when an id that was not merged when asked is refused as unknown or not found, it is
 * looked up afresh, and if it has been merged since, the write runs once more with the kept id (a
 * refused write wrote nothing, and released any idempotency key it claimed).
 */
export async function withKeptId<T>(
  loaders: OrganizationLoaders,
  asked: string,
  write: (kept: string) => Promise<T>,
): Promise<T> {
  const kept = await loaders.kept.load(asked);
  try {
    return await write(kept);
  } catch (error) {
    const unknown =
      error instanceof DomainError && (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND');
    if (kept !== asked || !unknown) throw error;
    const now = await loaders.kept.clear(asked).load(asked);
    if (now === asked) throw error;
    return write(now);
  }
}

/** Lets organizations that a query returned in full skip a second fetch by id. */
export function prime(loaders: OrganizationLoaders, organizations: Iterable<Organization>): void {
  for (const organization of organizations) loaders.byId.prime(organization.id, organization);
}
