// Every read that depends on who is asking. Each method is one Cypher round trip with visibility
// decided inside the traversal (see src/graph/visibility.ts), evaluated at one instant.
import type { Organization, SupplyLink } from '../../domain/model.ts';
import type { Executor } from '../../graph/executor.ts';
import { mapLink, mapOrganization } from '../../graph/mappers.ts';
import {
  ALLOWED_ROOT,
  byDepth,
  DISCLOSED,
  IN_PRODUCT,
  LINK_PROJECTION,
  ORGANIZATION_PROJECTION,
  REACHED,
  VIEWER_GRANTS,
  scopeParams,
} from '../../graph/visibility.ts';
import { MAX_DEPTH, type ViewerScope } from '../../domain/viewer-scope.ts';

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

export interface ReachedOrganization {
  organization: Organization;
  tier: number;
}

export interface SupplyChainResult {
  root: Organization;
  reached: ReachedOrganization[];
  links: SupplyLink[];
}

export class SupplyChainRepository {
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
}
