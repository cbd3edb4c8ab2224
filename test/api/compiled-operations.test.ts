// A query text is interpreted by graphql-js the first time it runs and compiled by graphql-jit from
// the second on (src/api/jit-executor.ts). Both must answer byte for byte alike: data, nulls, error
// codes, messages, paths and HTTP status, for answers, hidden ids and bad input alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const { regionStockholm, osloKommune, dell, atea, hiproDongguan, electronicsWatch } = DEMO_IDS;

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

// Instants are fixed (asOf) so that two runs a moment apart must agree.
const AS_OF = '2026-06-01T00:00:00Z';

const CHAIN = `query Chain($rootId: ID, $asOf: DateTime, $withLinks: Boolean!) {
  supplyChain(rootId: $rootId, maxDepth: 10, asOf: $asOf) {
    root { ...Card }
    tiers { tier organizations { ...Card disclosures(asOf: $asOf) { id kind title actions { id status overdue } } } }
    links @include(if: $withLinks) { id supplier { id } customer { id } products validFrom validTo }
  }
}
fragment Card on Organization { __typename id name type country city latitude longitude osId sources }`;

const EXPOSURE = `query Exposure($asOf: DateTime) { exposure(maxDepth: 10, asOf: $asOf) {
  root { id } closestTier
  findings { organization { id } tier path { id } severity indicators { kind source severity observedAt } }
  blindSpots { id } blindSpotDetails { organization { id } tier recommendation } } }`;

const RISK = `query Risk($asOf: DateTime) { riskAssessment(maxDepth: 10, asOf: $asOf) {
  organizations { rank tier score organization { id name }
    components { name value weight contribution inputs { label value source } } }
  summary { byTier { tier organizations meanScore maxScore } byComponent { name weight meanValue share } }
  actions { kind text organization { id } } } }`;

interface Case {
  name: string;
  viewer: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The error codes of the answer, none by default. */
  codes?: string[];
}

const CASES: Case[] = [
  {
    name: 'a chain with fragments, @include and disclosures',
    viewer: regionStockholm,
    query: CHAIN,
    variables: { asOf: AS_OF, withLinks: true },
  },
  {
    name: 'the same without links',
    viewer: regionStockholm,
    query: CHAIN,
    variables: { asOf: AS_OF, withLinks: false },
  },
  {
    name: "another viewer's narrower chain",
    viewer: electronicsWatch,
    query: CHAIN,
    variables: { rootId: dell, asOf: AS_OF, withLinks: true },
  },
  { name: 'exposure with a blind spot', viewer: osloKommune, query: EXPOSURE, variables: { asOf: AS_OF } },
  { name: 'the risk assessment', viewer: regionStockholm, query: RISK, variables: { asOf: AS_OF } },
  {
    name: 'a hidden organization (null) beside a visible one',
    viewer: osloKommune,
    query: `{ hidden: organization(id: "${hiproDongguan}") { id } seen: organization(id: "${atea}") { id name } }`,
  },
  {
    name: 'a root the viewer may not use (NOT_FOUND, with its path)',
    viewer: osloKommune,
    query: `query($rootId: ID) { supplyChain(rootId: $rootId) { root { id } } }`,
    variables: { rootId: dell },
    codes: ['NOT_FOUND'],
  },
  {
    name: 'a bad argument value (BAD_USER_INPUT naming it)',
    viewer: regionStockholm,
    query: `query($d: Int) { supplyChain(maxDepth: $d) { root { id } } }`,
    variables: { d: 0 },
    codes: ['BAD_USER_INPUT'],
  },
  {
    name: 'a variable of the wrong type (BAD_USER_INPUT from variable coercion)',
    viewer: regionStockholm,
    query: `query($d: Int) { supplyChain(maxDepth: $d) { root { id } } }`,
    variables: { d: 'deep' },
    codes: ['BAD_USER_INPUT'],
  },
  {
    name: 'a bad custom scalar (DateTime)',
    viewer: regionStockholm,
    query: `query($asOf: DateTime) { supplyChain(asOf: $asOf) { root { id } } }`,
    variables: { asOf: 'yesterday' },
    codes: ['BAD_USER_INPUT'],
  },
  {
    // Compiled code is generated from the operation: literals that would break out of a JavaScript
    // string or template must stay data. A line break is no part of an id (src/domain/ids.ts), so it
    // travels in a product name.
    name: 'string literals shaped like JavaScript',
    viewer: osloKommune,
    query: `{ a: organization(id: "\\"); globalThis.compromised = 1; (\\"") { id }
      b: organization(id: "\`\${globalThis.compromised = 1}\`") { id }
      c: organization(id: "'); globalThis.compromised = 1; ('\\u2028x") { id }
      d: supplyChain(product: "'); globalThis.compromised = 1; ('\\n\\u2028") { depth } }`,
  },
  {
    name: 'a mutation the role may not run (FORBIDDEN)',
    viewer: regionStockholm,
    query: `mutation { revokeShare(id: "s-atea-sthlm") { id } }`,
    codes: ['FORBIDDEN'],
  },
];

describe('compiled operations answer as interpreted ones', () => {
  for (const { name, viewer, query, variables, codes: expected = [] } of CASES) {
    it(name, async () => {
      // The first run is interpreted, the next two compiled (the third runs the cached compilation).
      const [interpreted, compiled, again] = [
        await t.api.query(viewer, query, variables),
        await t.api.query(viewer, query, variables),
        await t.api.query(viewer, query, variables),
      ];
      expect(codes(interpreted)).toEqual(expected);
      expect(JSON.stringify(compiled)).toBe(JSON.stringify(interpreted));
      expect(JSON.stringify(again)).toBe(JSON.stringify(interpreted));
      expect('compromised' in globalThis).toBe(false);
    });
  }
});
