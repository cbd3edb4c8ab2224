// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard's exports as an analyst reads them back in a
// spreadsheet. A ranking's negative points (disclosed evidence that lowers a score) must stay numbers,
// and a file exported from an "As of" view must say which day it shows, as chainExport's file name does
// (`tiersight-chain-<root>-<asOf day>.csv`).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import { riskToCsv, type RiskAssessment } from '../../web/src/risk.ts';
import { CHAIN, EXPOSURE } from '../web/fixtures.ts';

const first = CHAIN.tiers[0]!.organizations[0]!;
const scored = (disclosed: number) => ({
  rank: 1,
  tier: 1,
  score: 12.5,
  organization: first,
  components: [
    { name: 'INHERENT', value: 0.5, weight: 0.2, contribution: 10, inputs: [] },
    { name: 'PUBLIC_INDICATORS', value: 0, weight: 0.35, contribution: 0, inputs: [] },
    // A valid audit and closed actions: relief, as docs/risk-model.md allows (down to -0.5).
    { name: 'DISCLOSED_EVIDENCE', value: disclosed / 25, weight: 0.25, contribution: disclosed, inputs: [] },
    { name: 'VISIBILITY', value: 0, weight: 0.15, contribution: 0, inputs: [] },
    { name: 'PROXIMITY', value: 1, weight: 0.05, contribution: 5, inputs: [] },
  ],
});
const assessment = (disclosed: number): RiskAssessment => ({
  root: { id: CHAIN.root.id, name: CHAIN.root.name },
  at: '2016-06-01T00:00:00.000Z',
  organizations: [scored(disclosed)],
  top: [scored(disclosed)],
  actions: [],
});

/** Splits one CSV line of plain cells (no quoting in these rows). */
const cells = (line: string) => line.split(',');

describe('the ranking CSV', () => {
  it('writes a negative contribution as a number a spreadsheet can add up, not as text', () => {
    const csv = riskToCsv(assessment(-7.5));
    const [header, row] = csv.trimEnd().split('\r\n');
    const column = cells(header!).indexOf('disclosed_evidence');
    expect(column).toBeGreaterThan(0);
    expect(cells(row!)[column]).toBe('-7.5');
    const points = cells(row!).slice(7).map(Number);
    expect(points.every((p) => Number.isFinite(p))).toBe(true);
    expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(7.5, 5);
  });
});

// The dashboard against a fake /graphql, as test/web/app.test.ts drives it.
type Answer = { data?: unknown; errors?: { message: string; extensions?: { code: string } }[] };
function fakeServer(routes: [RegExp, () => Answer][]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { query: string };
      const route = routes.find(([pattern]) => pattern.test(body.query));
      const answer = route
        ? route[1]()
        : { errors: [{ message: 'not in this fake', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }),
  );
}
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

let root: HTMLElement;
let saved: { name: string; blob: Blob }[];
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  sessionStorage.setItem(TOKEN_KEY, 'token-1');
  saved = [];
  let lastBlob: Blob | null = null;
  URL.createObjectURL = (blob: Blob) => {
    lastBlob = blob as Blob;
    return 'blob:fake';
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: lastBlob! });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

async function dashboardAsOf(day: string) {
  fakeServer([
    [/\{ me \{/, () => ({ data: { me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [] } } })],
    [/__type/, () => ({ errors: [{ message: 'off', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] })],
    [/DashboardEvidence/, () => ({ data: { received: [], given: [], inbox: [], outbox: [] } })],
    [/DashboardExposure/, () => ({ data: { exposure: EXPOSURE } })],
    [/DashboardRisk/, () => ({ data: { riskAssessment: assessment(3) } })],
    [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
  ]);
  await start(root);
  await settle();
  const asOf = root.querySelector<HTMLInputElement>('#filter-as-of')!;
  asOf.value = day;
  asOf.dispatchEvent(new Event('change'));
  await settle();
}

describe('exports of an "As of" view', () => {
  it('name the chain CSV after the As of day it shows, as the API’s chainExport does', async () => {
    await dashboardAsOf('2016-06-01');
    root.querySelector<HTMLButtonElement>('#export-csv')!.click();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toContain('2016-06-01');
  });

  it('start with a byte order mark, so that Excel reads their UTF-8 as UTF-8', async () => {
    await dashboardAsOf('2016-06-01');
    root.querySelector<HTMLButtonElement>('#export-csv')!.click();
    root.querySelector<HTMLButtonElement>('#export-risk-csv')!.click();
    expect(saved).toHaveLength(2);
    for (const { blob } of saved) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes.slice(3))).toMatch(/^[a-z_]+,/);
    }
  });

  it('name the ranking CSV after the As of day it ranks', async () => {
    await dashboardAsOf('2016-06-01');
    const button = root.querySelector<HTMLButtonElement>('#export-risk-csv');
    expect(button).not.toBeNull();
    button!.click();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toContain('2016-06-01');
  });
});
