// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "Where to start" in a DOM: the ranking's rows and their components, the actions, the CSV, and the
// tier view's colour by score.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildColumns, NO_FILTERS, risksById } from '../../web/src/model.ts';
import {
  renderRisk,
  riskToCsv,
  scoreBand,
  scoresById,
  shownRanks,
  type RiskAssessment,
} from '../../web/src/risk.ts';
import { renderTierView } from '../../web/src/tier-view.ts';
import { CHAIN } from './fixtures.ts';

const component = (name: string, contribution: number) => ({
  name,
  value: contribution / 20,
  weight: 0.2,
  contribution,
  inputs: [{ label: `${name} input`, value: '1', source: 'assumption: test' }],
});
const first = CHAIN.tiers[0]!.organizations[0]!;
const TOP = {
  rank: 1,
  tier: 1,
  score: 45.5,
  organization: first,
  components: [component('INHERENT', 16), component('VISIBILITY', 29.5)],
};
const ASSESSMENT: RiskAssessment = {
  root: { id: CHAIN.root.id, name: CHAIN.root.name },
  at: '2026-12-02T00:00:00.000Z',
  organizations: [
    { ...TOP, components: TOP.components.map(({ name, contribution }) => ({ name, contribution })) },
  ],
  top: [TOP],
  actions: [{ kind: 'REQUEST_ACCESS', text: `Request access from ${first.name}`, organization: first }],
};
const mount = () => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  return container;
};
afterEach(() => document.body.replaceChildren());
const handlers = () => ({
  select: vi.fn(),
  requestAccess: vi.fn(),
  showRequest: vi.fn(),
  exportCsv: vi.fn(),
});

describe('where to start', () => {
  it('lists the ranking, each row with its components and inputs', () => {
    const panel = mount();
    renderRisk(panel, { kind: 'loaded', assessment: ASSESSMENT }, handlers());
    const row = panel.querySelector<HTMLElement>(`li.risk-row[data-org-id="${first.id}"]`)!;
    // Read as "risk score 45.5 of 100, high": the band is not only a colour.
    expect(row.querySelector('.risk-score')!.textContent).toBe('risk score 45.5 of 100, high');
    expect(row.querySelector('.risk-score')!.className).toContain('band-high');
    expect(
      [...row.querySelectorAll('li.risk-component')].map((c) => (c as HTMLElement).dataset['component']),
    ).toEqual(['INHERENT', 'VISIBILITY']);
    expect(row.querySelector('.input-source')!.textContent).toBe('assumption: test');
    // Both lists carry visible headings that name them.
    expect([...panel.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Top actions', 'Ranking']);
    expect(panel.querySelector('ol.risk-ranking')!.getAttribute('aria-labelledby')).toBe(
      'risk-ranking-heading',
    );
  });

  it('opens the request form from a "Request access" action, and only shows the organization from the others', () => {
    const panel = mount();
    const h = handlers();
    const dell = CHAIN.tiers[1]!.organizations[0]!;
    const actions = [
      ...ASSESSMENT.actions,
      { kind: 'CLOSE_OVERDUE_ACTION', text: `Ask ${dell.name} to close action cap-4`, organization: dell },
    ];
    renderRisk(panel, { kind: 'loaded', assessment: { ...ASSESSMENT, actions } }, h);
    const [ask, close] = [...panel.querySelectorAll('li.risk-action')];
    expect(ask!.querySelector('.action-advice')!.textContent).toBe(`Request access from ${first.name}`);
    expect(ask!.querySelector('button')!.textContent).toBe(`Request access from ${first.name}…`);
    ask!.querySelector('button')!.click();
    // With the button pressed, where Escape in the form it opens returns.
    expect(h.requestAccess).toHaveBeenCalledWith(first, ask!.querySelector('button'));
    expect(close!.querySelector('.action-advice')!.textContent).toBe(
      `Ask ${dell.name} to close action cap-4`,
    );
    expect(close!.querySelector('button')!.textContent).toBe(`Show ${dell.name}`);
    close!.querySelector('button')!.click();
    expect(h.select).toHaveBeenCalledWith(dell.id);
    expect(h.requestAccess).toHaveBeenCalledTimes(1);
  });

  it('only shows the organization of a "Request access" action in a dated view (a request is sent today)', () => {
    const panel = mount();
    const h = { ...handlers(), requestAccess: null };
    renderRisk(panel, { kind: 'loaded', assessment: ASSESSMENT }, h);
    const ask = panel.querySelector('li.risk-action button')!;
    expect(ask.textContent).toBe(`Show ${first.name}`);
    (ask as HTMLButtonElement).click();
    expect(h.select).toHaveBeenCalledWith(first.id);
  });

  it('offers no CSV of an empty ranking, and says why', () => {
    const panel = mount();
    const empty = { ...ASSESSMENT, organizations: [], top: [], actions: [] };
    renderRisk(panel, { kind: 'loaded', assessment: empty }, handlers());
    const button = panel.querySelector<HTMLButtonElement>('#export-risk-csv')!;
    expect(button.disabled).toBe(true);
    expect(panel.querySelector(`#${button.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Nothing in this chain to assess, so nothing to export.',
    );
    expect(panel.textContent).not.toContain('0 organizations');
  });

  it('shows equal scores as equal ranks: the server orders them, but a report must not read an order there', () => {
    const at = (rank: number, score: number, id: string) => ({
      ...ASSESSMENT.organizations[0]!,
      rank,
      score,
      organization: { ...first, id },
    });
    const ranked = [at(1, 50, 'a'), at(2, 33.1, 'b'), at(3, 33.1, 'c'), at(4, 20, 'd')];
    expect([...shownRanks(ranked).values()]).toEqual(['1.', '2=', '2=', '4.']);
    // The CSV, the file that goes into the report, gives them the same rank, as a number to sort by.
    const csvRanks = riskToCsv({ ...ASSESSMENT, organizations: ranked })
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(csvRanks).toEqual(['1', '2', '2', '4']);
  });

  it('draws the rows that came with their inputs and counts the rest, which are in the CSV', () => {
    const panel = mount();
    const lean = {
      ...ASSESSMENT.organizations[0]!,
      rank: 2,
      score: 10,
      organization: { ...first, id: 'second' },
    };
    renderRisk(
      panel,
      { kind: 'loaded', assessment: { ...ASSESSMENT, organizations: [...ASSESSMENT.organizations, lean] } },
      handlers(),
    );
    expect([...panel.querySelectorAll<HTMLElement>('li.risk-row')].map((r) => r.dataset['orgId'])).toEqual([
      first.id,
    ]);
    expect(panel.querySelector('.list-more')!.textContent).toBe('… and 1 more in the CSV.');
    expect(panel.textContent).toContain(
      '2 organizations of the whole chain (Country, Types and Search do not narrow it) ranked by risk score',
    );
  });

  it('says when the server has no risk assessment', () => {
    const panel = mount();
    renderRisk(panel, { kind: 'unavailable', message: 'not here' }, handlers());
    expect(panel.textContent).toContain('not here');
  });

  it('exports the ranking with each component’s points', () => {
    expect(riskToCsv(ASSESSMENT).split('\r\n')).toEqual([
      'rank,score,tier,id,name,type,country,inherent,visibility',
      `1,45.5,1,${first.id},${first.name},${first.type},${first.country},16,29.5`,
      '',
    ]);
    // Every row says what was ranked, once the file has left the page.
    expect(
      riskToCsv(ASSESSMENT, undefined, { maxDepth: 4, product: 'laptops' }).split('\r\n').slice(0, 2),
    ).toEqual([
      'rank,score,tier,id,name,type,country,inherent,visibility,chain_root,assessed_at,max_depth,product',
      `1,45.5,1,${first.id},${first.name},${first.type},${first.country},16,29.5,${ASSESSMENT.root.id},${ASSESSMENT.at},4,laptops`,
    ]);
    expect(riskToCsv(ASSESSMENT, { separator: ';', decimal: ',' }).split('\r\n')).toEqual([
      'rank;score;tier;id;name;type;country;inherent;visibility',
      `1;45,5;1;${first.id};${first.name};${first.type};${first.country};16;29,5`,
      '',
    ]);
  });

  it('colours the tier view’s cards by score band', () => {
    expect([scoreBand(40), scoreBand(39.9), scoreBand(20), scoreBand(5)]).toEqual([
      'high',
      'medium',
      'medium',
      'low',
    ]);
    const container = mount();
    const risks = risksById(CHAIN, null);
    renderTierView(
      container,
      {
        chain: CHAIN,
        columns: buildColumns(CHAIN, NO_FILTERS, risks),
        risks,
        selected: null,
        highlighted: new Set(),
        scores: scoresById({ kind: 'loaded', assessment: ASSESSMENT }),
      },
      { select: vi.fn(), showMore: vi.fn() },
    );
    const card = container.querySelector<HTMLElement>(`button.org[data-org-id="${first.id}"]`)!;
    expect(card.classList.contains('risk-high')).toBe(true);
    expect(card.dataset['riskScore']).toBe('45.5');
  });
});
