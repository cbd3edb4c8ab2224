// The documentation's GraphQL examples run against the demo scenario (docs review "docs3", December
// 2026): test/unit/documented-operations.test.ts checks that each parses and validates against the
// schema; this one sends each to the API over the demo seed, as the viewer its document names, and
// checks the answers the documents describe (docs/demo-scenario.md's "What each demo viewer sees",
// the analyst and evidence guides). Operations are sent one at a time on a freshly loaded demo after
// any mutation that was not refused whole. Examples with placeholder ids ("s-…", "ar-…") must fail
// only as "not found" or bad input naming the placeholder.
import { Kind, parse, print, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import type { GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { DEMO_IDS as ID, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { curlQueries, DOCUMENTS, fencesOf, SHELL } from '../support/documented-examples.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ROLES: Role[] = ['analyst', 'supplier_admin', 'platform_admin', 'screening_admin'];

/** Each operation of a document's graphql fences and curl bodies, with where it is written. */
function operationsOf(file: string): { where: string; text: string; mutation: boolean }[] {
  return fencesOf(file).fences.flatMap((fence) => {
    const sources =
      fence.language === 'graphql'
        ? fence.invalidOnPurpose
          ? []
          : [fence.text]
        : SHELL.has(fence.language)
          ? curlQueries(fence.text)
          : [];
    return sources.flatMap((source) => {
      const document = parse(source);
      const fragments = document.definitions.filter(
        (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
      );
      const ops = document.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      return ops.map((op, n) => ({
        where: `${file}:${fence.line}${ops.length > 1 ? ` #${n + 1}` : ''}`,
        text: [op, ...fragments].map((d) => print(d)).join('\n'),
        mutation: op.operation === 'mutation',
      }));
    });
  });
}

const EXAMPLES = DOCUMENTS.flatMap(operationsOf);

/** The viewer each example's document names (the demo's Region Stockholm unless it says otherwise). */
const VIEWER_BY_TEXT: [RegExp, string][] = [
  [/supplyChain\(rootId: "us-dell"/, ID.electronicsWatch],
  [/paths\(toId: "[^"]+", rootId: "us-dell"/, ID.electronicsWatch],
  [/recipientId: "no-oslo-kommune"/, ID.ateaNorway],
  [/requestAccess\(organizationId: "no-atea"/, ID.dfo],
  [/shareDisclosures|publishDisclosure/, ID.dell],
  [/recordFinding|withdrawFinding|findingsRecorded/, ID.electronicsWatch],
  [/answerAccessRequest\(id: "ar-oslo-atea-no"/, ID.ateaNorway],
  [/remindAccessRequest\(id: "ar-oslo-atea-no"/, ID.osloKommune],
];
const viewerOf = (text: string) =>
  VIEWER_BY_TEXT.find(([re]) => re.test(text.replace(/\s+/g, ' ').replace(/\( /g, '(')))?.[1] ??
  ID.regionStockholm;

/** Placeholders the documents write where a real id or value would go: their refusal is expected. */
const PLACEHOLDER = /"[a-z]+-…"|"…64 hex digits…"|"dell-declared-by-atea"/;

describe('every documented GraphQL example, on the demo seed', () => {
  let dirty = true;
  it('finds the examples', () => {
    expect(EXAMPLES.length).toBeGreaterThan(40);
  });
  it.each(EXAMPLES.map((e) => [e.where, e] as const))('%s', async (_, example) => {
    if (dirty) await loadGraph(t.db, DEMO_SCENARIO);
    dirty = example.mutation;
    const answer = await t.api.query(viewerOf(example.text), example.text, {}, ROLES);
    // A mutation refused whole (most name a placeholder) changed nothing, nothing being half-written:
    // the next example needs no fresh demo.
    dirty &&= answer.errors === undefined || Object.values(answer.data ?? {}).some((field) => field !== null);
    if (PLACEHOLDER.test(example.text)) {
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual([
        expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/),
      ]);
      expect(answer.errors?.[0]?.message).toMatch(/…|dell-declared-by-atea/);
    } else {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      expect(answer.status).toBe(200);
    }
  });
});

// ---- docs/demo-scenario.md, "What each demo viewer sees", and the guides' claims about it ----
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ask = async (org: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
  const answer: GraphQLResponse = await t.api.query(org, query, variables, ['analyst', 'supplier_admin']);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as Data;
};
const CHAIN = `query($root: ID, $asOf: DateTime) { supplyChain(rootId: $root, asOf: $asOf) { tiers { tier organizations { id } } links { id } } }`;
const tiersOf = (d: Data): Record<number, string[]> =>
  Object.fromEntries(
    d['supplyChain'].tiers.map((x: Data) => [x['tier'], x['organizations'].map((o: Data) => o['id']).sort()]),
  );
const FACTORIES = [
  ID.hiproDongguan,
  ID.mingshuoJiangsu,
  ID.msiShenzhen,
  ID.taidaDongguan,
  ID.wistronZhongshan,
].sort();
const MANUFACTURERS = [ID.delta, ID.msi, ID.pegatron, ID.wistron].sort();
const ids = (list: Data[]) => list.map((x) => x['id']);

describe('what each demo viewer sees (docs/demo-scenario.md)', () => {
  beforeAll(async () => {
    await loadGraph(t.db, DEMO_SCENARIO);
  });

  it('Region Stockholm today, in 2013 and in 2016', async () => {
    expect(tiersOf(await ask(ID.regionStockholm, CHAIN))).toEqual({
      1: [ID.atea],
      2: [ID.dell],
      3: [...FACTORIES, ...MANUFACTURERS].sort(),
    });
    expect(tiersOf(await ask(ID.regionStockholm, CHAIN, { asOf: '2013-06-01' }))).toEqual({ 1: [ID.dell] });
    const in2016 = await ask(ID.regionStockholm, CHAIN, { asOf: '2016-06-01' });
    expect(tiersOf(in2016)[1]).toEqual([ID.atea]);
    expect(tiersOf(in2016)[2]).toEqual([ID.dell]);
    expect(tiersOf(in2016)[3]).toEqual(expect.arrayContaining(FACTORIES));
    expect(ids(in2016['supplyChain'].links)).toEqual(
      expect.arrayContaining([ID.linkAteaSthlm2014, ID.linkDellAtea2014]),
    );
  });

  it('Region Stockholm’s exposure: the five flagged factories at tier 3, Dell at 2 by its disclosures', async () => {
    const { exposure } = await ask(
      ID.regionStockholm,
      `{ exposure { closestTier findings { tier organization { id } path { id } indicators { kind }
         disclosedIndicators { kind disclosure { id } } } } }`,
    );
    const findings = exposure.findings as Data[];
    const publicOnes = findings.filter((f) => f['indicators'].length > 0);
    expect(publicOnes.map((f) => f['organization'].id).sort()).toEqual(FACTORIES);
    for (const f of publicOnes) {
      expect(f['tier']).toBe(3);
      expect(ids(f['path'])).toEqual([ID.regionStockholm, ID.atea, ID.dell, f['organization'].id]);
    }
    expect(exposure.closestTier).toBe(2);
    const disclosed = (id: string) =>
      findings
        .find((f) => f['organization'].id === id)
        ?.['disclosedIndicators'].map((x: Data) => x['kind'])
        .sort();
    expect(disclosed(ID.dell)).toEqual(['OVERDUE_ACTION', 'OVERDUE_ACTION']);
    expect(disclosed(ID.hiproDongguan)).toEqual(['OVERDUE_ACTION']);
    expect(disclosed(ID.msiShenzhen)).toEqual(['EXPIRED_EVIDENCE']);
  });

  it('Region Stockholm’s evidence', async () => {
    const OF = `query($id: ID!) { organization(id: $id) { disclosures { id expired actions { id overdue } } } }`;
    const of = async (id: string) =>
      (await ask(ID.regionStockholm, OF, { id })).organization.disclosures as Data[];
    const dell = await of(ID.dell);
    expect(ids(dell).sort()).toEqual([ID.dellPlan, ID.dellImprovements]);
    const plan = dell.find((d) => d['id'] === ID.dellPlan)!;
    expect(plan['actions'].filter((a: Data) => a['overdue']).map((a: Data) => a['id'])).toEqual([
      'cap-3',
      'cap-4',
    ]);
    const hipro = await of(ID.hiproDongguan);
    expect(ids(hipro)).toEqual([ID.dellAuditHipro]);
    expect(hipro[0]!['actions'].filter((a: Data) => a['overdue']).map((a: Data) => a['id'])).toEqual(['f-1']);
    expect((await of(ID.msiShenzhen)).map((d) => [d['id'], d['expired']])).toEqual([
      [ID.dellCertificateMsiShenzhen, true],
    ]);
    expect(ids(await of(ID.atea))).toEqual([ID.ateaSelfAssessment]);
    expect(
      (await ask(ID.regionStockholm, `{ disclosuresReceived { id } }`)).disclosuresReceived,
    ).toHaveLength(5);
  });

  it('Oslo kommune: Atea AS alone, a blind spot with its overdue request; Atea AS has it to answer', async () => {
    expect(tiersOf(await ask(ID.osloKommune, CHAIN))).toEqual({ 1: [ID.ateaNorway] });
    const oslo = await ask(
      ID.osloKommune,
      `{ exposure { blindSpots { id } blindSpotDetails { openAccessRequest { id overdue } } }
         accessRequestsSent { id status overdue } disclosuresReceived { id } }`,
    );
    expect(ids(oslo['exposure'].blindSpots)).toEqual([ID.ateaNorway]);
    expect(oslo['exposure'].blindSpotDetails[0].openAccessRequest).toEqual({
      id: ID.requestOsloAteaNorway,
      overdue: true,
    });
    expect(oslo['accessRequestsSent']).toEqual([
      { id: ID.requestOsloAteaNorway, status: 'OPEN', overdue: true },
    ]);
    expect(oslo['disclosuresReceived']).toEqual([]);
    const atea = await ask(ID.ateaNorway, `{ accessRequestsReceived { id status overdue } }`);
    expect(atea['accessRequestsReceived']).toEqual([
      { id: ID.requestOsloAteaNorway, status: 'OPEN', overdue: true },
    ]);
    expect(tiersOf(await ask(ID.sykehusinnkjop, CHAIN))).toEqual({ 1: [ID.ateaNorway], 2: [ID.dell] });
    expect(ids((await ask(ID.dfo, `{ exposure { blindSpots { id } } }`))['exposure'].blindSpots)).toEqual([
      ID.ateaNorway,
    ]);
  });

  it('Electronics Watch: Dell among its roots, its five factories, the plan alone; DanWatch nothing', async () => {
    const me = await ask(
      ID.electronicsWatch,
      `{ me { roots { id } } disclosuresReceived { id actions { id overdue } } }`,
    );
    expect(ids(me['me'].roots)).toContain(ID.dell);
    expect(ids(me['disclosuresReceived'])).toEqual([ID.dellPlan]);
    expect(
      me['disclosuresReceived'][0].actions.filter((a: Data) => a['overdue']).map((a: Data) => a['id']),
    ).toEqual(['cap-3', 'cap-4']);
    expect(tiersOf(await ask(ID.electronicsWatch, CHAIN, { root: ID.dell }))).toEqual({ 1: FACTORIES });
    expect(tiersOf(await ask(ID.danwatch, CHAIN))).toEqual({});
    expect(ids((await ask(ID.danwatch, `{ me { roots { id } } }`))['me'].roots)).toEqual([ID.danwatch]);
  });

  it('everyone else: no disclosure received and no request', async () => {
    const told = new Set<string>([ID.regionStockholm, ID.osloKommune, ID.ateaNorway, ID.electronicsWatch]);
    for (const { id } of DEMO_SCENARIO.organizations.filter((o) => !told.has(o.id))) {
      const d = await ask(
        id,
        `{ disclosuresReceived { id } accessRequestsSent { id } accessRequestsReceived { id } }`,
      );
      expect([id, d]).toEqual([
        id,
        { disclosuresReceived: [], accessRequestsSent: [], accessRequestsReceived: [] },
      ]);
    }
  });

  it('one contracted product: laptops reach Atea and Dell, no factory (docs/analyst-guide.md)', async () => {
    const PRODUCT = `query($product: String) { supplyChain(product: $product) { tiers { tier organizations { id } } }
      exposure(product: $product) { findings { organization { id } } blindSpots { id } } }`;
    const laptops = await ask(ID.regionStockholm, PRODUCT, { product: 'laptop computers' });
    expect(tiersOf(laptops)).toEqual({ 1: [ID.atea], 2: [ID.dell] });
    expect(ids(laptops['exposure'].findings.map((f: Data) => f['organization']))).toEqual([ID.dell]);
    expect(laptops['exposure'].blindSpots).toEqual([]);
  });

  it('the top actions: Dell’s cap-4, Hipro’s f-1, Dell’s cap-3, then audits (docs/risk-model.md)', async () => {
    const { riskAssessment } = await ask(ID.regionStockholm, `{ riskAssessment { actions { kind text } } }`);
    const texts = (riskAssessment.actions as Data[]).map((a) => a['text'] as string);
    expect(texts[0]).toMatch(/close action cap-4/);
    expect(texts[1]).toMatch(/close action f-1/);
    expect(texts[2]).toMatch(/close action cap-3/);
    expect((riskAssessment.actions as Data[]).slice(3, 6).map((a) => a['kind'])).toEqual([
      'ASK_FOR_AUDIT',
      'ASK_FOR_AUDIT',
      'ASK_FOR_AUDIT',
    ]);
  });
});

describe('what the demo lets its parties do (docs/demo-scenario.md, docs/evidence-guide.md)', () => {
  beforeEach(async () => {
    await loadGraph(t.db, DEMO_SCENARIO);
  });

  it('Atea AS grants Oslo kommune’s request: Oslo kommune sees Dell at tier 2, Atea AS no longer a blind spot', async () => {
    await ask(
      ID.ateaNorway,
      `mutation { answerAccessRequest(id: "ar-oslo-atea-no", decision: GRANT) { status } }`,
    );
    expect(tiersOf(await ask(ID.osloKommune, CHAIN))).toEqual({ 1: [ID.ateaNorway], 2: [ID.dell] });
    const spots = (await ask(ID.osloKommune, `{ exposure { blindSpots { id } } }`))['exposure'].blindSpots;
    expect(ids(spots)).not.toContain(ID.ateaNorway);
  });

  it('Atea AS may extend the request once, to at most 2026-12-19', async () => {
    const EXTEND = `mutation($dueAt: DateTime!) { answerAccessRequest(id: "ar-oslo-atea-no", decision: EXTEND, dueAt: $dueAt, reason: "r") { dueAt } }`;
    const late = await t.api.query(ID.ateaNorway, EXTEND, { dueAt: '2026-12-19T00:00:01Z' }, [
      'supplier_admin',
    ]);
    expect(late.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ask(ID.ateaNorway, EXTEND, { dueAt: '2026-12-19T00:00:00Z' });
  });

  it('any supplier_admin may name a listed monitor in shareSourcing', async () => {
    const d = await ask(
      ID.adda,
      `mutation { shareSourcing(recipientId: "dk-danwatch") { recipient { id name type country } } }`,
    );
    expect(d['shareSourcing'].recipient).toEqual({
      id: ID.danwatch,
      name: 'DanWatch',
      type: 'MONITOR',
      country: 'DK',
    });
  });
});
