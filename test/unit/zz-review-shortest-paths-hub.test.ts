// Review today3: Yen's search (src/domain/shortest-paths.ts) is polynomial, but each of its up to
// limit × maxHops breadth-first searches scans every link it can reach, also links whose supplier can
// never lead to the target. One call runs on the API's event loop.
import { describe, expect, it } from 'vitest';
import { shortestSimplePaths, type LinkEnds } from '../../src/domain/shortest-paths.ts';

/**
 * r <- c1 <- … <- c19 <- t with two parallel links at every step (2^20 paths of 20 hops), and one
 * organization next to the target, c19, with `suppliers` further disclosed suppliers that supply
 * nothing else (a distributor's many small suppliers): every link of the chain a walk to depth 20
 * crosses.
 */
function doubleChainWithHub(suppliers: number): LinkEnds[] {
  const links: LinkEnds[] = [];
  const c = (i: number) => (i === 0 ? 'r' : i === 20 ? 't' : `c${i}`);
  for (let i = 0; i < 20; i++) {
    links.push({ id: `z${i}a`, supplierId: c(i + 1), customerId: c(i) });
    links.push({ id: `z${i}b`, supplierId: c(i + 1), customerId: c(i) });
  }
  for (let d = 0; d < suppliers; d++) links.push({ id: `d${d}`, supplierId: `d${d}`, customerId: 'c19' });
  return links;
}

describe('shortest simple paths on a chain whose hub has 20,000 suppliers', () => {
  it('answer limit 100 at maxHops 20 well within a second (they take about 5 s)', () => {
    const links = doubleChainWithHub(20_000);
    const started = performance.now();
    const found = shortestSimplePaths('r', 't', links, 20, 100);
    const took = performance.now() - started;
    expect(found).toHaveLength(100);
    expect(took).toBeLessThan(1000);
  }, 60_000);
});
