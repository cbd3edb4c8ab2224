import { badInput, notFound } from '../domain/errors.ts';
import type { SupplyChain, Tier } from '../domain/model.ts';
import {
  MAX_DEPTH,
  type ViewerScope,
  type VisibilityRepository,
} from '../graph/repositories/visibility-repository.ts';
import { prime, type OrganizationLoaders } from './organization-loaders.ts';

/** The same answer for a hidden root and a missing one (contract rule 6). */
export const ROOT_NOT_FOUND = 'Organization not found';

export function checkDepth(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_DEPTH) {
    throw badInput(`maxDepth must be a whole number from 1 to ${MAX_DEPTH}, got ${maxDepth}`);
  }
  return maxDepth;
}

export class SupplyChainService {
  constructor(
    private readonly visibility: VisibilityRepository,
    private readonly scope: ViewerScope,
    private readonly loaders: OrganizationLoaders,
  ) {}

  async supplyChain(rootId: string | null | undefined, maxDepth: number): Promise<SupplyChain> {
    const depth = checkDepth(maxDepth);
    const result = await this.visibility.supplyChain(this.scope, rootId ?? this.scope.viewerId, depth);
    if (result === null) throw notFound('Organization');
    prime(this.loaders, [result.root, ...result.reached.map((e) => e.organization)]);
    const tiers: Tier[] = [];
    for (const { organization, tier } of result.reached) {
      // reached is ordered by tier, so tiers fill in order with no gaps (a tier k+1 needs a tier k).
      (tiers[tier - 1] ??= { tier, organizations: [] }).organizations.push(organization);
    }
    return { root: result.root, depth: tiers.length, tiers, links: result.links };
  }
}
