// Which of a viewer's roots have an organization in their chain, and at which tier: the question a
// monitor or researcher asks of a factory (DanWatch found forced labour there: whose chains hold it?).
import { byText } from './text-order.ts';

/** A link as the walk crossed it: its supplier and its customer. */
export interface CrossedLink {
  supplierId: string;
  customerId: string;
}

/** A root whose chain holds the organization asked about, at its smallest tier (1..maxDepth). */
export interface RootReach {
  rootId: string;
  tier: number;
}

/**
 * The roots among `rootIds` whose chain holds `targetId` within `maxDepth` tiers, with its tier there:
 * the length of a shortest path of `links` from the target down to the root, found by a breadth-first
 * walk from the target toward its customers. The target is never in its own chain (tier 0 is the
 * root), as in its supplyChain. Nearest first, then by id.
 */
export function rootsReaching(
  targetId: string,
  rootIds: readonly string[],
  links: readonly CrossedLink[],
  maxDepth: number,
): RootReach[] {
  const customers = new Map<string, string[]>();
  for (const { supplierId, customerId } of links) {
    const listed = customers.get(supplierId);
    if (listed === undefined) customers.set(supplierId, [customerId]);
    else listed.push(customerId);
  }
  // The target's tier in each organization's chain; 0 in its own, which does not count.
  const tier = new Map<string, number>([[targetId, 0]]);
  let frontier = [targetId];
  for (let k = 1; frontier.length > 0 && k <= maxDepth; k++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const customer of customers.get(id) ?? [])
        if (!tier.has(customer)) {
          tier.set(customer, k);
          next.push(customer);
        }
    frontier = next;
  }
  return [...new Set(rootIds)]
    .flatMap((rootId) => {
      const found = tier.get(rootId);
      return found === undefined || found === 0 ? [] : [{ rootId, tier: found }];
    })
    .sort((a, b) => a.tier - b.tier || byText(a.rootId, b.rootId));
}
