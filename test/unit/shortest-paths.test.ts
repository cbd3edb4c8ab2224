// The paths of `paths(toId)` among the links a chain's walk crossed (src/domain/shortest-paths.ts):
// simple, shortest first, at most `limit` of at most `maxHops` links. test/property/visibility.property
// .test.ts checks them against the reference model through the API.
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
