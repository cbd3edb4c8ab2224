// The product filter's suggestions keep one order whatever the links' order, where the user's language
// finds two names equal.
import { describe, expect, it } from 'vitest';
import { productsOf } from '../../web/src/model.ts';
import { CHAIN } from './fixtures.ts';

const withProducts = (...lists: string[][]) => ({
  ...CHAIN,
  links: CHAIN.links.map((l, i) => ({ ...l, products: lists[i] ?? [] })),
});

describe('product suggestions', () => {
  it('the same list whichever link came first', () => {
    const one = productsOf(withProducts(['Laptop\u00ad'], ['Laptop']));
    const other = productsOf(withProducts(['Laptop'], ['Laptop\u00ad']));
    expect(one).toEqual(other);
  });
});
