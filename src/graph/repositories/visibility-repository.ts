// Every read that depends on who is asking. Each method is one Cypher round trip with visibility
// decided inside the traversal (see visibility-cypher.ts), evaluated at one instant.
import type { Organization, SupplyLink } from '../../domain/model.ts';
import { cypher } from '../cypher.ts';
import type { Executor, QueryContext } from '../executor.ts';
import { mapLink, mapOrganization, toNeo4jDateTime } from './mappers.ts';
import {
  ALLOWED_ROOT,
  byDepth,
  DISCLOSED,
  IN_PRODUCT,
  LINK_PROJECTION,
  MAX_DEPTH,
  ORGANIZATION_PROJECTION,
  REACHED,
  VIEWER_GRANTS,
  X_VISIBLE,
} from './visibility-cypher.ts';

/**
 * The chain of root x: the organizations of REACHED, then the disclosed links (carrying $product when
 * asked) into the root and every organization above the last tier (rule 4).
 */
export const SUPPLY_CHAIN_BY_DEPTH = byDepth(
  'visibility.supplyChain',
  VIEWER_GRANTS +
    ALLOWED_ROOT +
    REACHED +
    `
CALL (v, whole, shared, x, reached) {
  UNWIND [x] + [e IN reached WHERE e.tier < $depth | e.node] AS c
  MATCH (c)<-[l:SUPPLIES]-(s)
  WHERE ` +
    DISCLOSED +
    ' AND ' +
    IN_PRODUCT +
    `
  WITH l, s, c ORDER BY l.id
  RETURN collect(` +
    LINK_PROJECTION +
    `) AS links
}
RETURN x ` +
    ORGANIZATION_PROJECTION +
    ` AS root, [e IN reached | {organization: e.organization, tier: e.tier}] AS reached, links`,
);

/** Rule 5 for a batch of ids: which of them the viewer may look up. */
const VISIBLE_ORGANIZATIONS = cypher(
  'visibility.visibleOrganizations',
  VIEWER_GRANTS +
    `
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WHERE ` +
    X_VISIBLE +
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

export { MAX_DEPTH };

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

export const scopeParams = (scope: ViewerScope, product: string | null = null) => ({
  viewer: scope.viewerId,
  t: toNeo4jDateTime(scope.instant),
  historical: scope.historical,
  product,
});

export class VisibilityRepository {
  constructor(private readonly executor: Executor) {}

  /** The chain of `rootId` to `depth` tiers, or null when the viewer may not use that root. */
  async supplyChain(
    scope: ViewerScope,
    rootId: string,
    depth: number,
    product: string | null = null,
  ): Promise<SupplyChainResult | null> {
    const query = SUPPLY_CHAIN_BY_DEPTH[depth - 1];
    if (query === undefined) throw new RangeError(`depth must be 1..${MAX_DEPTH}, got ${depth}`);
    const [record] = await this.executor.read(
      query,
      { ...scopeParams(scope, product), root: rootId, depth },
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
