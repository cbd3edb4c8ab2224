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
 * links, shortest first, each as its links root first. Yen's k-shortest simple paths over breadth-first
 * searches: each path found is followed by the shortest ones that leave it at one of its organizations,
 * so the work is polynomial (at most limit × maxHops searches of the links) where a depth-first
 * enumeration of walks grows exponentially with the length on a chain with cycles. Equal lengths come in
 * an order fixed by the links' ids (the same links give the same answer).
 */
export function shortestSimplePaths(
  rootId: string,
  targetId: string,
  links: readonly LinkEnds[],
  maxHops: number,
  limit: number,
): LinkEnds[][] {
  if (rootId === targetId || limit < 1) return [];
  const up = new Map<string, LinkEnds[]>();
  for (const link of links) {
    const group = up.get(link.customerId);
    if (group === undefined) up.set(link.customerId, [link]);
    else group.push(link);
  }
  for (const group of up.values()) group.sort((a, b) => byText(a.id, b.id));
  const search = (from: string, hops: number, avoided: ReadonlySet<string>, cut: ReadonlySet<string>) =>
    nearestPath(up, from, targetId, hops, avoided, cut);

  const first = search(rootId, maxHops, new Set(), new Set());
  if (first === null) return [];
  const found: LinkEnds[][] = [first];
  const candidates = new Map<string, LinkEnds[]>();
  const known = new Set([keyOf(first)]);
  while (found.length < limit) {
    const last = found.at(-1)!;
    const organizations = [rootId, ...last.map((l) => l.supplierId)];
    for (let i = 0; i < last.length; i++) {
      const prefix = last.slice(0, i);
      const prefixKey = keyOf(prefix);
      // The next link of every path found with this prefix is cut, so that the spur leaves them all.
      const cut = new Set<string>();
      for (const path of found) {
        if (path.length > i && keyOf(path.slice(0, i)) === prefixKey) cut.add(path[i]!.id);
      }
      const spur = search(organizations[i]!, maxHops - i, new Set(organizations.slice(0, i)), cut);
      if (spur === null) continue;
      const path = [...prefix, ...spur];
      const key = keyOf(path);
      if (!known.has(key)) {
        known.add(key);
        candidates.set(key, path);
      }
    }
    const next = bestOf(candidates);
    if (next === null) break;
    candidates.delete(next.key);
    found.push(next.path);
  }
  return found;
}

/** Link ids in order: one key per path (ids hold no control characters). */
const keyOf = (path: readonly LinkEnds[]) => path.map((l) => l.id).join('\n');

function bestOf(candidates: ReadonlyMap<string, LinkEnds[]>): { key: string; path: LinkEnds[] } | null {
  let best: { key: string; path: LinkEnds[] } | null = null;
  for (const [key, path] of candidates) {
    if (
      best === null ||
      path.length < best.path.length ||
      (path.length === best.path.length && byText(key, best.key) < 0)
    )
      best = { key, path };
  }
  return best;
}

/**
 * A shortest path from `from` up to `to` of at most `hops` links, through no organization of `avoided`
 * and no link of `cut`, breadth first over links in id order; null when there is none.
 */
function nearestPath(
  up: ReadonlyMap<string, readonly LinkEnds[]>,
  from: string,
  to: string,
  hops: number,
  avoided: ReadonlySet<string>,
  cut: ReadonlySet<string>,
): LinkEnds[] | null {
  const reachedBy = new Map<string, LinkEnds | null>([[from, null]]);
  let frontier = [from];
  for (let hop = 1; hop <= hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const link of up.get(at) ?? []) {
        const supplier = link.supplierId;
        if (cut.has(link.id) || avoided.has(supplier) || reachedBy.has(supplier)) continue;
        reachedBy.set(supplier, link);
        if (supplier === to) return pathTo(reachedBy, to);
        next.push(supplier);
      }
    }
    frontier = next;
  }
  return null;
}

function pathTo(reachedBy: ReadonlyMap<string, LinkEnds | null>, to: string): LinkEnds[] {
  const path: LinkEnds[] = [];
  for (let link = reachedBy.get(to) ?? null; link !== null; link = reachedBy.get(link.customerId) ?? null) {
    path.push(link);
  }
  return path.reverse();
}
