// Review (today2): the paths search of src/domain/shortest-paths.ts explores every walk that the
// distance bound lets through, and that bound (the shortest distance to the target, ignoring which
// organizations are already on the path) does not see that a walk can only reach the target by going
// back through an organization it already holds. One organization in a cycle with a dense part of the
// chain then makes `paths` take time exponential in maxDepth, synchronously, on the API's event loop:
// every other request of the instance waits. Cypher's SHORTEST 100 it replaced bounded the work.
import { describe, expect, it } from 'vitest';
import { shortestSimplePaths, type LinkEnds } from '../../src/domain/shortest-paths.ts';

/**
 * r <- x <- t is the only simple path. x also supplies every organization of a complete layered graph
 * (width by layers) whose first layer supplies x: every layered organization is 2 hops from t (through
 * x), but any walk into the layers can get to t only by passing x again.
 */
function hubWithLayers(width: number, layers: number): LinkEnds[] {
  const links: LinkEnds[] = [];
  const link = (s: string, c: string) => links.push({ id: `${s}>${c}`, supplierId: s, customerId: c });
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
  return links;
}

describe('shortest simple paths on a dense chain with a cycle', () => {
  it('answer in well under a second for 82 organizations, maxDepth 10 and limit 20 (the defaults)', () => {
    const links = hubWithLayers(10, 8); // 82 organizations, 792 links
    const started = performance.now();
    const found = shortestSimplePaths('r', 't', links, 10, 20);
    const elapsed = performance.now() - started;
    expect(found.map((p) => p.map((l) => l.id))).toEqual([['x>r', 't>x']]);
    // Measured on the current code: ~3,000 ms (12 wide: ~14,000 ms; 3 wide, 20 layers, maxDepth 20: ~46 s).
    expect(elapsed).toBeLessThan(500);
  });
});
