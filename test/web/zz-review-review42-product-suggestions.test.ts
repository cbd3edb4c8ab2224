// The product filter's suggestions when imports wrote one product two ways, composed and decomposed
// (a file from a Mac): they showed as two identical entries in one order or the other. The server now
// compares products composed, so one entry, composed, finds both.
import { describe, expect, it } from 'vitest';
import { productsOf } from '../../web/src/model.ts';
import { CHAIN } from './fixtures.ts';

const withProducts = (...lists: string[][]) => ({
  ...CHAIN,
  links: CHAIN.links.map((l, i) => ({ ...l, products: lists[i] ?? [] })),
});

describe('product suggestions', () => {
  it('one entry, composed, for a product written composed and decomposed', () => {
    const chain = withProducts(['ba\u0308rbara datorer'], ['b\u00e4rbara datorer', 'servrar']);
    expect(productsOf(chain)).toEqual(['b\u00e4rbara datorer', 'servrar']);
  });

  it('the same list whichever link came first', () => {
    const one = productsOf(withProducts(['Laptop\u00ad'], ['Laptop']));
    const other = productsOf(withProducts(['Laptop'], ['Laptop\u00ad']));
    expect(one).toEqual(other);
  });
});
