// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A version whose texts were erased (redactDisclosureVersion) in My disclosures' History: it says when
// and by whom instead of quoting empty texts, the next version's changes say nothing about texts they
// cannot compare, and "Erase texts of version N…" is offered on each version that may be erased (any
// earlier one, every one of a withdrawn disclosure, none twice); it asks first, erases, reads the
// history again, says so where the focus goes, and shows the API's refusal beside the button.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CAPABILITIES, capabilities } from '../../web/src/api.ts';
import {
  historyList,
  versionChanges,
  type DisclosureVersion,
  type Withdrawal,
} from '../../web/src/disclosure-history.ts';
import { MyDisclosures } from '../../web/src/my-disclosures.ts';
import { DELL, fakeApi, ownDisclosure, refused, settle } from './fake-api.ts';

const action = {
  id: 'cap-1',
  finding: 'Overtime of Li Wei, line 3',
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
  actorUserId: 'erik@dell',
  title: 'Plan naming Li Wei',
  summary: 'Li Wei told the auditor.',
  issuer: 'Auditor Jane Doe',
  standard: 'RBA VAP 7.0',
  products: [],
  issuedAt: '2025-06-01T00:00:00.000Z',
  validUntil: null,
  documentUrl: 'https://example.org/jane.doe/report.pdf',
  documentSha256: null,
  actions: [action],
  redactedAt: null,
  redactedBy: null,
};
const V2: DisclosureVersion = {
  ...V1,
  version: 2,
  recordedAt: '2026-01-10T09:30:00.000Z',
  actorUserId: 'anna@dell',
  title: 'Corrective action plan',
  summary: 'Agreed with the auditor.',
  issuer: 'Audit firm',
  documentUrl: 'https://example.org/report.pdf',
  validUntil: '2027-06-01T00:00:00.000Z',
  actions: [{ ...action, finding: 'Excessive overtime', dueAt: '2026-06-30T00:00:00.000Z' }],
};
const V3: DisclosureVersion = {
  ...V2,
  version: 3,
  recordedAt: '2026-02-01T10:05:00.000Z',
  actions: [{ ...V2.actions[0]!, status: 'CLOSED', closedAt: '2026-01-31T00:00:00.000Z' }],
};

/** `v` as the API answers it once its texts are erased. */
const erasedVersion = (v: DisclosureVersion, by: string | null = 'anna@dell'): DisclosureVersion => ({
  ...v,
  title: '',
  summary: null,
  issuer: null,
  standard: null,
  documentUrl: null,
  actions: v.actions.map((a) => ({ ...a, finding: '', action: '' })),
  redactedAt: '2026-12-07T10:00:00.000Z',
  redactedBy: by,
});

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent);
const LIVE: Withdrawal = { withdrawnAt: null, withdrawnBy: null };

describe('a version whose texts were erased', () => {
  it('says when and by whom, and shows what is left of it, not empty texts', () => {
    const list = historyList(LIVE, [V2, erasedVersion(V1)]);
    const first = list.querySelector('li.history-version[data-version="1"]')!;
    expect(first.querySelector('.version-erased')!.textContent).toBe(
      'Texts erased on 2026-12-07 (by anna@dell).',
    );
    expect(texts(first, '.version-changes li')).toEqual(['Published']);
    expect(first.querySelector('details.version-content summary')!.textContent).toBe(
      'What is left of version 1',
    );
    expect(first.querySelector('details.version-content strong')).toBeNull();
    expect(texts(first, '.version-actions li')).toEqual(['cap-1 · HIGH · due 2026-03-31 · in progress']);
    expect(first.textContent).not.toContain('“”');
    // An erasure the import recorded, and one whose user is unknown.
    const byImport = historyList(LIVE, [V2, erasedVersion(V1, 'tiersight-import')]);
    expect(byImport.querySelector('.version-erased')!.textContent).toBe(
      'Texts erased on 2026-12-07 (recorded by a data import, not by a user).',
    );
    expect(
      historyList(LIVE, [V2, erasedVersion(V1, null)]).querySelector('.version-erased')!.textContent,
    ).toBe('Texts erased on 2026-12-07.');
  });

  it('leaves the next version’s changes to what is still known: no “changed from “””', () => {
    expect(versionChanges(erasedVersion(V1), V2)).toEqual([
      'Validity end set to 2027-06-01',
      'Action cap-1 (Excessive overtime): due date changed from 2026-03-31 to 2026-06-30',
    ]);
    // The erased one compared with the one before it: the same, its texts unknown.
    expect(versionChanges(V1, erasedVersion(V2))).toEqual([
      'Validity end set to 2027-06-01',
      'Action cap-1: due date changed from 2026-03-31 to 2026-06-30',
    ]);
    // Only texts changed: said, not "no change".
    const retitled = { ...V2, version: 3, title: 'Plan, corrected' };
    expect(versionChanges(erasedVersion(V2), retitled)).toEqual([
      'Only texts changed, and those of version 2 are erased',
    ]);
    // Actions added or removed are named by their id, as the erased version's findings are unknown.
    const other = { ...action, id: 'cap-2', finding: 'No fire exits' };
    expect(versionChanges(erasedVersion({ ...V2, actions: [other] }), V2)).toEqual([
      'Action cap-1 added: Excessive overtime (HIGH, due 2026-06-30, in progress)',
      'Action cap-2 removed',
    ]);
    expect(versionChanges(V2, erasedVersion({ ...V2, version: 3, actions: [other] }))).toEqual([
      'Action cap-2 added (HIGH, due 2026-03-31, in progress)',
      'Action cap-1 removed: Excessive overtime',
    ]);
  });

  it('draws the history of a live disclosure as the panel shows it, with the erased version said', () => {
    const list = historyList(LIVE, [V3, V2, erasedVersion(V1)]);
    const second = list.querySelector('li.history-version[data-version="2"]')!;
    expect(texts(second, '.version-changes li')).toEqual(versionChanges(erasedVersion(V1), V2));
    expect(second.textContent).not.toMatch(/Title changed|Summary|Issuer|Document URL/);
    expect(list.querySelectorAll('.version-erased')).toHaveLength(1);
  });
});

// The API in the fake: the histories as they stand, each erasure applied as the server applies it.
const PLAN = ownDisclosure({
  id: 'd-plan',
  kind: 'CORRECTIVE_ACTION_PLAN',
  title: 'Corrective action plan',
  version: 3,
});
const GONE = ownDisclosure({
  id: 'd-gone',
  title: 'Old certificate',
  withdrawnAt: '2026-03-01T12:00:00.000Z',
});
const OLD: DisclosureVersion = { ...V1, title: 'Old certificate', actions: [] };
let histories: Record<string, { id: string; history: DisclosureVersion[] } & Withdrawal>;
let withdrawnShown: ReturnType<typeof ownDisclosure>;
let refusal: string | null;
beforeEach(() => {
  histories = {
    'd-plan': { id: 'd-plan', ...LIVE, history: [V3, V2, V1] },
    'd-gone': { id: 'd-gone', withdrawnAt: GONE.withdrawnAt, withdrawnBy: 'anna@dell', history: [OLD] },
  };
  withdrawnShown = GONE;
  refusal = null;
});

const api = fakeApi(({ query, variables }) => {
  const id = variables['id'];
  if (query.includes('redactDisclosureVersion(')) {
    if (refusal !== null) return refused(refusal);
    const found = histories[String(id)]!;
    found.history = found.history.map((v) => (v.version === variables['version'] ? erasedVersion(v) : v));
    return { data: { redactDisclosureVersion: { id } } };
  }
  if (typeof id === 'string') return { data: { disclosuresGiven: [histories[id]!] } };
  return {
    data: {
      disclosuresGiven: [PLAN, withdrawnShown],
      sharesGiven: [],
      requesters: [],
      ownSupplyLinks: [],
      me: { customers: [] },
    },
  };
});

async function opened(id: string, can = ALL_CAPABILITIES) {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  await new MyDisclosures(
    panel,
    'token',
    DELL,
    can,
    vi.fn(async () => {}),
  ).load();
  panel
    .querySelector<HTMLButtonElement>(`[data-disclosure-id="${id}"] button.disclosure-history-open`)!
    .click();
  await settle();
  return panel.querySelector<HTMLElement>(`[data-disclosure-id="${id}"] .disclosure-history`)!;
}
const erasers = (region: HTMLElement) => texts(region, 'button.erase-version');
const historyReads = () => api.sent.filter((r) => r.query.includes('disclosuresGiven(id:'));

describe('"Erase texts of version N…"', () => {
  it('is offered on each earlier version of a live disclosure, not its current one nor an erased one', async () => {
    let region = await opened('d-plan');
    expect(historyReads()[0]!.query).toMatch(/redactedAt redactedBy/);
    expect(erasers(region)).toEqual(['Erase texts of version 2…', 'Erase texts of version 1…']);
    expect(
      region.querySelector('li[data-version="2"] button.erase-version')!.getAttribute('aria-label'),
    ).toBe('Erase texts of version 2 of “Corrective action plan”…');
    expect(region.querySelector('li[data-version="3"] button.erase-version')).toBeNull();

    histories['d-plan']!.history = [V3, V2, erasedVersion(V1)];
    region = await opened('d-plan');
    expect(erasers(region)).toEqual(['Erase texts of version 2…']);
  });

  it('is offered on every version of a withdrawn disclosure, its last one too', async () => {
    const region = await opened('d-gone');
    expect(erasers(region)).toEqual(['Erase texts of version 1…']);
  });

  it('is not offered, nor redactedAt asked for, by a server that does not erase texts', async () => {
    const region = await opened('d-plan', { ...ALL_CAPABILITIES, redactVersions: false });
    expect(erasers(region)).toEqual([]);
    expect(historyReads()[0]!.query).not.toContain('redacted');
    expect(texts(region, '.version-line')).toHaveLength(3);
  });

  it('asks first, erases, reads the history again and says so where the focus goes', async () => {
    const region = await opened('d-plan');
    const button = region.querySelector<HTMLButtonElement>('li[data-version="1"] button.erase-version')!;
    button.focus();
    button.click();
    await settle();
    expect(api.confirm).toHaveBeenCalledOnce();
    const question = api.confirm.mock.calls[0]![0]!;
    expect(question).toMatch(/^Erase the texts of version 1 of “Corrective action plan”\?/);
    expect(question).toContain('for everyone who may see this disclosure');
    expect(question).toContain('It cannot be undone.');
    expect(api.calls('redactDisclosureVersion').map((r) => r.variables)).toEqual([
      { id: 'd-plan', version: 1 },
    ]);
    expect(historyReads()).toHaveLength(2);
    expect(region.querySelector('li[data-version="1"] .version-erased')!.textContent).toBe(
      'Texts erased on 2026-12-07 (by anna@dell).',
    );
    expect(erasers(region)).toEqual(['Erase texts of version 2…']);
    const news = region.querySelector<HTMLElement>('.history-news')!;
    expect(news.getAttribute('role')).toBe('status');
    expect(news.textContent).toBe(
      'Erased the texts of version 1: everyone who may see this disclosure now sees them erased.',
    );
    // The button pressed went with the version it erased: the focus is on the line that says so.
    expect(document.activeElement).toBe(news);
    expect(region.hidden).toBe(false);
  });

  it('does nothing when the question is declined', async () => {
    const region = await opened('d-gone');
    api.confirm.mockReturnValue(false);
    region.querySelector<HTMLButtonElement>('button.erase-version')!.click();
    await settle();
    expect(api.calls('redactDisclosureVersion')).toEqual([]);
    expect(historyReads()).toHaveLength(1);
    expect(erasers(region)).toEqual(['Erase texts of version 1…']);
  });

  it('shows the API’s refusal beside the button, which stays', async () => {
    const region = await opened('d-plan');
    refusal =
      'Version 2 of this disclosure is its current version: correct it with updateDisclosure first, then redact the earlier version';
    const button = region.querySelector<HTMLButtonElement>('li[data-version="2"] button.erase-version')!;
    button.click();
    await settle();
    expect(region.querySelector('li[data-version="2"] [role="alert"]')!.textContent).toBe(refusal);
    expect(historyReads()).toHaveLength(1);
    expect(button.isConnected && !button.disabled).toBe(true);
    expect(region.querySelector('.history-news')!.textContent).toBe('');
  });

  it('names a withdrawn disclosure whose last version was erased as such, not by an empty title', async () => {
    withdrawnShown = { ...GONE, title: '', redactedAt: '2026-12-07T10:00:00.000Z' };
    histories['d-gone']!.history = [erasedVersion(OLD)];
    const region = await opened('d-gone');
    const line = region.closest('li.withdrawn-disclosure')!;
    expect(line.textContent).toMatch(/^Certificate: \(texts erased\), about Dell Technologies/);
    expect(line.querySelector('button.disclosure-history-open')!.getAttribute('aria-label')).toBe(
      'History of “(texts erased)”',
    );
    expect(erasers(region)).toEqual([]);
  });

  it('drops the title where the list shows it once the last version of a withdrawn one is erased, History kept open', async () => {
    const region = await opened('d-gone');
    const line = region.closest('li.withdrawn-disclosure')!;
    expect(line.textContent).toMatch(/^Certificate: Old certificate, about /);
    region.querySelector<HTMLButtonElement>('li[data-version="1"] button.erase-version')!.click();
    await settle();
    expect(line.querySelector('.withdrawn-line')!.textContent).toMatch(
      /^Certificate: \(texts erased\), about /,
    );
    expect(line.textContent).not.toContain('Old certificate');
    for (const labelled of [line.querySelector('button.disclosure-history-open')!, region])
      expect(labelled.getAttribute('aria-label')).toBe('History of “(texts erased)”');
    expect(region.hidden).toBe(false);
    expect(document.activeElement).toBe(region.querySelector('.history-news'));
  });

  it('is a capability read from the mutations the schema lists', async () => {
    for (const [mutations, expected] of [
      [['withdrawDisclosure'], false],
      [['withdrawDisclosure', 'redactDisclosureVersion'], true],
    ] as const) {
      vi.stubGlobal(
        'fetch',
        vi.fn(
          async () =>
            new Response(
              JSON.stringify({ data: { mutation: { fields: mutations.map((name) => ({ name })) } } }),
            ),
        ),
      );
      expect((await capabilities('token')).redactVersions).toBe(expected);
    }
  });
});
