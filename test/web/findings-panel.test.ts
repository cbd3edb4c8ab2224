// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "My findings" against a fake /graphql: what a monitor recorded, newest first as the API answers,
// each with its organization, kind, severity, source, observed day, and when and by whom it was
// recorded; the withdrawn ones folded apart with the instant; Withdraw asks first, naming the finding
// and its organization and saying it cannot be undone, and shows the API's refusal beside it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MyFindings, type Finding } from '../../web/src/findings.ts';
import { fakeApi, refused, settle } from './fake-api.ts';

const HIPRO = { id: 'cn-hipro', name: 'Hipro Electronics' };
const finding = (patch: Partial<Finding> & Pick<Finding, 'id' | 'source'>): Finding => ({
  organization: HIPRO,
  kind: 'REPORT',
  severity: 'HIGH',
  observedAt: null,
  recordedAt: '2026-12-01T09:30:00.000Z',
  recordedByUserId: 'anna@electronicswatch.org',
  withdrawnAt: null,
  ...patch,
});
const FINDINGS = [
  finding({
    id: 'f-new',
    source: 'Electronics Watch compliance report, 2026-11',
    kind: 'AUDIT_FINDING',
    severity: 'CRITICAL',
    observedAt: '2026-11-02T00:00:00.000Z',
    recordedAt: '2026-12-05T14:07:00.000Z',
  }),
  finding({ id: 'f-old', source: 'Worker interviews 2026', organization: { id: 'cn-x', name: 'X Factory' } }),
  finding({ id: 'f-gone', source: 'Mistaken report', withdrawnAt: '2026-12-03T08:15:42.000Z' }),
];

let answer: unknown;
let withdrawal: unknown;
beforeEach(() => {
  answer = { data: { findingsRecorded: FINDINGS } };
  withdrawal = { data: { withdrawFinding: { id: 'f-new', withdrawnAt: '2026-12-06T00:00:00.000Z' } } };
});
const api = fakeApi(({ query }) => (query.includes('withdrawFinding(') ? withdrawal : answer));

async function mounted() {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  const handlers = { show: vi.fn(), changed: vi.fn(async (_news: string) => {}) };
  await new MyFindings(panel, 'token', handlers).load();
  await settle();
  return { panel, ...handlers };
}
const item = (panel: HTMLElement, id: string) =>
  panel.querySelector<HTMLElement>(`li.own-finding[data-finding-id="${id}"]`)!;

describe('My findings', () => {
  it('lists the live findings in the API’s order (newest first), each with what and when', async () => {
    const { panel } = await mounted();
    expect(
      [...panel.querySelectorAll<HTMLElement>('li.own-finding')].map((li) => li.dataset['findingId']),
    ).toEqual(['f-new', 'f-old']);
    expect(item(panel, 'f-new').querySelector('.own-finding-head')!.textContent).toBe(
      'Hipro Electronics CRITICAL Audit finding public',
    );
    expect(item(panel, 'f-new').querySelector('.risk-source')!.textContent).toBe(
      'Source: Electronics Watch compliance report, 2026-11 (observed 2026-11-02)',
    );
    expect(item(panel, 'f-new').querySelector('.own-finding-recorded')!.textContent).toBe(
      'Recorded 2026-12-05 14:07 UTC by anna@electronicswatch.org',
    );
    expect(item(panel, 'f-old').querySelector('.risk-source')!.textContent).toBe(
      'Source: Worker interviews 2026',
    );
  });

  it('folds the withdrawn ones apart, with the instant they were withdrawn', async () => {
    const { panel } = await mounted();
    const folded = panel.querySelector<HTMLDetailsElement>('details.withdrawn-findings')!;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('summary')!.textContent).toBe('Withdrawn (1)');
    expect(folded.querySelector('li.withdrawn-finding')!.textContent).toBe(
      'Report about Hipro Electronics (HIGH), source “Mistaken report”; withdrawn 2026-12-03 08:15 UTC',
    );
    expect(item(panel, 'f-gone')).toBeNull();
  });

  it('says so when there is none', async () => {
    answer = { data: { findingsRecorded: [] } };
    const { panel } = await mounted();
    expect(panel.querySelector('.no-own-findings')!.textContent).toBe('You have recorded no finding yet.');
    expect(panel.querySelector('details.withdrawn-findings')).toBeNull();
  });

  it('selects a finding’s organization from its name', async () => {
    const { panel, show } = await mounted();
    item(panel, 'f-old').querySelector<HTMLButtonElement>('.own-finding-head button')!.click();
    expect(show).toHaveBeenCalledWith({ id: 'cn-x', name: 'X Factory' });
  });

  it('withdraws only once asked, naming the finding and its organization, and says what was done', async () => {
    const { panel, changed } = await mounted();
    const button = item(panel, 'f-new').querySelector<HTMLButtonElement>('button.withdraw-finding')!;
    expect(button.getAttribute('aria-label')).toBe(
      'Withdraw the finding about Hipro Electronics: Electronics Watch compliance report, 2026-11',
    );
    api.confirm.mockReturnValueOnce(false);
    button.click();
    await settle();
    expect(api.calls('withdrawFinding')).toEqual([]);
    expect(api.confirm).toHaveBeenCalledWith(
      'Withdraw your audit finding (CRITICAL) about Hipro Electronics, source “Electronics Watch ' +
        'compliance report, 2026-11”? From now on it no longer counts anywhere (a view as of an earlier ' +
        'day still shows it). It cannot be undone.',
    );

    button.click();
    await settle();
    expect(api.calls('withdrawFinding').map((r) => r.variables)).toEqual([{ id: 'f-new' }]);
    expect(changed).toHaveBeenCalledWith(
      'Withdrew the finding about Hipro Electronics, source “Electronics Watch compliance report, 2026-11”.',
    );
  });

  it('shows the API’s refusal beside the finding', async () => {
    withdrawal = refused('Finding "f-new" is already withdrawn');
    const { panel, changed } = await mounted();
    item(panel, 'f-new').querySelector<HTMLButtonElement>('button.withdraw-finding')!.click();
    await settle();
    expect(item(panel, 'f-new').querySelector('[role="alert"]')!.textContent).toBe(
      'Finding "f-new" is already withdrawn',
    );
    expect(changed).not.toHaveBeenCalled();
  });

  it('offers Try again when it did not load', async () => {
    answer = refused('Something broke', 'INTERNAL_SERVER_ERROR');
    const { panel } = await mounted();
    expect(panel.querySelector('[role="alert"]')!.textContent).toBe(
      'Could not load your findings: Something broke',
    );
    answer = { data: { findingsRecorded: FINDINGS } };
    panel.querySelector<HTMLButtonElement>('button.retry')!.click();
    await settle();
    expect(panel.querySelectorAll('li.own-finding')).toHaveLength(2);
  });
});
