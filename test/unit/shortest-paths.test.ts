// The paths of `paths(toId)` among the links a chain's walk crossed (src/domain/shortest-paths.ts):
// simple, shortest first, at most `limit` of at most `maxHops` links. test/property/visibility.property
// .test.ts checks them against the reference model through the API.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortestSimplePaths, type LinkEnds } from '../../src/domain/shortest-paths.ts';

/** "a>r" is a link from supplier a to customer r, with that id. */
const links = (...ids: string[]): LinkEnds[] =>
  ids.map((id) => {
    const [supplierId, customerId] = id.split('>') as [string, string];
    return { id, supplierId, customerId };
  });
const ids = (paths: LinkEnds[][]) => paths.map((p) => p.map((l) => l.id));

describe('shortest simple paths', () => {
  const diamond = links('a>r', 'b>r', 't>a', 't>b', 't>r');

  it('come shortest first, equal lengths in the order of their links', () => {
    expect(ids(shortestSimplePaths('r', 't', diamond, 4, 10))).toEqual([
      ['t>r'],
      ['a>r', 't>a'],
      ['b>r', 't>b'],
    ]);
  });

  it('stop at the limit and at the most hops', () => {
    expect(ids(shortestSimplePaths('r', 't', diamond, 4, 2))).toEqual([['t>r'], ['a>r', 't>a']]);
    expect(ids(shortestSimplePaths('r', 't', diamond, 1, 10))).toEqual([['t>r']]);
  });

  it('visit no organization twice, and pass through the target to nothing beyond it', () => {
    const cycle = links('a>r', 'b>a', 'a>b', 't>b', 'x>t', 't>x');
    expect(ids(shortestSimplePaths('r', 't', cycle, 10, 10))).toEqual([['a>r', 'b>a', 't>b']]);
  });

  it('take parallel links as different paths', () => {
    const parallel = links('a>r', 't>a').concat({ id: 'second', supplierId: 't', customerId: 'a' });
    expect(ids(shortestSimplePaths('r', 't', parallel, 3, 10))).toEqual([
      ['a>r', 'second'],
      ['a>r', 't>a'],
    ]);
  });

  it('are none to an organization out of reach, too far, or the root itself', () => {
    expect(shortestSimplePaths('r', 'z', diamond, 4, 10)).toEqual([]);
    expect(shortestSimplePaths('r', 't', links('a>r', 'b>a', 't>b'), 2, 10)).toEqual([]);
    expect(shortestSimplePaths('r', 'r', diamond, 4, 10)).toEqual([]);
  });
});

/**
 * r <- x <- t is the only simple path. x also supplies every organization of a complete layered graph
 * (width by layers) whose first layer supplies x: every layered organization is 2 hops from t (through
 * x), but a walk into the layers can get to t only by passing x again. A depth-first enumeration of
 * walks took seconds to minutes here (3 wide, 20 layers, 20 hops: ~46 s), on the API's event loop.
 */
function hubWithLayers(width: number, layers: number): LinkEnds[] {
  const found: LinkEnds[] = [];
  const link = (s: string, c: string) => found.push({ id: `${s}>${c}`, supplierId: s, customerId: c });
  link('x', 'r');
  link('t', 'x');
  for (let i = 0; i < layers; i++) {
    for (let j = 0; j < width; j++) {
      const n = `n${i}-${j}`;
      link('x', n);
      if (i === 0) link(n, 'x');
      else for (let k = 0; k < width; k++) link(n, `n${i - 1}-${k}`);
    }
  }
  return found;
}

/** Every simple path of at most `maxHops` links, by brute force: the reference for small graphs. */
function everySimplePath(rootId: string, targetId: string, all: readonly LinkEnds[], maxHops: number) {
  const paths: LinkEnds[][] = [];
  const walk = (at: string, path: LinkEnds[], on: Set<string>) => {
    if (at === targetId) return void paths.push([...path]);
    if (path.length === maxHops) return;
    for (const l of all) {
      if (l.customerId !== at || on.has(l.supplierId)) continue;
      on.add(l.supplierId);
      walk(l.supplierId, [...path, l], on);
      on.delete(l.supplierId);
    }
  };
  if (rootId !== targetId) walk(rootId, [], new Set([rootId]));
  return paths;
}

/**
 * r <- c1 <- … <- c19 <- t with two parallel links at every step (2^20 paths of 20 hops), and c19, next
 * to the target, with `suppliers` further suppliers that supply nothing else (a distributor's many
 * small suppliers). Every breadth-first search scanned them all: limit 100 at 20 hops took ~5 s.
 */
function doubleChainWithHub(suppliers: number): LinkEnds[] {
  const found: LinkEnds[] = [];
  const c = (i: number) => (i === 0 ? 'r' : i === 20 ? 't' : `c${i}`);
  for (let i = 0; i < 20; i++) {
    found.push({ id: `z${i}a`, supplierId: c(i + 1), customerId: c(i) });
    found.push({ id: `z${i}b`, supplierId: c(i + 1), customerId: c(i) });
  }
  for (let d = 0; d < suppliers; d++) found.push({ id: `d${d}`, supplierId: `d${d}`, customerId: 'c19' });
  return found;
}

describe('shortest simple paths, the work they take', () => {
  it('cross only links on a walk from the root to the target (a hub of 20,000 other suppliers took ~5 s)', () => {
    const found = shortestSimplePaths('r', 't', doubleChainWithHub(20_000), 20, 100);
    expect(found).toHaveLength(100);
    expect(found.every((p) => p.length === 20)).toBe(true);
  });

  it('stay polynomial on a dense chain with a cycle (a search of walks took minutes)', () => {
    expect(ids(shortestSimplePaths('r', 't', hubWithLayers(10, 8), 10, 20))).toEqual([['x>r', 't>x']]);
    expect(ids(shortestSimplePaths('r', 't', hubWithLayers(3, 20), 20, 100))).toEqual([['x>r', 't>x']]);
  });

  it('are the shortest of every simple path, as many as the limit allows, each once', () => {
    const names = ['r', 'a', 'b', 'c', 'd', 't'];
    const graphs = fc.uniqueArray(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names), fc.nat(2)), {
      maxLength: 18,
      selector: ([s, c, n]) => `${s}>${c}#${n}`,
    });
    fc.assert(
      fc.property(
        graphs,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (edges, hops, limit) => {
          const all = edges
            .filter(([s, c]) => s !== c)
            .map(([s, c, n]) => ({ id: `${s}>${c}#${n}`, supplierId: s, customerId: c }));
          const every = everySimplePath('r', 't', all, hops);
          const got = shortestSimplePaths('r', 't', all, hops, limit);
          const keys = new Set(every.map((p) => p.map((l) => l.id).join(' ')));
          expect(got).toHaveLength(Math.min(limit, every.length));
          for (const path of got) expect(keys.has(path.map((l) => l.id).join(' '))).toBe(true);
          expect(new Set(got.map((p) => p.map((l) => l.id).join(' '))).size).toBe(got.length);
          const lengths = every
            .map((p) => p.length)
            .sort((a, b) => a - b)
            .slice(0, limit);
          expect(got.map((p) => p.length)).toEqual(lengths);
        },
      ),
      { numRuns: 500 },
    );
  });
});
