// Every read that depends on who is asking. Each method is one Cypher round trip with visibility
// decided inside the traversal (see src/graph/visibility-cypher.ts), evaluated at one instant.
import type { Organization, SupplyLink } from '../../domain/model.ts';
import { LINK, ORGANIZATION } from '../../graph/columns.ts';
import { cypher } from '../../graph/cypher.ts';
import { column, fields, list, integer } from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import {
  ALLOWED_ROOT,
  byDepth,
  DISCLOSED_IN_PRODUCT,
  reached,
  VIEWER_GRANTS,
  scopeParams,
} from '../../graph/visibility-cypher.ts';
import { MAX_DEPTH, type ViewerScope } from '../../domain/viewer-scope.ts';

/**
 * The chain of root x: the organizations of `reached`, then the disclosed links (carrying $product when
 * asked) into the root and every organization above the last tier (rule 4).
 */
export const SUPPLY_CHAIN_BY_DEPTH = byDepth('visibility.supplyChain', (depth) => [
  VIEWER_GRANTS,
  ALLOWED_ROOT,
  reached(depth),
  cypher`
CALL (v, whole, shared, x, reached) {
  UNWIND [x] + [e IN reached WHERE e.tier < $depth | e.node] AS c
  MATCH (c)<-[l:SUPPLIES]-(s)
  WHERE `,
  DISCLOSED_IN_PRODUCT,
  cypher`
  WITH l, s, c ORDER BY l.id
  RETURN collect(l `,
  LINK.projection,
  cypher`) AS links
}
RETURN x `,
  ORGANIZATION.projection,
  cypher` AS root, [e IN reached | {organization: e.organization, tier: e.tier}] AS reached, links`,
]);

const reachedColumn = list(fields({ organization: ORGANIZATION.decode, tier: integer }));

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
    return {
      root: column(record, 'root', ORGANIZATION.decode),
      reached: column(record, 'reached', reachedColumn),
      links: column(record, 'links', list(LINK.decode)),
    };
  }
}
