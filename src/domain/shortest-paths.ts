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
 * searches: each path found is followed by the shortest ones that leave it at one of its organizations
 * from where it left the path it came from (Lawler), so the work is polynomial (at most limit × maxHops
 * searches) where a depth-first enumeration of walks grows exponentially with the length on a chain
 * with cycles. The searches cross only links that lie on some walk of at most maxHops from the root to
 * the target (distances found once, both ways), so a distributor's thousands of other suppliers cost
 * one pass, not one per search. Equal lengths come in an order fixed by the links' ids.
 */
export function shortestSimplePaths(
  rootId: string,
  targetId: string,
  links: readonly LinkEnds[],
  maxHops: number,
  limit: number,
): LinkEnds[][] {
  if (rootId === targetId || limit < 1) return [];
  const fromRoot = hopsFrom(
    rootId,
    groupBy(links, (l) => l.customerId),
    (l) => l.supplierId,
    maxHops,
  );
  const toTarget = hopsFrom(
    targetId,
    groupBy(links, (l) => l.supplierId),
    (l) => l.customerId,
    maxHops,
  );
  const useful = links.filter((l) => {
    const before = fromRoot.get(l.customerId);
    const after = toTarget.get(l.supplierId);
    return before !== undefined && after !== undefined && before + 1 + after <= maxHops;
  });
  const up = groupBy(useful, (l) => l.customerId);
  for (const group of up.values()) group.sort((a, b) => byText(a.id, b.id));
  const search = (from: string, hops: number, avoided: ReadonlySet<string>, cut: ReadonlySet<string>) =>
    nearestPath(up, toTarget, from, targetId, hops, avoided, cut);

  const first = search(rootId, maxHops, new Set(), new Set());
  if (first === null) return [];
  const found: LinkEnds[][] = [first];
  /** Where each path found left the one it came from (Lawler): spurs before it were tried then. */
  const leftAt: number[] = [0];
  const candidates = new Map<string, Candidate>();
  const known = new Set([keyOf(first)]);
  while (found.length < limit) {
    const last = found.at(-1)!;
    const organizations = [rootId, ...last.map((l) => l.supplierId)];
    for (let i = leftAt.at(-1)!; i < last.length; i++) {
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
        candidates.set(key, { path, at: i });
      }
    }
    const next = bestOf(candidates);
    if (next === null) break;
    candidates.delete(next.key);
    found.push(next.path);
    leftAt.push(next.at);
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

/** Hops from `start` to each organization within `maxHops`, breadth first, `next` across a link. */
function hopsFrom(
  start: string,
  byEnd: ReadonlyMap<string, readonly LinkEnds[]>,
  next: (link: LinkEnds) => string,
  maxHops: number,
): Map<string, number> {
  const hops = new Map([[start, 0]]);
  let frontier = [start];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const reached: string[] = [];
    for (const at of frontier) {
      for (const link of byEnd.get(at) ?? []) {
        const id = next(link);
        if (hops.has(id)) continue;
        hops.set(id, hop);
        reached.push(id);
      }
    }
    frontier = reached;
  }
  return hops;
}

/** Link ids in order: one key per path (ids hold no control characters). */
const keyOf = (path: readonly LinkEnds[]) => path.map((l) => l.id).join('\n');

interface Candidate {
  path: LinkEnds[];
  /** The index of the organization where it leaves the path it was found from. */
  at: number;
}

function bestOf(candidates: ReadonlyMap<string, Candidate>): (Candidate & { key: string }) | null {
  let best: (Candidate & { key: string }) | null = null;
  for (const [key, candidate] of candidates) {
    const { path } = candidate;
    if (
      best === null ||
      path.length < best.path.length ||
      (path.length === best.path.length && byText(key, best.key) < 0)
    )
      best = { key, ...candidate };
  }
  return best;
}

/**
 * A shortest path from `from` up to `to` of at most `hops` links, through no organization of `avoided`
 * and no link of `cut`, breadth first over links in id order, passing by organizations too far from
 * `to` (`toTarget`) for the hops left; null when there is none.
 */
function nearestPath(
  up: ReadonlyMap<string, readonly LinkEnds[]>,
  toTarget: ReadonlyMap<string, number>,
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
        if (hop + (toTarget.get(supplier) ?? hops) > hops) continue;
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
