// The arguments every chain-walking query shares (supplyChain, exposure, paths): bad ones are
// BAD_USER_INPUT naming the value, good ones resolve the root, depth, product filter and instant.
import { describe, expect, it } from 'vitest';
import {
  checkChainArguments,
  checkDepth,
  instantArgument,
  scopeAt,
} from '../../src/domain/chain-arguments.ts';
import { checkedProducts, productFilter } from '../../src/domain/products.ts';
import { quote } from '../../src/domain/quote.ts';
import { MAX_DEPTH, type ViewerScope } from '../../src/domain/viewer-scope.ts';

const SCOPE: ViewerScope = {
  viewerId: 'o-viewer',
  instant: new Date('2026-03-01T12:00:00Z'),
  historical: false,
  context: { viewer: 'o-viewer' },
};

const badInput = (message: string | RegExp) =>
  expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });

describe('checkDepth', () => {
  it('accepts every whole number from 1 to MAX_DEPTH', () => {
    expect(MAX_DEPTH).toBe(20);
    for (let depth = 1; depth <= MAX_DEPTH; depth++) expect(checkDepth(depth)).toBe(depth);
  });

  it.each([0, -1, 21, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s, naming it', (depth) => {
    expect(() => checkDepth(depth)).toThrow(
      badInput(`maxDepth must be a whole number from 1 to 20, got ${depth}`),
    );
  });

  it('names the argument it checks', () => {
    expect(() => checkDepth(0, 'maxTier')).toThrow(badInput(/^maxTier must be/));
  });
});

describe('productFilter', () => {
  it('absent means every product', () => {
    expect(productFilter(null)).toBeNull();
    expect(productFilter(undefined)).toBeNull();
  });

  it('trims a product name as stored names are, up to 200 characters', () => {
    expect(productFilter(' laptops ')).toBe('laptops');
    expect(productFilter('x'.repeat(200))).toBe('x'.repeat(200));
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses %j, quoting it', (product) => {
    expect(() => productFilter(product)).toThrow(
      badInput(`product must be a non-empty name of at most 200 characters, got ${quote(product)}`),
    );
  });
});

describe('product lists', () => {
  it('are stored trimmed, each once, a bad item named by its index as sent', () => {
    expect(checkedProducts('products', [' a', 'a ', 'b'], 'one-line')).toEqual({
      products: ['a', 'b'],
      problems: [],
    });
    expect(checkedProducts('products', ['ok', '   '], 'one-line').problems).toEqual([
      'products[1] must be a non-empty name of at most 200 characters, got "   "',
    ]);
    expect(
      checkedProducts(
        'products',
        Array.from({ length: 201 }, (_, i) => `p${i}`),
        'one-line',
      ).problems,
    ).toEqual(['products may list at most 200 products, got 201']);
  });
});

describe('instantArgument and scopeAt', () => {
  it('reads an ISO 8601 date-time or date; absent is null', () => {
    expect(instantArgument('asOf', '2025-06-01T08:00:00+02:00')).toEqual(new Date('2025-06-01T06:00:00Z'));
    expect(instantArgument('asOf', '2025-06-01')).toEqual(new Date('2025-06-01T00:00:00Z'));
    expect(instantArgument('asOf', null)).toBeNull();
    expect(instantArgument('asOf', undefined)).toBeNull();
  });

  it.each(['yesterday', '2025-02-30', '2025-06-01T25:00:00Z', '2025-06-01T08:00:00'])(
    'refuses %j, naming the argument and the value',
    (value) => {
      expect(() => instantArgument('since', value)).toThrow(
        badInput(`since must be an ISO 8601 date-time, got ${JSON.stringify(value)}`),
      );
    },
  );

  it('cuts a long bad value to 80 characters in the message, as every message does', () => {
    expect(() => instantArgument('asOf', `2025-${'9'.repeat(10_000)}`)).toThrow(
      badInput(`asOf must be an ISO 8601 date-time, got "2025-${'9'.repeat(71)}...`),
    );
  });

  it("without asOf the scope is the request's own; with it, the same viewer at that instant", () => {
    expect(scopeAt(SCOPE, null)).toBe(SCOPE);
    expect(scopeAt(SCOPE, '2025-01-01T00:00:00Z')).toEqual({
      ...SCOPE,
      instant: new Date('2025-01-01T00:00:00Z'),
      historical: true,
    });
  });
});

describe('checkChainArguments', () => {
  it('roots the chain at the viewer unless rootId says otherwise', () => {
    expect(checkChainArguments(SCOPE, { maxDepth: 10 })).toEqual({
      rootId: 'o-viewer',
      depth: 10,
      product: null,
      scope: SCOPE,
    });
    expect(
      checkChainArguments(SCOPE, { rootId: 'o-brand', maxDepth: 3, product: 'laptops', asOf: '2025-01-01' }),
    ).toEqual({
      rootId: 'o-brand',
      depth: 3,
      product: 'laptops',
      scope: { ...SCOPE, instant: new Date('2025-01-01T00:00:00Z'), historical: true },
    });
  });

  it.each([
    [{ maxDepth: 0 }, /^maxDepth /],
    [{ maxDepth: 5, product: '' }, /^product /],
    [{ maxDepth: 5, asOf: 'soon' }, /^asOf /],
  ])('refuses %j before anything runs', (args, message) => {
    expect(() => checkChainArguments(SCOPE, args)).toThrow(badInput(message));
  });
});
