// The cypher tag and its joins let only the code's own text into a statement: a string or number is
// refused by the compiler (each @ts-expect-error below is checked by `npx tsc --noEmit`) and again at
// run time, for callers that get around the types.
import { describe, expect, it } from 'vitest';
import { cypher, join, registeredStatements, statement, type Fragment } from '../../src/graph/cypher.ts';

let made = 0;
/** The text of `parts`, as a statement of its own. */
const textOf = (...parts: Fragment[]) => statement(`test.cypher${++made}`, ...parts).text;

describe('cypher`…`', () => {
  it('makes a fragment of literal text', () => {
    expect(textOf(cypher`MATCH (o:Organization {id: $id}) RETURN o`)).toBe(
      'MATCH (o:Organization {id: $id}) RETURN o',
    );
  });

  it('refuses a substituted string or number', () => {
    const id = "x' OR 1=1";
    // @ts-expect-error a string is not a fragment
    expect(() => cypher`MATCH (o {id: '${id}'})`).toThrow(/takes no substitutions/);
    // @ts-expect-error a number is not a fragment
    expect(() => cypher`RETURN ${1}`).toThrow(/takes no substitutions/);
  });

  it('refuses substituted fragments too: fragments are joined with join()', () => {
    const where = cypher`WHERE true`;
    // @ts-expect-error not even a fragment goes into the text through ${…}
    expect(() => cypher`MATCH (o) ${where}`).toThrow(/join/);
  });

  it('refuses a string called as a function, and a hand-made template array', () => {
    // @ts-expect-error a string is not a template
    expect(() => cypher('MATCH (o) RETURN o')).toThrow(/template tag/);
    const forged = Object.assign(['MATCH (o) RETURN o'], { raw: ['MATCH (o) RETURN o'] });
    expect(() => cypher(forged)).toThrow(/template tag/);
  });
});

describe('join and statement', () => {
  it('put fragments one after the other', () => {
    expect(textOf(cypher`MATCH (o) `, join(cypher`WHERE `, cypher`o.id = $id`), cypher` RETURN o`)).toBe(
      'MATCH (o) WHERE o.id = $id RETURN o',
    );
  });

  it('refuse a string or a number', () => {
    // @ts-expect-error a string is not a fragment
    expect(() => join(cypher`RETURN `, 'o')).toThrow(/fragments only/);
    // @ts-expect-error a number is not a fragment
    expect(() => statement('test.number', cypher`RETURN `, 1)).toThrow(/fragments only/);
    // @ts-expect-error an object that looks like one is not a fragment
    expect(() => join({ text: 'RETURN 1' })).toThrow(/fragments only/);
  });

  it('register each statement once, refusing two texts under one name', () => {
    const first = statement('test.registered', cypher`RETURN 1`);
    expect(statement('test.registered', cypher`RETURN 1`)).toEqual(first);
    expect(registeredStatements()).toContainEqual(first);
    expect(() => statement('test.registered', cypher`RETURN 2`)).toThrow(/two different/);
  });
});
