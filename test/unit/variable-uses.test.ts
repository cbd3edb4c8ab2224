// A request's variables counted once per use (src/api/variable-uses.ts), and the size of a JSON value
// without writing it (src/api/json-bytes.ts). test/abuse/review-mutation-amplification.test.ts
// checks the refusal through the HTTP server.
import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../src/api/json-bytes.ts';
import { variableWeight } from '../../src/api/variable-uses.ts';

function weigh(document: string, variables: Record<string, unknown>) {
  const parsed = parse(document);
  return variableWeight(parsed, getOperationAST(parsed)!, variables);
}

describe('jsonBytes', () => {
  it.each([
    ['x'],
    [''],
    ['å, 中'],
    [12.5],
    [true],
    [null],
    [[]],
    [{}],
    [[1, 'two', [3]]],
    [{ a: 1, b: ['c', { d: null }], ü: '' }],
  ])('is the length of %j as JSON', (value) => {
    expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
  });

  it('measures values nested deeper than JSON.stringify can write', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(jsonBytes(deep)).toBe(2 * 200_001);
  });
});

describe('variableWeight', () => {
  it('is nothing to add when no variable is used twice', () => {
    expect(
      weigh('query($a: ID!, $b: ID!) { a: organization(id: $a) { id } b: organization(id: $b) { id } }', {
        a: 'x',
        b: 'y',
      }),
    ).toBeUndefined();
  });

  it('counts every variable once per use, naming the heaviest', () => {
    const weight = weigh(
      'mutation($in: DisclosureInput!, $id: ID!) { a: publishDisclosure(input: $in) { id } b: publishDisclosure(input: $in) { id } c: withdrawDisclosure(id: $id) { id } }',
      { in: { title: 'x'.repeat(100) }, id: 'd1' },
    );
    const input = jsonBytes({ title: 'x'.repeat(100) });
    expect(weight).toEqual({ bytes: 2 * input + 4, heaviest: { name: 'in', bytes: input, uses: 2 } });
  });

  it('counts uses in lists, input objects, directives and fragments, each spread again', () => {
    const weight = weigh(
      `query($t: DateTime, $s: Boolean!) { ...F ...F supplyChain(asOf: $t) @include(if: $s) { depth } }
       fragment F on Query { organization(id: "o") { risks(asOf: $t) { id } } }`,
      { t: '2020-01-01', s: true },
    );
    expect(weight?.heaviest).toEqual({ name: 't', bytes: 12, uses: 3 });
    expect(weight?.bytes).toBe(3 * 12 + 4);
    const listed = weigh(
      'mutation($id: ID!) { shareSourcing(recipientId: $id, linkIds: [$id, $id]) { id } }',
      {
        id: 'l',
      },
    );
    expect(listed?.heaviest.uses).toBe(3);
  });

  it('weighs a variable left out by its default', () => {
    const weight = weigh(
      'query($p: String = "laptops") { a: supplyChain(product: $p) { depth } b: exposure(product: $p) { closestTier } }',
      {},
    );
    expect(weight).toEqual({ bytes: 2 * 9, heaviest: { name: 'p', bytes: 9, uses: 2 } });
  });
});
