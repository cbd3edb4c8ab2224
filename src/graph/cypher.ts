// Cypher text is made of fragments, and a fragment can only come from source text written in this
// repository (the `cypher` tag takes no substitutions).
// Fragments are joined by functions, never by `+` or `${…}`: a request value has no way into the text,
// so it can only travel as a parameter.
//
// A named statement registers itself, so that test/unit/statements.test.ts can pin the text of every
// statement the code can run (test/unit/__snapshots__/statements.cypher).

const TEXT: unique symbol = Symbol('cypher text');

/** Cypher text from the code itself; see `cypher` and `join`. */
export interface Fragment {
  readonly [TEXT]: string;
}

/**
 * A named Cypher statement. Names travel as transaction metadata (visible in `SHOW TRANSACTIONS` and the
 * query log) and in error messages, so a slow or failing query can be traced to its repository.
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

const fragment = (text: string): Fragment => Object.freeze({ [TEXT]: text });

const isFragment = (value: unknown): value is Fragment =>
  typeof value === 'object' && value !== null && TEXT in value && typeof value[TEXT] === 'string';

function textOf(part: unknown): string {
  if (!isFragment(part)) {
    throw new TypeError(`Cypher is built from fragments only (cypher\`…\`, join), got ${typeof part}`);
  }
  return part[TEXT];
}

/**
 * Cypher source text as a fragment. It takes no substitutions (join fragments with `join`), and only a
 * real template literal: a string built at run time is refused, since it could hold a request value.
 */
export function cypher(source: TemplateStringsArray, ...substitutions: never[]): Fragment {
  // Template objects are frozen arrays with a frozen `raw`; an array made by hand is not.
  if (!Array.isArray(source) || !Object.isFrozen(source) || !Array.isArray(source.raw)) {
    throw new TypeError('cypher is a template tag: write cypher`…`');
  }
  if (substitutions.length > 0 || source.length !== 1) {
    throw new TypeError(
      'cypher`…` takes no substitutions: join fragments with join(), values go in parameters',
    );
  }
  return fragment(source[0] ?? '');
}

/** The fragments' text, one after the other. */
export const join = (...parts: readonly Fragment[]): Fragment => fragment(parts.map(textOf).join(''));

const registry = new Map<string, Statement>();

/** A named statement made of `parts`, registered for the statement snapshots. */
export function statement(name: string, ...parts: readonly Fragment[]): Statement {
  const made: Statement = Object.freeze({ name, text: join(...parts)[TEXT] });
  const known = registry.get(name);
  if (known !== undefined && known.text !== made.text) {
    throw new Error(`two different Cypher statements are named '${name}'`);
  }
  registry.set(name, made);
  return made;
}

/** Every statement made so far in this process, in the order they were made. */
export const registeredStatements = (): readonly Statement[] => [...registry.values()];
