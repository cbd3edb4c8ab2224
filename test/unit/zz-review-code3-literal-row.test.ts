// Review (code3): a row decoded in one literal (src/graph/columns.ts) falls back to its positional
// decoder whenever the literal throws, and returns what that one reads. So when the two drift apart
// (a field added to the projection and the shape but the literal's hand-counted `tuple(value, at, 11)`
// or an index not moved), every row of a big chain silently takes the slow path, through an exception
// each, and the existing tests, which compare decoded values, still pass. The fallback is there to
// name the failing field, so it should only ever throw.
import { describe, expect, it } from 'vitest';
import { literalRow, positional, text, tuple, UnexpectedRecordError } from '../../src/graph/decode.ts';

describe('literalRow (src/graph/decode.ts), the one-literal decoder of the biggest rows', () => {
  it('refuses a row its literal cannot read even when its positional decoder can (the two are out of step)', () => {
    const shape = { id: text, name: text };
    // A literal still counting the row before `name` was added to it.
    const stale = literalRow<{ id: string; name: string }>((value, at) => {
      const v = tuple(value, at, 1);
      return { id: text(v[0], at), name: '' };
    }, positional(shape));
    expect(() => stale(['o1', 'Acme'], 'o')).toThrow(UnexpectedRecordError);
  });

  it('still names the field when the row is wrong for both', () => {
    const shape = { id: text, name: text };
    const row = literalRow((value, at) => {
      const v = tuple(value, at, 2);
      return { id: text(v[0], at), name: text(v[1], at) };
    }, positional(shape));
    expect(row(['o1', 'Acme'], 'o')).toEqual({ id: 'o1', name: 'Acme' });
    expect(() => row(['o1', 7], 'o')).toThrow('o.name: expected a string, got number 7');
  });
});
