// Every read that depends on who is asking. Each method is one Cypher round trip with visibility
// decided inside the traversal (see visibility-cypher.ts), evaluated at one instant.
import type { Organization, SupplyLink } from '../../domain/model.ts';
import { cypher, type CypherQuery } from '../cypher.ts';
import type { Executor, QueryContext } from '../executor.ts';
import { mapLink, mapOrganization, toNeo4jDateTime } from './mappers.ts';
import {
  DISCLOSED,
  HOLDS,
  LINK_PROJECTION,
  ORGANIZATION_PROJECTION,
  UPSTREAM_HOP,
  VIEWER_GRANTS,
  X_REACHABLE_FROM_ROOTS,
} from './visibility-cypher.ts';

export const MAX_DEPTH = 20;

/**
 * Walks upstream from root x: one shortest-path search that visits each organization once at its
 * smallest tier (its cost grows with the visible subgraph, not with the number of paths), then the
 * disclosed links into every organization above the last tier. The quantifier bound must be a literal
 * in Cypher, so there is one statement per depth (MAX_DEPTH in all), differing only in that bound.
 */
const SUPPLY_CHAIN_TEMPLATE =
  VIEWER_GRANTS +
  `
MATCH (x:Organization {id: $root})
WHERE x = v OR x IN owners OR ` +
  X_REACHABLE_FROM_ROOTS +
  `
CALL (v, whole, shared, x) {
  MATCH p = ANY SHORTEST (x)` +
  UPSTREAM_HOP +
  `{1,DEPTH}(found)
  WHERE found <> x
  WITH found, length(p) AS tier
  ORDER BY tier, found.name, found.id
  RETURN collect({node: found, tier: tier, organization: found ` +
  ORGANIZATION_PROJECTION +
  `}) AS reached
}
CALL (v, whole, shared, x, reached) {
  UNWIND [x] + [e IN reached WHERE e.tier < $depth | e.node] AS c
  MATCH (c)<-[l:SUPPLIES]-(s)
  WHERE ` +
  DISCLOSED +
  `
  WITH l, s, c ORDER BY l.id
  RETURN collect(` +
  LINK_PROJECTION +
  `) AS links
}
RETURN x ` +
  ORGANIZATION_PROJECTION +
  ` AS root, [e IN reached | {organization: e.organization, tier: e.tier}] AS reached, links`;

export const SUPPLY_CHAIN_BY_DEPTH: readonly CypherQuery[] = Array.from({ length: MAX_DEPTH }, (_, i) =>
  cypher(`visibility.supplyChain.depth${i + 1}`, SUPPLY_CHAIN_TEMPLATE.replace('{1,DEPTH}', `{1,${i + 1}}`)),
);

/** Rule 5 for a batch of ids: which of them the viewer may look up. */
const VISIBLE_ORGANIZATIONS = cypher(
  'visibility.visibleOrganizations',
  VIEWER_GRANTS +
    `
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WHERE x = v OR x IN owners
   OR EXISTS { MATCH (v)-[l:SUPPLIES]->(x) WHERE ` +
    HOLDS +
    ` }
   OR ` +
    X_REACHABLE_FROM_ROOTS +
    `
RETURN x ` +
    ORGANIZATION_PROJECTION +
    ` AS organization`,
);

/** Rule 2: the viewer and the owners of its active shares. */
const ROOTS = cypher(
  'visibility.roots',
  VIEWER_GRANTS +
    `
UNWIND [v] + owners AS x
WITH DISTINCT x, x = v AS isViewer
ORDER BY isViewer DESC, x.name
RETURN x ` +
    ORGANIZATION_PROJECTION +
    ` AS organization`,
);

export interface ReachedOrganization {
  organization: Organization;
  tier: number;
}

export interface SupplyChainResult {
  root: Organization;
  reached: ReachedOrganization[];
  links: SupplyLink[];
}

/** Who is looking and at which instant; every visibility query takes one. */
export interface ViewerScope {
  viewerId: string;
  instant: Date;
  /** True for an explicit instant in the past (asOf); false for "now". */
  historical: boolean;
  context: QueryContext;
}

const scopeParams = (scope: ViewerScope) => ({
  viewer: scope.viewerId,
  t: toNeo4jDateTime(scope.instant),
  historical: scope.historical,
});

export class VisibilityRepository {
  constructor(private readonly executor: Executor) {}

  /** The chain of `rootId` to `depth` tiers, or null when the viewer may not use that root. */
  async supplyChain(scope: ViewerScope, rootId: string, depth: number): Promise<SupplyChainResult | null> {
    const query = SUPPLY_CHAIN_BY_DEPTH[depth - 1];
    if (query === undefined) throw new RangeError(`depth must be 1..${MAX_DEPTH}, got ${depth}`);
    const [record] = await this.executor.read(
      query,
      { ...scopeParams(scope), root: rootId, depth },
      scope.context,
    );
    if (record === undefined) return null;
    const reached = record.get('reached') as { organization: Record<string, unknown>; tier: number }[];
    return {
      root: mapOrganization(record.get('root') as Record<string, unknown>),
      reached: reached.map((e) => ({ organization: mapOrganization(e.organization), tier: e.tier })),
      links: (record.get('links') as Record<string, unknown>[]).map(mapLink),
    };
  }

  /** The organizations among `ids` that the viewer may look up (rule 5), in no particular order. */
  async visibleOrganizations(scope: ViewerScope, ids: readonly string[]): Promise<Organization[]> {
    const records = await this.executor.read(
      VISIBLE_ORGANIZATIONS,
      { ...scopeParams(scope), ids },
      scope.context,
    );
    return records.map((r) => mapOrganization(r.get('organization') as Record<string, unknown>));
  }

  async roots(scope: ViewerScope): Promise<Organization[]> {
    const records = await this.executor.read(ROOTS, scopeParams(scope), scope.context);
    return records.map((r) => mapOrganization(r.get('organization') as Record<string, unknown>));
  }
}
