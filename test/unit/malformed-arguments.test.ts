// The ids an operation gives where the real schema says ID, and which of them no id can be
// (src/api/malformed-arguments.ts): arguments, input object fields and list items, literal or in variables,
// in the operation and in the fragments it spreads. test/abuse/malformed-ids.test.ts asks the server.
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MalformedArguments } from '../../src/api/malformed-arguments.ts';
import { buildSchema } from '../../src/app/schema.ts';
import { idRule } from '../../src/domain/ids.ts';

const ids = new MalformedArguments(buildSchema());

const operationOf = (document: ReturnType<typeof parse>, name?: string): OperationDefinitionNode => {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (name === undefined || d.name?.value === name),
  );
  if (operation === undefined) throw new Error(`no operation ${name ?? ''}`);
  return operation;
};

/** The messages for `text` run with `variables` (its first operation, or the one named). */
const malformed = (text: string, variables: Record<string, unknown> = {}, name?: string): string[] => {
  const document = parse(text);
  return ids.malformed(document, operationOf(document, name), variables).map((m) => m.message);
};

const refusal = (where: string, value: string) => `${where} must be ${idRule()}, got ${value}`;

describe('ids no id can be', () => {
  it('are refused in an argument, literal or variable, with the argument and the value named', () => {
    expect(malformed('{ organization(id: "") { id } }')).toEqual([refusal('organization(id)', '""')]);
    expect(malformed('query($id: ID!) { organization(id: $id) { id } }', { id: '  x ' })).toEqual([
      refusal('organization(id)', '"  x "'),
    ]);
    expect(malformed('{ supplyChain(rootId: "a\\u0000b") { depth } }')).toEqual([
      refusal('supplyChain(rootId)', '"a\\u0000b"'),
    ]);
  });

  it('show a long value cut short', () => {
    const [message] = malformed('query($id: ID!) { organization(id: $id) { id } }', {
      id: 'x'.repeat(1_000_000),
    });
    expect(message).toBe(refusal('organization(id)', `"${'x'.repeat(76)}...`));
  });

  it('allow 200 characters and refuse 201', () => {
    const lookup = 'query($id: ID!) { organization(id: $id) { id } }';
    expect(malformed(lookup, { id: 'x'.repeat(200) })).toEqual([]);
    expect(malformed(lookup, { id: 'x'.repeat(201) })).toHaveLength(1);
  });

  it('pass ordinary ids, integers given as IDs, and inner spaces', () => {
    expect(malformed('{ organization(id: "se-region-stockholm") { id } }')).toEqual([]);
    expect(malformed('{ organization(id: 42) { id } }')).toEqual([]);
    expect(malformed('query($id: ID!) { organization(id: $id) { id } }', { id: 7 })).toEqual([]);
    expect(malformed('{ organization(id: "Region Stockholm") { id } }')).toEqual([]);
  });

  it('name each bad item of a list, a single value standing for a list of one', () => {
    const share = 'mutation($links: [ID!]) { shareSourcing(recipientId: "r", linkIds: $links) { id } }';
    expect(malformed(share, { links: ['l-1', ' l-2', 'l-3', ''] })).toEqual([
      refusal('shareSourcing(linkIds[1])', '" l-2"'),
      refusal('shareSourcing(linkIds[3])', '""'),
    ]);
    expect(malformed(share, { links: ' l-2' })).toEqual([refusal('shareSourcing(linkIds[0])', '" l-2"')]);
    expect(malformed('mutation { shareSourcing(recipientId: "r", linkIds: ["l-1", ""]) { id } }')).toEqual([
      refusal('shareSourcing(linkIds[1])', '""'),
    ]);
  });

  it('name the path to a bad id inside input objects, literal or variable', () => {
    const content = {
      title: 't',
      issuedAt: '2024-01-01',
      actions: [{ id: 'a ', finding: 'f', severity: 'HIGH', action: 'a', dueAt: '2024-02-01' }],
    };
    expect(
      malformed('mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }', {
        input: { subjectId: '', kind: 'CORRECTIVE_ACTION_PLAN', content },
      }),
    ).toEqual([
      refusal('publishDisclosure(input.subjectId)', '""'),
      refusal('publishDisclosure(input.content.actions[0].id)', '"a "'),
    ]);
    expect(
      malformed(
        `mutation($subject: ID!) { publishDisclosure(input: { subjectId: $subject, kind: IMPROVEMENT,
          content: { title: "t", issuedAt: "2024-01-01" } }) { id } }`,
        { subject: ' s' },
      ),
    ).toEqual([refusal('publishDisclosure(input.subjectId)', '" s"')]);
  });

  it('use a variable default the request leaves out', () => {
    expect(
      malformed('query($id: ID = "") { paths(toId: "t", rootId: $id) { organizations { id } } }'),
    ).toEqual([refusal('paths(rootId)', '""')]);
  });

  it('are found in inline and named fragments, a fragment spread twice checked once', () => {
    expect(malformed('{ ... on Query { supplyChain(rootId: "") { depth } } }')).toEqual([
      refusal('supplyChain(rootId)', '""'),
    ]);
    expect(
      malformed(
        `query($id: ID!) { ...Lookup ... on Query { ...Lookup } }
         fragment Lookup on Query { ...Deeper } fragment Deeper on Query { organization(id: $id) { id } }`,
        { id: '' },
      ),
    ).toEqual([refusal('organization(id)', '""')]);
  });

  it("leave variables that do not fit their definitions to execution's own refusal", () => {
    expect(malformed('query($id: ID!) { organization(id: $id) { id } }', { id: { not: 'an id' } })).toEqual(
      [],
    );
    expect(malformed('query($id: ID!) { organization(id: $id) { id } }', {})).toEqual([]);
  });

  it("look only at the operation asked for and at its fragments, not at the document's others", () => {
    const text = `query Good { organization(id: "ok") { id } }
      query Bad { organization(id: "") { id } }`;
    expect(malformed(text, {}, 'Good')).toEqual([]);
    expect(malformed(text, {}, 'Bad')).toHaveLength(1);
  });

  it('are looked for once per operation, and an operation without IDs finds none', () => {
    const document = parse('query($d: Int) { supplyChain(maxDepth: $d) { depth } }');
    const operation = operationOf(document);
    const found = ids.argumentsOf(document, operation);
    expect(found).toEqual([]);
    expect(ids.argumentsOf(document, operation)).toBe(found);
  });
});

describe('texts with an unpaired surrogate', () => {
  it('are refused wherever a String is given, and whole pairs pass', () => {
    const text = 'mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }';
    const broken = 'must be well-formed Unicode text (it has an unpaired surrogate)';
    expect(
      malformed(text, { input: { content: { title: 'Audit \ud800', products: ['ok', '\udc00x'] } } }),
    ).toEqual([
      `publishDisclosure(input.content.title) ${broken}, got "Audit \\ud800"`,
      `publishDisclosure(input.content.products[1]) ${broken}, got "\\udc00x"`,
    ]);
    expect(malformed(text, { input: { content: { title: 'Audit \ud83d\ude00 Sykehusinnkjøp' } } })).toEqual(
      [],
    );
  });
});
