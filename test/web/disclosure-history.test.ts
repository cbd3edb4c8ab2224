// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// My disclosures' "History": each of the organization's disclosures, withdrawn ones too, opens its
// versions (read once, when first opened, through disclosuresGiven(id)), each with its number, when
// and by whom it was saved and what it changed in plain words, and the withdrawal first; a server
// without disclosuresGiven(id) gets no History button.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CAPABILITIES, capabilities } from '../../web/src/api.ts';
import {
  historyList,
  versionChanges,
  type DisclosureVersion,
  type Withdrawal,
} from '../../web/src/disclosure-history.ts';
import { MyDisclosures } from '../../web/src/my-disclosures.ts';
import { DELL, fakeApi, ownDisclosure, settle } from './fake-api.ts';

const action = {
  id: 'cap-1',
  finding: 'Excessive overtime',
  severity: 'HIGH' as const,
  action: 'Cap weekly hours',
  dueAt: '2026-03-31T00:00:00.000Z',
  status: 'IN_PROGRESS' as const,
  verification: null,
  closedAt: null,
};

const V1: DisclosureVersion = {
  version: 1,
  recordedAt: '2025-06-02T08:00:00.000Z',
  actorUserId: 'tiersight-import',
  title: 'Corrective action plan',
  summary: null,
  issuer: null,
  standard: null,
  products: [],
  issuedAt: '2025-06-01T00:00:00.000Z',
  validUntil: null,
  documentUrl: null,
  documentSha256: null,
  actions: [action],
};
const V2: DisclosureVersion = {
  ...V1,
  version: 2,
  recordedAt: '2026-01-10T09:30:00.000Z',
  actorUserId: 'anna@dell',
  title: 'Corrective action plan, 2026',
  summary: 'Agreed with the auditor.',
  products: ['laptops'],
  validUntil: '2027-06-01T00:00:00.000Z',
  documentSha256: 'a'.repeat(64),
  actions: [
    { ...action, dueAt: '2026-06-30T00:00:00.000Z' },
    { ...action, id: 'cap-2', finding: 'No fire exits', severity: 'CRITICAL', status: 'OPEN' },
  ],
};
const V3: DisclosureVersion = {
  ...V2,
  version: 3,
  recordedAt: '2026-02-01T10:05:00.000Z',
  actions: [
    { ...V2.actions[0]!, status: 'CLOSED', closedAt: '2026-01-31T00:00:00.000Z', verification: 'DESKTOP' },
  ],
};

const PLAN = ownDisclosure({
  id: 'd-plan',
  kind: 'CORRECTIVE_ACTION_PLAN',
  title: 'Corrective action plan, 2026',
  version: 3,
});
const GONE = ownDisclosure({
  id: 'd-gone',
  kind: 'CERTIFICATE',
  title: 'Old certificate',
  withdrawnAt: '2026-03-01T12:00:00.000Z',
});
const PANEL = {
  disclosuresGiven: [PLAN, GONE],
  sharesGiven: [],
  requesters: [],
  ownSupplyLinks: [],
  me: { customers: [] },
};
const OLD = { ...V1, title: 'Old certificate', actions: [], actorUserId: 'erik@dell' };
const HISTORIES: Record<string, { id: string; history: DisclosureVersion[] } & Withdrawal> = {
  'd-plan': { id: 'd-plan', withdrawnAt: null, withdrawnBy: null, history: [V3, V2, V1] },
  'd-gone': { id: 'd-gone', withdrawnAt: GONE.withdrawnAt, withdrawnBy: 'anna@dell', history: [OLD] },
};

let reachable = true;
beforeEach(() => {
  reachable = true;
});
const { sent } = fakeApi(({ variables }) => {
  const one = variables['id'];
  if (typeof one === 'string' && !reachable) throw new TypeError('Failed to fetch');
  return { data: typeof one === 'string' ? { disclosuresGiven: [HISTORIES[one]!] } : PANEL };
});

async function mounted(can = ALL_CAPABILITIES) {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  await new MyDisclosures(
    panel,
    'token',
    DELL,
    can,
    vi.fn(async () => {}),
  ).load();
  return panel;
}

const historyReads = () => sent.filter((r) => 'id' in r.variables);
const opener = (panel: HTMLElement, id: string) =>
  panel.querySelector<HTMLButtonElement>(`[data-disclosure-id="${id}"] button.disclosure-history-open`)!;
const region = (panel: HTMLElement, id: string) =>
  panel.querySelector<HTMLElement>(`[data-disclosure-id="${id}"] .disclosure-history`)!;
const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('what a version changed, in plain words', () => {
  it('names each field changed, the summary and hash without quoting them, and each action added or moved on', () => {
    expect(versionChanges(V1, V2)).toEqual([
      'Title changed from “Corrective action plan” to “Corrective action plan, 2026”',
      'Summary added',
      'Products changed from all to laptops',
      'Validity end set to 2027-06-01',
      'Document SHA-256 added',
      'Action cap-1 (Excessive overtime): due date changed from 2026-03-31 to 2026-06-30',
      'Action cap-2 added: No fire exits (CRITICAL, due 2026-03-31, open)',
    ]);
    expect(versionChanges(V2, V3)).toEqual([
      'Action cap-1 (Excessive overtime): status changed from in progress to closed; closing day set to 2026-01-31; verified by documents',
      'Action cap-2 removed: No fire exits',
    ]);
  });

  it('says when the summary was rewritten or removed, and when only the order of the actions changed', () => {
    expect(versionChanges(V2, { ...V2, summary: 'Agreed again.' })).toEqual(['Summary rewritten']);
    expect(versionChanges(V2, { ...V2, summary: null, validUntil: null })).toEqual([
      'Summary removed',
      'Validity end removed (was 2027-06-01)',
    ]);
    expect(versionChanges(V2, { ...V2, actions: [...V2.actions].reverse() })).toEqual([
      'Actions put in another order',
    ]);
  });
});

describe('History in My disclosures', () => {
  it('opens the versions newest first, each saying when, by whom and what changed, read once', async () => {
    const panel = await mounted();
    expect(historyReads()).toHaveLength(0);
    const button = opener(panel, 'd-plan');
    expect([
      button.textContent,
      button.getAttribute('aria-label'),
      button.getAttribute('aria-expanded'),
    ]).toEqual(['History', 'History of “Corrective action plan, 2026”', 'false']);
    button.click();
    await settle();
    expect(historyReads().map((r) => r.variables)).toEqual([{ id: 'd-plan' }]);
    expect(historyReads()[0]!.query).toMatch(/disclosuresGiven\(id: \$id, includeWithdrawn: true\)/);
    const shown = region(panel, 'd-plan');
    expect([shown.hidden, button.getAttribute('aria-expanded')]).toEqual([false, 'true']);
    expect(shown.querySelector('p')!.textContent).toBe('3 versions, newest first.');
    expect(texts(shown, '.version-line')).toEqual([
      'Version 3 · saved 2026-02-01 10:05 UTC (by anna@dell)',
      'Version 2 · saved 2026-01-10 09:30 UTC (by anna@dell)',
      'Version 1 · saved 2025-06-02 08:00 UTC (recorded by a data import, not by a user)',
    ]);
    const versions = [...shown.querySelectorAll('li.history-version')];
    expect(texts(versions[2]!, '.version-changes li')).toEqual(['Published']);
    expect(texts(versions[0]!, '.version-changes li')).toEqual(versionChanges(V2, V3));
    // Each version's content, folded under it.
    expect(versions[0]!.querySelector('details.version-content summary')!.textContent).toBe(
      'What version 3 said',
    );
    expect(texts(versions[0]!, '.version-actions li')).toEqual([
      'cap-1 · HIGH · Excessive overtime: Cap weekly hours · due 2026-06-30 · closed 2026-01-31, verified by documents',
    ]);

    // Closing and opening again reads nothing more.
    button.click();
    expect(shown.hidden).toBe(true);
    button.click();
    await settle();
    expect(historyReads()).toHaveLength(1);
  });

  it('opens a withdrawn disclosure’s history too, the withdrawal first', async () => {
    const panel = await mounted();
    opener(panel, 'd-gone').click();
    await settle();
    const shown = region(panel, 'd-gone');
    expect(texts(shown, 'ol.history-versions > li')[0]).toBe(
      'Withdrawn 2026-03-01 12:00 UTC (by anna@dell): nobody sees it since.',
    );
    expect(texts(shown, '.version-line')).toEqual(['Version 1 · saved 2025-06-02 08:00 UTC (by erik@dell)']);
  });

  it('names who withdrew as it names who saved a version: the import as no user, nobody when unknown', () => {
    const first = (withdrawnBy: string | null) =>
      historyList({ withdrawnAt: '2026-03-01T12:00:00.000Z', withdrawnBy }, [OLD]).querySelector('li')!
        .textContent;
    expect(first('tiersight-import')).toBe(
      'Withdrawn 2026-03-01 12:00 UTC (recorded by a data import, not by a user): nobody sees it since.',
    );
    // Withdrawn before the server kept who withdrew.
    expect(first(null)).toBe('Withdrawn 2026-03-01 12:00 UTC: nobody sees it since.');
  });

  it('names every History button by its disclosure', async () => {
    const panel = await mounted();
    const names = [...panel.querySelectorAll('button.disclosure-history-open')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(names).toEqual(['History of “Corrective action plan, 2026”', 'History of “Old certificate”']);
  });

  it('says when the history did not load, and tries again when opened again', async () => {
    const panel = await mounted();
    reachable = false;
    opener(panel, 'd-plan').click();
    await settle();
    expect(region(panel, 'd-plan').querySelector('[role="alert"]')!.textContent).toMatch(
      /^Could not load the history: Could not reach the Tiersight server/,
    );
    reachable = true;
    opener(panel, 'd-plan').click();
    opener(panel, 'd-plan').click();
    await settle();
    expect(texts(region(panel, 'd-plan'), '.version-line')).toHaveLength(3);
  });

  it('is not offered by a server without disclosuresGiven(id)', async () => {
    const panel = await mounted({ ...ALL_CAPABILITIES, ownHistory: false });
    expect(panel.querySelectorAll('button.disclosure-history-open, .disclosure-history')).toHaveLength(0);
  });

  it('is a capability read from disclosuresGiven’s arguments', async () => {
    const given = (args: string[]) => ({
      query: { fields: [{ name: 'disclosuresGiven', args: args.map((name) => ({ name })) }] },
    });
    for (const [args, expected] of [
      [['kind', 'includeWithdrawn', 'asOf'], false],
      [['kind', 'includeWithdrawn', 'asOf', 'id'], true],
    ] as const) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => new Response(JSON.stringify({ data: given([...args]) }))),
      );
      expect((await capabilities('token')).ownHistory).toBe(expected);
    }
  });
});
