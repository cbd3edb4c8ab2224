// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard's components in a DOM: the tier view, the details and exposure panels, the API's
// operations and GraphiQL's examples.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exposureOperation, supplyChainOperation, ALL_CAPABILITIES } from '../../web/src/api.ts';
import { exampleTabs } from '../../web/src/graphiql-examples.ts';
import { buildColumns, NO_FILTERS, queryFilters, risksById } from '../../web/src/model.ts';
import { ILLUSTRATIVE_NOTE, renderDetails, renderExposure } from '../../web/src/panels.ts';
import { renderTierView, type TierViewInput } from '../../web/src/tier-view.ts';
import { bigChain, CHAIN, EXPOSURE, FLAGGED } from './fixtures.ts';

const risks = risksById(CHAIN, null);
const input = (overrides: Partial<TierViewInput> = {}): TierViewInput => ({
  chain: CHAIN,
  columns: buildColumns(CHAIN, NO_FILTERS, risks),
  risks,
  selected: null,
  highlighted: new Set(),
  ...overrides,
});
const mount = () => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  return container;
};
afterEach(() => document.body.replaceChildren());

describe('tier view', () => {
  it('draws the root and one labelled column per tier with counts, types and risk badges', () => {
    const container = mount();
    renderTierView(container, input(), { select: () => {}, showMore: () => {} });
    const titles = [...container.querySelectorAll('.tier-title')].map((e) => e.textContent);
    expect(titles).toEqual(['Root', 'Tier 1', 'Tier 2', 'Tier 3']);
    expect(container.querySelector('[data-testid="tier-3-count"]')?.textContent).toBe('2 organizations');
    const flagged = container.querySelector<HTMLElement>('button.org[data-org-id="factory-b"]')!;
    expect(flagged.classList.contains('type-FACTORY')).toBe(true);
    expect(flagged.querySelector('.badge')?.className).toBe('badge sev-CRITICAL');
    expect(flagged.textContent).toContain('critical risk, 2 indicators');
    expect(container.querySelector('button.org[data-org-id="factory-a"] .badge')).toBeNull();
    expect(container.querySelector('section.tier[data-tier="3"]')?.getAttribute('aria-labelledby')).toBe(
      'tier-3-heading',
    );
    expect(container.querySelector('svg.links')).not.toBeNull();
  });

  it('reports clicks and "+K more"', () => {
    const container = mount();
    const chain = bigChain(500);
    const select = vi.fn();
    const showMore = vi.fn();
    renderTierView(
      container,
      input({ chain, columns: buildColumns(chain, NO_FILTERS, new Map()), risks: new Map() }),
      { select, showMore },
    );
    expect(container.querySelectorAll('button.org')).toHaveLength(1 + 1 + 40);
    const more = container.querySelector<HTMLButtonElement>('button.more')!;
    expect(more.textContent).toBe('+460 more');
    more.click();
    expect(showMore).toHaveBeenCalledWith(2);
    container.querySelector<HTMLButtonElement>('button.org[data-org-id="f-3"]')!.click();
    expect(select).toHaveBeenCalledWith('f-3');
  });

  it('moves focus with the arrow keys', () => {
    const container = mount();
    renderTierView(container, input(), { select: () => {}, showMore: () => {} });
    const card = (id: string) => container.querySelector<HTMLElement>(`button.org[data-org-id="${id}"]`)!;
    card('reseller').focus();
    card('reseller').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(card('brand'));
    card('brand').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(card('factory-b'));
    card('factory-b').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(card('factory-a'));
    card('factory-a').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(document.activeElement).toBe(card('brand'));
  });
});

describe('empty states', () => {
  const empty = { ...CHAIN, depth: 0, tiers: [], links: [] };

  it('blames the query filters, when set, for an empty chain', () => {
    const container = mount();
    const query = { rootId: null, maxDepth: 10, asOf: '1900-01-01', product: ' bananas ' };
    expect(queryFilters(query)).toEqual(['as of 1900-01-01', 'product “bananas”']);
    const columns = buildColumns(empty, NO_FILTERS, new Map());
    renderTierView(container, input({ chain: empty, columns, filters: queryFilters(query) }), {
      select: () => {},
      showMore: () => {},
    });
    expect(container.querySelector('.nothing-shared')?.textContent).toBe(
      'Nothing matches as of 1900-01-01, product “bananas”: change or clear the filter to see the chain.',
    );
    renderTierView(container, input({ chain: empty, columns }), { select: () => {}, showMore: () => {} });
    expect(container.querySelector('.nothing-shared')?.textContent).toBe(
      'No supplier is visible from this root: nobody has shared a link with you here yet.',
    );
  });

  it('points a viewer whose own chain is empty (a monitor) to the roots that shared with it', () => {
    const container = mount();
    const columns = buildColumns(empty, NO_FILTERS, new Map());
    const otherRoots = ['Dell Technologies', 'HP Inc.'];
    renderTierView(container, input({ chain: empty, columns, otherRoots }), {
      select: () => {},
      showMore: () => {},
    });
    expect(container.querySelector('.nothing-shared')?.textContent).toBe(
      'No supplier is visible from this root. Shared with you: the chains of Dell Technologies, HP Inc.; choose one under Root.',
    );
  });

  it('does not call an empty reach free of blind spots', () => {
    const panel = mount();
    const nothing = { ...EXPOSURE, closestTier: null, findings: [], blindSpots: [] };
    renderExposure(panel, { kind: 'loaded', exposure: nothing }, empty, () => {});
    expect(panel.textContent).toContain(
      'None, because nothing is in reach: no organization shares its sourcing with you from this root.',
    );
    expect(panel.textContent).not.toContain('every organization in reach');
    // Emptied by a product or an As of day: that is what it says, not that nobody shares.
    renderExposure(panel, { kind: 'loaded', exposure: nothing }, empty, () => {}, null, null, [
      'product “power supplies”',
    ]);
    expect(panel.textContent).toContain('None, because nothing in reach matches product “power supplies”.');
    expect(panel.textContent).not.toContain('no organization shares');
  });
});

describe('details panel', () => {
  it('shows type, country, risks with sources, the path to the root and illustrative links', () => {
    const panel = mount();
    const select = vi.fn();
    renderDetails(panel, CHAIN, 'factory-b', risks, { select, close: () => {} });
    const text = panel.textContent ?? '';
    expect(panel.querySelector('h2')?.textContent).toBe('B Factory');
    expect(text).toContain('Factory');
    expect(text).toContain('CN');
    expect(text).toContain('Entity List 2020');
    expect([...panel.querySelectorAll('ol.path button')].map((b) => b.textContent)).toEqual([
      'Root Buyer',
      'Reseller AB',
      'Brand Inc',
      'B Factory',
    ]);
    expect(text).toContain(ILLUSTRATIVE_NOTE);
    panel.querySelector<HTMLButtonElement>('ol.path button')!.click();
    expect(select).toHaveBeenCalledWith('root');
  });

  it('names the row "Location" when it holds a city too ("Country: Round Rock, US" read as a wrong country)', () => {
    const panel = mount();
    const located = {
      ...CHAIN,
      tiers: CHAIN.tiers.map((t) => ({
        ...t,
        organizations: t.organizations.map((o) => (o.id === 'factory-b' ? { ...o, city: 'Dongguan' } : o)),
      })),
    };
    renderDetails(panel, located, 'factory-b', risks, { select: () => {}, close: () => {} });
    const facts = [...panel.querySelectorAll('dl.facts dt')].map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ]);
    expect(facts).toContainEqual(['Location', 'Dongguan, CN']);
    renderDetails(panel, CHAIN, 'factory-b', risks, { select: () => {}, close: () => {} });
    expect([...panel.querySelectorAll('dl.facts dt')].map((dt) => dt.textContent)).toContain('Country');
  });

  it('lists every way to an organization, shortest first, up to 20 of them', () => {
    const panel = mount();
    const through = (supplier: string, customer: string) => ({
      ...CHAIN.links[0]!,
      id: `${supplier}>${customer}`,
      supplier: { id: supplier },
      customer: { id: customer },
    });
    const twoWays = { ...CHAIN, links: [...CHAIN.links, through('factory-b', 'reseller')] };
    renderDetails(panel, twoWays, 'factory-b', risks, { select: () => {}, close: () => {} });
    const ways = () =>
      [...panel.querySelectorAll('ol.path-list ol.path')].map((path) =>
        [...path.querySelectorAll('button')].map((b) => b.textContent).join(' ← '),
      );
    expect(panel.textContent).toContain('Paths to the root2 ways, shortest first:');
    expect(ways()).toEqual([
      'Root Buyer ← Reseller AB ← B Factory',
      'Root Buyer ← Reseller AB ← Brand Inc ← B Factory',
    ]);
    const middles = Array.from({ length: 25 }, (_, i) => `m-${String(i).padStart(2, '0')}`);
    const manyWays = {
      ...CHAIN,
      tiers: [
        { tier: 1, organizations: middles.map((id) => ({ ...CHAIN.root, id, name: id })) },
        { tier: 2, organizations: [FLAGGED] },
      ],
      links: middles.flatMap((id) => [through(id, 'root'), through('factory-b', id)]),
    };
    renderDetails(panel, manyWays, 'factory-b', risks, { select: () => {}, close: () => {} });
    expect(panel.textContent).toContain('The 20 shortest of more than 20 ways, shortest first:');
    expect(ways()).toHaveLength(20);
    expect(ways()[0]).toBe('Root Buyer ← m-00 ← B Factory');
  });

  it('marks an illustrative organization', () => {
    const panel = mount();
    const chain = { ...CHAIN, root: { ...CHAIN.root, provenance: 'ILLUSTRATIVE' } };
    renderDetails(panel, chain, 'root', risks, { select: () => {}, close: () => {} });
    expect(panel.querySelector('.illustrative')?.textContent).toBe(`Illustrative: ${ILLUSTRATIVE_NOTE}.`);
  });
});

describe('exposure panel', () => {
  it('lists findings nearest first with path and sources, and blind spots with what to do', () => {
    const panel = mount();
    renderExposure(panel, { kind: 'loaded', exposure: EXPOSURE }, CHAIN, () => {});
    expect(panel.querySelector('.exposure-summary')?.textContent).toContain('Closest flagged tier: 3');
    const finding = panel.querySelector('li.finding')!;
    expect(finding.querySelector('.finding-sources')?.textContent).toBe(
      'Sources: NGO report 2013; Entity List 2020',
    );
    expect(finding.querySelectorAll('ol.path li')).toHaveLength(4);
    const spots = [...panel.querySelectorAll('li.blind-spot')];
    expect(spots.map((s) => s.getAttribute('data-org-id'))).toEqual(['reseller', 'brand']);
    expect(spots[0]?.textContent).toContain(
      'Ask Reseller AB to share its sourcing with you: until it does, nothing behind it is visible.',
    );
  });

  it('lists 50 blind spots, and also the one a top action asked to request access from', () => {
    const panel = mount();
    const chain = bigChain(60);
    const spots = chain.tiers[1]!.organizations;
    const exposure = { ...EXPOSURE, findings: [], closestTier: null, blindSpots: spots };
    const drawn = (pinned: string | null) => {
      renderExposure(panel, { kind: 'loaded', exposure }, chain, () => {}, null, pinned);
      return [...panel.querySelectorAll('li.blind-spot')].map((s) => s.getAttribute('data-org-id'));
    };
    expect(drawn(null)).toHaveLength(50);
    expect(panel.querySelector('.list-more')?.textContent).toBe('… and 10 more blind spots not listed.');
    const listed = drawn('f-57');
    expect(listed).toHaveLength(51);
    expect(listed.at(-1)).toBe('f-57');
    expect(panel.querySelector('.list-more')?.textContent).toBe('… and 9 more blind spots not listed.');
  });

  it('says so when the server has no exposure analysis', () => {
    const panel = mount();
    renderExposure(panel, { kind: 'unavailable', message: 'Not here' }, CHAIN, () => {});
    expect(panel.textContent).toContain('Not here');
  });
});

describe('operations', () => {
  it('pass only the arguments that are set and supported', () => {
    const query = { rootId: null, maxDepth: 4, asOf: '', product: '' };
    const plain = supplyChainOperation(query, ALL_CAPABILITIES);
    expect(plain.variables).toEqual({ maxDepth: 4 });
    expect(plain.query).not.toContain('$asOf');
    expect(plain.query).toContain('risks {');
    const full = exposureOperation(
      { rootId: 'us-dell', maxDepth: 3, asOf: '2013-06-01', product: ' laptops ' },
      ALL_CAPABILITIES,
    );
    expect(full.variables).toEqual({
      maxDepth: 3,
      rootId: 'us-dell',
      asOf: '2013-06-01',
      product: 'laptops',
    });
    expect(full.query).toContain(
      'exposure(maxDepth: $maxDepth, rootId: $rootId, asOf: $asOf, product: $product)',
    );
    // As of an instant, organizations show the risk indicators recorded by then.
    const dated = supplyChainOperation({ ...query, asOf: '2013-06-01' }, ALL_CAPABILITIES);
    expect(dated.query).toContain('risks(asOf: $asOf) {');
    expect(dated.query).not.toMatch(/risks \{/);
    const old = supplyChainOperation(
      { rootId: null, maxDepth: 4, asOf: '2013-06-01', product: 'x' },
      {
        exposure: false,
        risks: false,
        risksAsOf: false,
        asOf: false,
        product: false,
        disclosures: false,
        disclosedIndicators: false,
        accessRequests: false,
        blindSpotRequests: false,
        riskAssessment: false,
        delistedRisks: false,
        requestsAsOf: false,
        firstDueAt: false,
        ownHistory: false,
        chainsReaching: false,
        findings: false,
        redactVersions: false,
        redactFindings: false,
        redactedRisks: false,
        redactAccessRequests: false,
        remindAccessRequests: false,
        requestRedactions: false,
        sharedWith: false,
        topics: false,
        csvDialect: false,
      },
    );
    expect(old.variables).toEqual({ maxDepth: 4 });
    expect(old.query).not.toContain('risks');
  });

  it('gives GraphiQL four example tabs with the token header', () => {
    const tabs = exampleTabs('abc');
    expect(tabs).toHaveLength(4);
    for (const tab of tabs) expect(JSON.parse(tab.headers!)).toEqual({ Authorization: 'Bearer abc' });
    expect(tabs.map((t) => /(?:query|mutation) (\w+)/.exec(t.query)?.[1])).toEqual([
      'AnalystChain',
      'DashboardData',
      'MonitorView',
      'MonitorRecordsFinding',
    ]);
  });
});
