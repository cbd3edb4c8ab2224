import { describe, expect, it } from 'vitest';
import { rootsReaching } from '../../src/domain/chains-reaching.ts';

const link = (supplierId: string, customerId: string) => ({ supplierId, customerId });

describe('rootsReaching', () => {
  // f supplies m, which supplies the brand b; b supplies the buyers r1 and r2; r2 also buys from f.
  const links = [link('f', 'm'), link('m', 'b'), link('b', 'r1'), link('b', 'r2'), link('f', 'r2')];

  it('gives each root the smallest tier of the organization in its chain, nearest first', () => {
    expect(rootsReaching('f', ['r1', 'r2', 'b'], links, 10)).toEqual([
      { rootId: 'r2', tier: 1 },
      { rootId: 'b', tier: 2 },
      { rootId: 'r1', tier: 3 },
    ]);
  });

  it('leaves out a root whose chain holds it only below maxDepth', () => {
    expect(rootsReaching('f', ['r1', 'b'], links, 2)).toEqual([{ rootId: 'b', tier: 2 }]);
  });

  it('never counts an organization in its own chain, a cycle included', () => {
    const cycle = [link('a', 'b'), link('b', 'a')];
    expect(rootsReaching('a', ['a', 'b'], cycle, 10)).toEqual([{ rootId: 'b', tier: 1 }]);
  });

  it('answers nothing without links, and counts a root named twice once', () => {
    expect(rootsReaching('f', ['r1'], [], 10)).toEqual([]);
    expect(rootsReaching('f', ['r2', 'r2'], links, 10)).toEqual([{ rootId: 'r2', tier: 1 }]);
  });
});
