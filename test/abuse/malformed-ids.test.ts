// Ids that can never exist (src/domain/ids.ts: empty, with surrounding spaces or control characters,
// longer than 200 characters) wherever the schema says ID: arguments of queries and mutations, fields
// of input objects, items of lists. Each answers BAD_USER_INPUT naming the argument and showing the
// value (cut short when long), before any resolver runs: no Cypher statement, nothing written. A
// well-formed id still answers as before, a hidden one exactly as a missing one (rule 6).
// test/unit/malformed-arguments.test.ts covers the finding of such ids in operations.
import { beforeEach, describe, expect, it } from 'vitest';
import { idRule } from '../../src/domain/ids.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { GraphQLResponse } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi('production');

/** `brand` buys from `factory`; `hidden` is an organization brand may not look up. */
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('hidden', 'FACTORY')
      .link('factory', 'brand')
      .disclosure('brand')
      .build(),
  );
});

/**
 * Statements every request may run before GraphQL: the check that the token's organization exists
 * (src/modules/organizations/known-organizations.ts) and the import gate's view of imports, read again
 * after each test's import (src/import/import-gate.ts).
 */
const BOOKKEEPING = new Set(['organization.byIds', 'importRun.list']);

/** The answer of `query` as `brand`, the statements it ran besides bookkeeping, and whether it wrote. */
async function ask(query: string, variables: Record<string, unknown> = {}, roles: Role[] = ['analyst']) {
  const before = await dumpGraph(t.db.driver);
  const statements: string[] = [];
  const stop = t.db.executor.observe((unit) => {
    if (!BOOKKEEPING.has(unit)) statements.push(unit);
  });
  let response: GraphQLResponse;
  try {
    response = await t.api.query('brand', query, variables, roles);
  } finally {
    stop();
  }
  return { response, statements, unchanged: (await dumpGraph(t.db.driver)).join('\n') === before.join('\n') };
}

const refusal = (where: string, shown: string) => `${where} must be ${idRule()}, got ${shown}`;

/** Refused before anything ran: BAD_USER_INPUT with `message`, no data, no statement, nothing written. */
async function expectRefused(
  asked: Promise<Awaited<ReturnType<typeof ask>>>,
  message: string,
): Promise<GraphQLResponse> {
  const { response, statements, unchanged } = await asked;
  expect(response.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', message]]);
  expect(response.status).toBe(200);
  expect(response.data ?? null).toBeNull();
  expect(statements).toEqual([]);
  expect(unchanged).toBe(true);
  return response;
}

const MALFORMED = [
  ['an empty id', '', '""'],
  ['a space-padded id', '  factory ', '"  factory "'],
  ['an id with a control character', 'fac\u0000tory', '"fac\\u0000tory"'],
  ['an id of 201 characters', 'x'.repeat(201), `"${'x'.repeat(76)}...`],
  ['an id of 100,000 characters', 'x'.repeat(100_000), `"${'x'.repeat(76)}...`],
] as const;

describe('query arguments', () => {
  it.each(MALFORMED)(
    'an %s organization id is refused, naming the argument and the value',
    async (_, id, shown) => {
      await expectRefused(
        ask('query Lookup($id: ID!) { organization(id: $id) { id } }', { id }),
        refusal('organization(id)', shown),
      );
    },
  );

  it.each(MALFORMED)('supplyChain(rootId): %s is refused as well, not NOT_FOUND', async (_, id, shown) => {
    await expectRefused(
      ask('query Chain($root: ID) { supplyChain(rootId: $root) { depth } }', { root: id }),
      refusal('supplyChain(rootId)', shown),
    );
  });

  it('every kind of lookup refuses a literal empty id', async () => {
    for (const [query, where] of [
      ['{ paths(toId: "") { organizations { id } } }', 'paths(toId)'],
      ['{ exposure(rootId: " brand") { blindSpots { id } } }', 'exposure(rootId)'],
      ['{ disclosure(id: "") { id } }', 'disclosure(id)'],
      ['{ accessRequest(id: "") { id } }', 'accessRequest(id)'],
      ['{ facilityRecord(organizationId: "") { filename } }', 'facilityRecord(organizationId)'],
      ['{ supplyLinkEvents(linkId: "") { action } }', 'supplyLinkEvents(linkId)'],
    ] as const) {
      const { response, statements } = await ask(query);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(new RegExp(`^${where.replace(/[()]/g, '\\$&')} must be`));
      expect(statements).toEqual([]);
    }
  });

  it('is refused the same way when the operation runs compiled (its second time)', async () => {
    const query = 'query Lookup($id: ID!) { organization(id: $id) { id } }';
    expect((await ask(query, { id: 'factory' })).response.data).toEqual({ organization: { id: 'factory' } });
    for (let i = 0; i < 2; i++)
      await expectRefused(ask(query, { id: ' factory' }), refusal('organization(id)', '" factory"'));
  });

  it('points at the argument that gives the bad id', async () => {
    const { response } = await ask('{\n  organization(id: "") { id }\n}');
    expect(response.errors?.[0]?.locations).toEqual([{ line: 2, column: 16 }]);
  });
});

describe('well-formed ids answer as before', () => {
  it('200 characters are looked up, and a hidden id answers as a missing one', async () => {
    const lookup = 'query Lookup($id: ID!) { organization(id: $id) { id } }';
    for (const id of ['x'.repeat(200), 'hidden', 'no-such-organization'])
      expect((await ask(lookup, { id })).response).toEqual({ status: 200, data: { organization: null } });
    const chain = 'query Chain($root: ID) { supplyChain(rootId: $root) { depth } }';
    const hidden = (await ask(chain, { root: 'hidden' })).response;
    const missing = (await ask(chain, { root: 'missing' })).response;
    expect(hidden.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['NOT_FOUND', 'Organization "hidden" not found'],
    ]);
    expect(JSON.stringify(hidden).replaceAll('hidden', 'X')).toBe(
      JSON.stringify(missing).replaceAll('missing', 'X'),
    );
  });
});

describe('mutations', () => {
  const ADMIN: Role[] = ['supplier_admin'];

  it('an id in a list is named by its index, each bad one', async () => {
    await expectRefused(
      ask(
        'mutation Share($links: [ID!]) { shareSourcing(recipientId: "factory", linkIds: $links) { id } }',
        { links: ['factory>brand', ' factory>brand', ''] },
        ADMIN,
      ),
      `${refusal('shareSourcing(linkIds[1])', '" factory>brand"')}; ${refusal('shareSourcing(linkIds[2])', '""')}`,
    );
  });

  it('a long list names its first ten bad ids and counts the rest', async () => {
    const { response } = await ask(
      'mutation Share($ids: [ID!]) { shareDisclosures(recipientId: "factory", disclosureIds: $ids) { id } }',
      { ids: Array.from({ length: 12 }, () => ' d-0') },
      ADMIN,
    );
    const message = response.errors?.[0]?.message ?? '';
    expect(message).toContain('shareDisclosures(disclosureIds[9])');
    expect(message).not.toContain('disclosureIds[10]');
    expect(message.endsWith('; and 2 more')).toBe(true);
  });

  it('an id in an input object is named by its path: publishDisclosure writes nothing', async () => {
    await expectRefused(
      ask(
        `mutation Publish($subject: ID!) { publishDisclosure(input: {
          subjectId: $subject, kind: IMPROVEMENT, content: { title: "Better", issuedAt: "2024-01-01" } }) { id } }`,
        { subject: 'factory ' },
        ADMIN,
      ),
      refusal('publishDisclosure(input.subjectId)', '"factory "'),
    );
    await expectRefused(
      ask(
        `mutation Publish($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
        {
          input: {
            subjectId: 'factory',
            kind: 'CORRECTIVE_ACTION_PLAN',
            content: {
              title: 'Plan',
              issuedAt: '2024-01-01',
              actions: [
                { id: 'a-1', finding: 'f', severity: 'HIGH', action: 'a', dueAt: '2030-01-01' },
                { id: '', finding: 'f', severity: 'HIGH', action: 'a', dueAt: '2030-01-01' },
              ],
            },
          },
        },
        ADMIN,
      ),
      refusal('publishDisclosure(input.content.actions[1].id)', '""'),
    );
  });

  it.each([
    ['revokeShare(id: "")', 'revokeShare(id)', '""', ADMIN],
    [
      'requestAccess(organizationId: " factory", scope: SOURCING)',
      'requestAccess(organizationId)',
      '" factory"',
      ADMIN,
    ],
    ['remindAccessRequest(id: "ar-1\\u0000")', 'remindAccessRequest(id)', '"ar-1\\u0000"', ADMIN],
    ['declareSupplyLink(supplierId: "\\t")', 'declareSupplyLink(supplierId)', '"\\t"', ADMIN],
    ['amendSupplyLink(id: " factory>brand")', 'amendSupplyLink(id)', '" factory>brand"', ADMIN],
    ['endSupplyLink(id: "")', 'endSupplyLink(id)', '""', ADMIN],
    ['withdrawDisclosure(id: "d-0 ")', 'withdrawDisclosure(id)', '"d-0 "', ADMIN],
    ['redactDisclosureVersion(id: " d-0", version: 1)', 'redactDisclosureVersion(id)', '" d-0"', ADMIN],
    ['withdrawFinding(id: "f-0\\n")', 'withdrawFinding(id)', '"f-0\\n"', ADMIN],
    ['redactFinding(id: " f-0")', 'redactFinding(id)', '" f-0"', ADMIN],
    ['setListing(listed: true, organizationId: "brand ")', 'setListing(organizationId)', '"brand "', ADMIN],
    [
      'mergeOrganizations(keepId: "factory", mergeId: "")',
      'mergeOrganizations(mergeId)',
      '""',
      ['platform_admin'],
    ],
    ['confirmMatch(id: "")', 'confirmMatch(id)', '""', ['screening_admin']],
  ] as const)('%s is refused and writes nothing', async (call, where, shown, roles) => {
    // Every field has a selection: __typename is valid on any object type.
    await expectRefused(ask(`mutation { ${call} { __typename } }`, {}, [...roles]), refusal(where, shown));
  });
});
