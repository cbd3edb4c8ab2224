// Every read that depends on who is asking. Each method is one Cypher round trip with visibility
// decided inside the traversal (see src/graph/visibility-cypher.ts), evaluated at one instant.
import type { Organization, SupplyLink } from '../../domain/model.ts';
import { LINK_ROW, ORGANIZATION_ROW } from '../../graph/columns.ts';
import { column, integer, nullable, UnexpectedRecordError } from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import {
  ALLOWED_ROOT,
  byDepth,
  chainWalk,
  VIEWER_GRANTS,
  scopeParams,
} from '../../graph/visibility-cypher.ts';
import { MAX_DEPTH, type ViewerScope } from '../../domain/viewer-scope.ts';

/** The chain of root x (rules 3 and 4), one row per organization and per link: see `chainWalk`. */
export const SUPPLY_CHAIN_BY_DEPTH = byDepth('visibility.supplyChain', (depth) => [
  VIEWER_GRANTS,
  ALLOWED_ROOT,
  chainWalk(depth),
]);

/** The order of Cypher's ORDER BY on strings (UTF-16 code units, as JavaScript's `<` compares). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ReachedOrganization {
  organization: Organization;
  tier: number;
}

export interface SupplyChainResult {
  root: Organization;
  /** By tier, then name and id. */
  reached: ReachedOrganization[];
  /** By id. */
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
    const records = await this.executor.read(
      query,
      { ...scopeParams(scope, product), root: rootId },
      scope.context,
    );
    if (records.length === 0) return null;
    let root: Organization | undefined;
    const reached: ReachedOrganization[] = [];
    const links: SupplyLink[] = [];
    for (const record of records) {
      const link = column(record, 'link', nullable(LINK_ROW.decode));
      if (link !== null) {
        links.push(link);
        continue;
      }
      const tier = column(record, 'tier', integer);
      const organization = column(record, 'organization', ORGANIZATION_ROW.decode);
      if (tier === 0) root = organization;
      else reached.push({ organization, tier });
    }
    if (root === undefined) throw new UnexpectedRecordError(`${query.name} returned no root row`);
    reached.sort(
      (a, b) =>
        a.tier - b.tier ||
        byText(a.organization.name, b.organization.name) ||
        byText(a.organization.id, b.organization.id),
    );
    links.sort((a, b) => byText(a.id, b.id));
    return { root, reached, links };
  }
}
