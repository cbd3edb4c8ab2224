// The paths of `paths(toId)`: the shortest simple walks up a chain from its root to one organization,
// found among the links the chain's walk crossed (every disclosed link into an organization above its
// last tier, which is every link such a walk can take). A search in Cypher would expand every link of
// the organizations on its way, undisclosed ones too, and its work would tell the viewer how many they
// have; this one reads only what the viewer sees.
import { byText } from './text-order.ts';

/** A link as the search needs it: its id and its ends. */
export interface LinkEnds {
  id: string;
  supplierId: string;
  customerId: string;
}

/**
 * Up to `limit` simple paths (no organization twice) from `rootId` up to `targetId` of at most `maxHops`
 * links, shortest first (equal lengths in the order of their links' ids), each as its links root first.
 * Paths of each length are searched depth first, a branch kept only while the target is still near
 * enough to reach in the hops left (its distance over the links, found once backwards from the target),
 * so the work follows the paths found rather than every walk of the chain.
 */
export function shortestSimplePaths(
  rootId: string,
  targetId: string,
  links: readonly LinkEnds[],
  maxHops: number,
  limit: number,
): LinkEnds[][] {
  const up = groupBy(links, (l) => l.customerId);
  const down = groupBy(links, (l) => l.supplierId);
  for (const group of up.values()) group.sort((a, b) => byText(a.id, b.id));
  const distance = distancesTo(targetId, down, maxHops);
  const found: LinkEnds[][] = [];
  const path: LinkEnds[] = [];
  const onPath = new Set([rootId]);
  const search = (at: string, length: number) => {
    if (path.length === length) {
      if (at === targetId) found.push([...path]);
      return;
    }
    if (at === targetId) return;
    for (const link of up.get(at) ?? []) {
      if (found.length === limit) return;
      const next = link.supplierId;
      const left = distance.get(next);
      if (left === undefined || onPath.has(next) || path.length + 1 + left > length) continue;
      path.push(link);
      onPath.add(next);
      search(next, length);
      onPath.delete(next);
      path.pop();
    }
  };
  const nearest = distance.get(rootId);
  if (nearest === undefined || rootId === targetId) return found;
  for (let length = Math.max(nearest, 1); length <= maxHops && found.length < limit; length++) {
    search(rootId, length);
  }
  return found;
}

function groupBy(links: readonly LinkEnds[], key: (link: LinkEnds) => string): Map<string, LinkEnds[]> {
  const groups = new Map<string, LinkEnds[]>();
  for (const link of links) {
    const group = groups.get(key(link));
    if (group === undefined) groups.set(key(link), [link]);
    else group.push(link);
  }
  return groups;
}

/** Hops from each organization up to `targetId`, up to `maxHops`: breadth first, down the links. */
function distancesTo(
  targetId: string,
  down: ReadonlyMap<string, readonly LinkEnds[]>,
  maxHops: number,
): Map<string, number> {
  const distance = new Map([[targetId, 0]]);
  let frontier = [targetId];
  for (let hops = 1; hops <= maxHops && frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const { customerId } of down.get(id) ?? []) {
        if (distance.has(customerId)) continue;
        distance.set(customerId, hops);
        next.push(customerId);
      }
    }
    frontier = next;
  }
  return distance;
}
