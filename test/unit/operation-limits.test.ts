// The operation limits (src/api/limits.ts) as validation rules over the real schema, at each edge:
// depth, aliases, traversals, expanded fields (fan-out through fragments), fields inside lists and the
// argument sets they are given, mutations, introspection, tokens and subscriptions. What each number
// counts is in test/unit/operation-size.test.ts; test/abuse/limits.test.ts checks the limits through
// the HTTP server, and test/web/operations-within-limits.test.ts every operation the dashboard sends.
import { getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS, noSubscriptions, operationLimits } from '../../src/api/limits.ts';
import { buildSchema } from '../../src/app/schema.ts';

const schema = buildSchema();

/**
 * The limits' messages for `document`, parsed as the server parses it. Only the limit rules run, so a
 * field the schema lacks (`nested` below) is measured like any other, as the server measures it.
 */
const refusals = (document: string): string[] =>
  validate(schema, parse(document, { maxTokens: LIMITS.maxTokens }), [noSubscriptions, operationLimits]).map(
    (error) => error.message,
  );

/** An operation whose selections nest `levels` deep (the operation's own selection set is level 1). */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = 2; level <= levels; level++) selection = `nested { ${selection} }`;
  return `{ ${selection} }`;
}

/** Fragments that each spread the next twice: 2^k copies of `leaf` once expanded. */
function doubling(k: number, leaf: string): string {
  const fragments = Array.from(
    { length: k },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ ...F0 } ${fragments.join(' ')} fragment F${k} on Query { ${leaf} }`;
}

const repeated = (count: number, field: (i: number) => string) =>
  `{ ${Array.from({ length: count }, (_, i) => field(i)).join(' ')} }`;

describe('operation limits', () => {
  it('pass a dashboard-sized query and the standard introspection query', () => {
    expect(
      refusals(`{
        me { organization { id name } roots { id name type } }
        supplyChain(maxDepth: 6) { depth tiers { tier organizations { id name type country } }
          links { id products supplier { id } customer { id } } }
      }`),
    ).toEqual([]);
    expect(refusals(getIntrospectionQuery())).toEqual([]);
    // With every option a tool may ask for (GraphiQL asks for some): deeper than 12, 200-odd fields.
    const everything = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(refusals(everything)).toEqual([]);
  });

  it(`nest at most ${LIMITS.maxDepth} levels, through fragments too`, () => {
    expect(refusals(nested(12))).toEqual([]);
    expect(refusals(nested(13))).toEqual(['Query is nested deeper than 12 levels.']);
    expect(
      refusals('{ ...A } fragment A on Query { me { ...B } } fragment B on Me { organization { id } }'),
    ).toEqual([]);
    const chain = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { nested { ...F${i + 1} } }`);
    expect(refusals(`{ ...F0 } ${chain.join(' ')} fragment F12 on Query { id }`)).toEqual([
      'Query is nested deeper than 12 levels.',
    ]);
  });

  it(`allow at most ${LIMITS.maxAliases} aliases`, () => {
    expect(refusals(repeated(30, (i) => `a${i}: me { roles }`))).toEqual([]);
    expect(refusals(repeated(31, (i) => `a${i}: me { roles }`))).toEqual([
      'Query uses more than 30 aliases.',
    ]);
  });

  it(`walk at most ${LIMITS.maxTraversals} supply chains, whichever fields walk them`, () => {
    const walks = [
      'supplyChain { depth }',
      'exposure { blindSpots { reason } }',
      'paths(toId: "x") { length }',
      'riskAssessment { at }',
      'chainExport(format: CSV) { filename }',
    ];
    expect(refusals(repeated(5, (i) => `c${i}: ${walks[i % 5]}`))).toEqual([]);
    expect(refusals(repeated(6, (i) => `c${i}: ${walks[i % 5]}`))).toEqual([
      'Query asks for more than 5 supply chains (it asks for 6): supplyChain, exposure, paths, chainsReaching, chainExport, riskAssessment each walk one, also under an alias; send the others in another request.',
    ]);
  });

  it(`count at most ${LIMITS.maxExpandedFields} fields once fragments are expanded, measuring each fragment once`, () => {
    // `me { roles }` is two fields: 2^9 copies are 1,024 fields, 2^10 are 2,048.
    expect(refusals(doubling(9, 'me { roles }'))).toEqual([]);
    expect(refusals(doubling(10, 'me { roles }'))).toEqual([
      'Query asks for more than 2000 fields once its fragments are expanded.',
    ]);
    // 2^30 copies: refused from the fragments' sizes, never by walking the expansion, which would not
    // end within the test's timeout (no timed assertion: they flake on a loaded 2-core machine).
    expect(refusals(doubling(30, 'me { roles }'))).toEqual([
      'Query asks for more than 2000 fields once its fragments are expanded.',
    ]);
  });

  it(`count at most ${LIMITS.maxListFields} fields inside lists, naming the list that holds the most`, () => {
    // `links { …F }` with F = `id` spread n times: the list and n fields.
    const spreads = (n: number) =>
      `{ supplyChain { links { ${'...F '.repeat(n)}} } } fragment F on SupplyLink { id }`;
    expect(refusals(spreads(249))).toEqual([]);
    expect(refusals(spreads(250))).toEqual([
      'Query asks for more than 250 fields inside lists, each answered once per item (inside a list within an item, once per item it usually holds); 251 of them are in SupplyChain.links.',
    ]);
    // The review's repro: 30 aliases of a chain's links, 16 fields each (19 with the 2 risk indicators
    // a supplier usually has), in one supply chain.
    const link =
      'id products supplier { id name type country city region risks { id kind severity } } customer { id }';
    const links = Array.from({ length: 30 }, (_, i) => `l${i}: links { ${link} }`).join(' ');
    expect(refusals(`{ supplyChain(maxDepth: 1) { ${links} } }`)).toEqual([
      'Query asks for more than 250 fields inside lists, each answered once per item (inside a list within an item, once per item it usually holds); 570 of them are in SupplyChain.links.',
    ]);
    // 30 aliases inside a ranking's inputs: 30 fields named, 600 answered per organization.
    const labels = Array.from({ length: 30 }, (_, i) => `a${i}: label`).join(' ');
    expect(refusals(`{ riskAssessment { organizations { components { inputs { ${labels} } } } } }`)).toEqual([
      'Query asks for more than 250 fields inside lists, each answered once per item (inside a list within an item, once per item it usually holds); 607 of them are in RiskAssessment.organizations.',
    ]);
  });

  it(`give fields inside lists at most ${LIMITS.maxListLookups} sets of arguments, naming the field given the most`, () => {
    const risks = (count: number) =>
      Array.from({ length: count }, (_, i) => `r${i}: risks(asOf: "${2010 + i}-01-01") { id }`).join(' ');
    const inChain = (fields: string) => `{ supplyChain { tiers { organizations { id ${fields} } } } }`;
    expect(refusals(inChain(risks(10)))).toEqual([]);
    // The same arguments again are the same lookup.
    expect(refusals(inChain(`${risks(10)} again: risks(asOf: "2010-01-01") { id }`))).toEqual([]);
    expect(refusals(inChain(`${risks(10)} d: disclosures { id }`))).toEqual([
      'Query gives fields inside lists more than 10 sets of arguments, each one more lookup for every item; Organization.risks has 10 of them.',
    ]);
    // One organization's fields are no lookup for every item of a list.
    expect(refusals(`{ organization(id: "x") { ${risks(20)} } }`)).toEqual([]);
  });

  it(`run at most ${LIMITS.maxMutations} mutations in one operation, through fragments too`, () => {
    const revokes = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => `r${from + i}: revokeShare(id: "s") { id }`).join(' ');
    expect(refusals(`mutation { ${revokes(0, 10)} }`)).toEqual([]);
    const refused = ['Operation runs more than 10 mutations; send the others in another request.'];
    expect(refusals(`mutation { ${revokes(0, 11)} }`)).toEqual(refused);
    expect(
      refusals(
        `mutation { ...M r: revokeShare(id: "s") { id } } fragment M on Mutation { ${revokes(0, 10)} }`,
      ),
    ).toEqual(refused);
    // A query's root fields are no mutations.
    expect(refusals(repeated(11, (i) => `a${i}: me { roles }`))).toEqual([]);
  });

  it('count introspection fields and their aliases against the alias and field limits', () => {
    const schemas = (count: number, selection: string) =>
      repeated(count, (i) => `a${i}: __schema { ${selection} }`);
    const names = 'types { name description fields { name description args { name description } } }';
    expect(refusals(schemas(30, names))).toEqual([]);
    expect(refusals(schemas(31, names))).toEqual(['Query uses more than 30 aliases.']);
    expect(refusals(repeated(31, (i) => `t${i}: __typename`))).toEqual(['Query uses more than 30 aliases.']);
    // The standard query's description of every type (~180 fields), a dozen times over.
    const introspection = getIntrospectionQuery();
    const fragments = introspection.slice(introspection.indexOf('fragment FullType'));
    expect(refusals(`${schemas(12, 'types { ...FullType }')} ${fragments}`)).toEqual([
      'Query asks for more than 2000 fields once its fragments are expanded.',
    ]);
  });

  it('measure each operation of a document on its own', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `a${i}: me { roles }`).join(' ');
    expect(refusals(`query One { ${thirty} } query Two { ${thirty} }`)).toEqual([]);
  });

  it('leave a fragment cycle to graphql (it reports it) instead of looping', () => {
    expect(
      refusals('{ ...A } fragment A on Query { me { roles } ...B } fragment B on Query { ...A }'),
    ).toEqual([]);
  });

  it('refuse subscriptions, saying what to send instead', () => {
    expect(refusals('subscription { me { roles } }')).toEqual([
      'Subscriptions are not supported; send a query or a mutation.',
    ]);
  });

  it(`stop parsing a document past ${LIMITS.maxTokens} tokens`, () => {
    // '{', one token per field name, '}'. (graphql 16 spells its message "more that".)
    const fields = (count: number) => `{ ${'id '.repeat(count)}}`;
    expect(() => parse(fields(LIMITS.maxTokens - 2), { maxTokens: LIMITS.maxTokens })).not.toThrow();
    expect(() => parse(fields(LIMITS.maxTokens - 1), { maxTokens: LIMITS.maxTokens })).toThrow(
      /^Syntax Error: Document contains more tha[nt] 5000 tokens/,
    );
  });
});

describe('supply chains walked from inside fragments', () => {
  const schema = buildSchema();
  const refusals = (document: string) =>
    validate(schema, parse(document, { maxTokens: LIMITS.maxTokens }), [
      noSubscriptions,
      operationLimits,
    ]).map((error) => error.message);
  const chains = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `c${from + i}: supplyChain { depth }`).join(' ');

  it('counts the walks in named and inline fragments, and in fragments spread by fragments', () => {
    const tooMany =
      'Query asks for more than 5 supply chains (it asks for 6): supplyChain, exposure, paths, chainsReaching, chainExport, riskAssessment each walk one, also under an alias; send the others in another request.';
    expect(refusals(`{ ...A } fragment A on Query { ${chains(0, 5)} }`)).toEqual([]);
    expect(refusals(`{ ...A } fragment A on Query { ${chains(0, 6)} }`)).toEqual([tooMany]);
    expect(refusals(`{ ${chains(0, 3)} ...A } fragment A on Query { ${chains(3, 6)} }`)).toEqual([tooMany]);
    expect(
      refusals(
        `{ ...A ...B } fragment A on Query { ${chains(0, 3)} } fragment B on Query { ${chains(3, 6)} }`,
      ),
    ).toEqual([tooMany]);
    expect(
      refusals(`{ ...A } fragment A on Query { ...B ...B } fragment B on Query { ${chains(0, 3)} }`),
    ).toEqual([tooMany]);
    expect(refusals(`{ ... on Query { ${chains(0, 6)} } }`)).toEqual([tooMany]);
  });
});
