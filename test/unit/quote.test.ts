// How error messages show a client's value (src/domain/quote.ts).
import { describe, expect, it } from 'vitest';
import { quote, quoteErased, quoteList } from '../../src/domain/quote.ts';

describe('quote', () => {
  it('shows what a plain string hides, and cuts a long value short', () => {
    expect(quote('')).toBe('""');
    expect(quote(' x\n')).toBe('" x\\n"');
    expect(quote(undefined)).toBe('nothing');
    expect(quote('a'.repeat(1_000_000))).toBe(`"${'a'.repeat(76)}...`);
  });

  it('shows DEL and the C1 controls escaped, as JSON shows the other control characters', () => {
    expect(quote('a\u007fb\u0085c\u009f\u00a0')).toBe('"a\\u007fb\\u0085c\\u009f\u00a0"');
  });

  it("shows a number too large for a double as JSON.parse read it, not as JSON's null", () => {
    expect(quote(JSON.parse('1e400'))).toBe('Infinity');
    expect(quote(-Infinity)).toBe('-Infinity');
  });

  it('names a value nested too deeply for JSON instead of showing a stack overflow', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(quote(deep)).toBe('a value nested too deeply to show');
  });

  it('lists ids each quoted, the first few of them, and says how many more there are', () => {
    expect(quoteList(['a'])).toBe('"a"');
    expect(quoteList(['a', "b'c"])).toBe('"a", "b\'c"');
    expect(quoteList(['a', 'b', 'c', 'd'], 2)).toBe('"a", "b" and 2 more');
  });

  it('shows an erased text by its length alone, and any other value as quote does', () => {
    expect(quoteErased('Li Wei, Kunshan')).toBe('a text of 15 characters (not repeated here: it was erased)');
    // Characters, not UTF-16 units: a name in another script is counted as its reader sees it.
    expect(quoteErased('李伟😀')).toBe('a text of 3 characters (not repeated here: it was erased)');
    expect(quoteErased('')).toBe('""');
    expect(quoteErased(42)).toBe('42');
  });
});
