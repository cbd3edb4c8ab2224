// The demo walked as an Electronics Watch researcher and an Oslo kommune analyst.
// - The chain export (chainExport, the dashboard's Export file) carried public risk indicators only:
//   Dell's CRITICAL overdue action, which exposure, the ranking and the dashboard's own CSV all report,
//   read "riskLevel 0" in the file an analyst hands on. It now carries the disclosed indicators apart,
//   the same as exposure's for every organization, and a monitor's export of its root Dell carries the
//   overdue actions of the plan Dell shared with it (exposure lists tiers 1.. only).
// - A ranking's equal scores got ranks 3, 4, 5 in the API where the dashboard and its CSV say "3=":
//   sharedRank gives them one.
// - A monitor declaring a supplier was told "the viewer organization cannot declare sourcing", not
//   which organization nor what it can do instead.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { readCsv } from '../support/chain-files.ts';
import { loadGraph } from '../support/database.ts';
import { DEMO_IDS as ID, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function ask(
  org: string,
  query: string,
  variables: Record<string, unknown> = {},
  roles: Role[] = ['analyst'],
): Promise<Data> {
  const answer = await t.api.query(org, query, variables, roles);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as Data;
}

const EXPORT_AND_EXPOSURE = `query($root: ID, $asOf: DateTime) {
  exposure(rootId: $root, asOf: $asOf) { findings { organization { id } disclosedIndicators {
    kind severity disclosure { id owner { name } } action { id } } } }
  json: chainExport(format: JSON, rootId: $root, asOf: $asOf) { content }
  csv: chainExport(format: CSV, rootId: $root, asOf: $asOf) { content }
}`;

/** Each organization's disclosed indicators as `kind severity disclosure action by`, in the order given. */
const said = (list: Data[], by: (x: Data) => string, action: (x: Data) => string | undefined) =>
  list.map((x) => [x['kind'], x['severity'], by(x), action(x) ?? '-'].join(' '));

describe('the chain export carries what disclosures flag, as exposure reports it', () => {
  it.each([
    ['now', null],
    ['in 2016, an action still open', '2016-06-01'],
    ['in early 2026, before two actions fell due', '2026-01-01'],
  ])('Region Stockholm, %s', async (_, asOf) => {
    const data = await ask(ID.regionStockholm, EXPORT_AND_EXPOSURE, { asOf });
    const fromExposure = new Map<string, string[]>(
      data['exposure'].findings.map((f: Data) => [
        f['organization'].id,
        said(
          f['disclosedIndicators'],
          (x) => `${x['disclosure'].id} by ${x['disclosure'].owner.name}`,
          (x) => x['action']?.id,
        ),
      ]),
    );
    const file = JSON.parse(data['json'].content) as { organizations: Data[] };
    const fromFile = new Map<string, string[]>(
      file.organizations.map((o) => [
        o['id'],
        said(
          o['disclosedIndicators'],
          (x) => `${x['disclosureId']} by ${x['disclosedBy'].name}`,
          (x) => x['action']?.id,
        ),
      ]),
    );
    for (const [id, indicators] of fromFile) {
      expect(indicators, id).toEqual(fromExposure.get(id) ?? []);
    }
    expect(fromExposure.size).toBeGreaterThan(0);
    const csv = readCsv(data['csv'].content);
    for (const node of csv.nodes) {
      const indicators = fromFile.get(node.id) ?? [];
      expect(node.attributes['disclosedRiskCount'], node.id).toBe(indicators.length);
    }
  });

  it('today Dell reads CRITICAL by Dell Technologies in the CSV, where its public risk level is 0', async () => {
    const data = await ask(ID.regionStockholm, EXPORT_AND_EXPOSURE, { asOf: null });
    const dell = readCsv(data['csv'].content).nodes.find((n) => n.id === ID.dell)!;
    expect(dell.attributes).toMatchObject({
      riskCount: 0,
      riskLevel: 0,
      disclosedRiskCount: 2,
      disclosedRiskLevel: 4,
      disclosedRiskSeverity: 'CRITICAL',
      disclosedRiskKinds: 'OVERDUE_ACTION',
      disclosedBy: 'Dell Technologies',
      disclosureIds: ID.dellPlan,
    });
    const msi = readCsv(data['csv'].content).nodes.find((n) => n.id === ID.msiShenzhen)!;
    expect(msi.attributes).toMatchObject({
      disclosedRiskKinds: 'EXPIRED_EVIDENCE',
      disclosedRiskSeverity: 'MEDIUM',
    });
  });

  it('Electronics Watch exporting its root Dell sees the overdue actions of the plan Dell shared with it', async () => {
    const data = await ask(ID.electronicsWatch, EXPORT_AND_EXPOSURE, { root: ID.dell, asOf: null });
    const file = JSON.parse(data['json'].content) as { organizations: Data[] };
    const dell = file.organizations.find((o) => o['id'] === ID.dell)!;
    expect(dell['tier']).toBe(0);
    expect(
      said(
        dell['disclosedIndicators'],
        (x) => x['disclosureId'],
        (x) => x['action']?.id,
      ),
    ).toEqual([`OVERDUE_ACTION CRITICAL ${ID.dellPlan} cap-4`, `OVERDUE_ACTION HIGH ${ID.dellPlan} cap-3`]);
    // Dell shared only its plan with Electronics Watch: nothing from its audit of Hipro or the certificate.
    const others = file.organizations.filter((o) => o['id'] !== ID.dell);
    expect(others.flatMap((o) => o['disclosedIndicators'])).toEqual([]);
  });

  it('a viewer that was shared nothing sees nothing disclosed', async () => {
    const data = await ask(ID.osloKommune, EXPORT_AND_EXPOSURE, { asOf: null });
    const file = JSON.parse(data['json'].content) as { organizations: Data[] };
    expect(file.organizations.map((o) => o['id'])).toEqual([ID.osloKommune, ID.ateaNorway]);
    expect(file.organizations.flatMap((o) => o['disclosedIndicators'])).toEqual([]);
  });
});

describe('a monitor’s questions name a root (docs/analyst-guide.md, Researchers and monitors)', () => {
  it('paths to a factory from the root Dell answer the way; without a root, nothing', async () => {
    const data = await ask(
      ID.electronicsWatch,
      `{ viaDell: paths(toId: "${ID.msiShenzhen}", rootId: "${ID.dell}", limit: 1) { organizations { id } }
         own: paths(toId: "${ID.msiShenzhen}", limit: 1) { organizations { id } } }`,
    );
    expect(data['viaDell'].map((p: Data) => p['organizations'].map((o: Data) => o['id']))).toEqual([
      [ID.dell, ID.msiShenzhen],
    ]);
    expect(data['own']).toEqual([]);
  });
});

describe('ranks of equal scores', () => {
  it('sharedRank gives a run of equal scores the rank of its first, as the dashboard does', async () => {
    const data = await ask(
      ID.regionStockholm,
      '{ riskAssessment { organizations { rank sharedRank score organization { id } } } }',
    );
    const ranked = data['riskAssessment'].organizations as Data[];
    let ties = 0;
    ranked.forEach((o, i) => {
      const first = ranked.findIndex((x) => x['score'] === o['score']);
      expect(o['rank']).toBe(i + 1);
      expect(o['sharedRank'], o['organization'].id).toBe(first + 1);
      if (first !== i) ties++;
    });
    // The demo's factories flagged by the same DanWatch report score alike.
    expect(ties).toBeGreaterThan(0);
  });
});

describe('a monitor declaring sourcing', () => {
  it('is told that its organization is a monitor and what it can do instead', async () => {
    const answer = await t.api.query(
      ID.electronicsWatch,
      `mutation { declareSupplyLink(supplierId: "${ID.dell}", products: ["laptops"]) { id } }`,
      {},
      ['supplier_admin'],
    );
    expect(answer.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        'your organization "nl-electronics-watch" is a MONITOR, which has no supply links: it cannot ' +
          'declare suppliers, only receive shares (ask for them with requestAccess)',
      ],
    ]);
  });
});
