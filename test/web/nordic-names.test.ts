// @vitest-environment happy-dom
/// <reference lib="dom" />
// A Swedish or Norwegian buyer's names in the dashboard: lists the page sorts by name follow the
// browser's language (Swedish files å, ä, ö after z, in that order; nobody files "bärbara datorer"
// after "Zubehör"), and exported files keep a product's letters ("bärbara_datorer", not
// "b_rbara_datorer"). The browser's language is what `localeCompare` without a locale uses: here it is
// made Swedish, as Chromium's is with `sv-SE` (test/e2e/nordic-name-order.test.ts drives that).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chainsReachingSection } from '../../web/src/chains-reaching.ts';
import { exportName } from '../../web/src/export.ts';
import { matches, NO_FILTERS, productsOf } from '../../web/src/model.ts';
import { inViewerOrder, type RiskAssessment } from '../../web/src/risk.ts';
import { CHAIN, CLEAN } from './fixtures.ts';

const SWEDISH = new Intl.Collator('sv');

beforeEach(() => {
  vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (this: string, other: string) {
    return SWEDISH.compare(this, other);
  });
});
afterEach(() => vi.restoreAllMocks());

const scored = (id: string, name: string, score: number, tier = 3) => ({
  rank: 0,
  tier,
  score,
  organization: { ...CLEAN, id, name },
  components: [],
});

/**
 * A ranking in the server's order (its own locale files Ö among the O's and Å, Ä among the A's; the
 * nearer tier first among equal scores), its first `drawn` the rows drawn with their inputs.
 */
function ranking(drawn: number): RiskAssessment {
  const server = [
    scored('a', 'Ängby Fabrik', 48.6),
    scored('f', 'Ånge Data', 44.8, 2),
    scored('b', 'Åkers Fabrik', 44.8),
    scored('c', 'MSI Computer', 44.8),
    scored('d', 'Östra Fabriken', 44.8),
    scored('e', 'Wistron', 44.8),
  ].map((o, i) => ({ ...o, rank: i + 1 }));
  return {
    root: { id: 'root', name: 'Region Stockholm' },
    at: '2026-12-07T12:00:00Z',
    organizations: server,
    top: server.slice(0, drawn),
    actions: [],
  };
}

const names = (list: readonly { organization: { name: string } }[]) => list.map((o) => o.organization.name);

describe('names in a Swedish browser', () => {
  it('suggests products in Swedish order, whatever their case', () => {
    const products = ['Zubehör', 'ärmar', 'bärbara datorer', 'åskledare', 'Östra lagret'];
    const chain = {
      ...CHAIN,
      links: products.map((p, i) => ({ ...CHAIN.links[0]!, id: `l${i}`, products: [p] })),
    };
    expect(productsOf(chain)).toEqual(['bärbara datorer', 'Zubehör', 'åskledare', 'ärmar', 'Östra lagret']);
  });

  it('lists equal scores at one tier in Swedish order, each keeping its place as rank', () => {
    const ordered = inViewerOrder(ranking(6));
    // Ånge Data is at tier 2: nearer ties come first, in any language (docs/risk-model.md).
    expect(names(ordered.organizations)).toEqual([
      'Ängby Fabrik',
      'Ånge Data',
      'MSI Computer',
      'Wistron',
      'Åkers Fabrik',
      'Östra Fabriken',
    ]);
    expect(ordered.organizations.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(names(ordered.top)).toEqual(names(ordered.organizations));
  });

  it('keeps the rows drawn the start of the ranking when equal scores run past them', () => {
    // The first four drawn with their inputs; the tie at 44.8 goes on to the fifth and sixth.
    const ordered = inViewerOrder(ranking(4));
    expect(names(ordered.top)).toEqual(['Ängby Fabrik', 'Ånge Data', 'MSI Computer', 'Åkers Fabrik']);
    // Wistron, not drawn, must not take the place of a row drawn: a row's rank is its place in the CSV.
    expect(names(ordered.organizations)).toEqual([...names(ordered.top), 'Wistron', 'Östra Fabriken']);
    expect(ordered.top.map((o) => o.rank)).toEqual([1, 2, 3, 4]);
    expect(ordered.organizations.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lists the chains that hold an organization nearest first, then by name', () => {
    // The API's order: tier, then the roots' ids.
    const reaching = [
      { root: { id: 'se-a-orebro', name: 'Örebro kommun' }, tier: 2 },
      { root: { id: 'se-b-are', name: 'Åre kommun' }, tier: 2 },
      { root: { id: 'se-c-zeta', name: 'Zeta AB' }, tier: 1 },
    ];
    const [, list] = chainsReachingSection({ kind: 'loaded', reaching }, 'Hipro', 'se-c-zeta', () => {});
    expect(
      [...(list as HTMLElement).querySelectorAll('li')].map((li) => li.getAttribute('data-root-id')),
    ).toEqual(['se-c-zeta', 'se-b-are', 'se-a-orebro']);
  });
});

describe('exported file names', () => {
  it('keep the letters of a product named in Swedish, Norwegian or Chinese', () => {
    expect(exportName(['se-region-stockholm'], 'bärbara datorer', 'csv', '2026-12-07')).toBe(
      'tiersight-se-region-stockholm-bärbara_datorer-2026-12-07.csv',
    );
    expect(exportName(['no-oslo-kommune', 'risk'], 'kjøleskap/frysere', 'csv', '2026-12-07')).toBe(
      'tiersight-no-oslo-kommune-risk-kjøleskap_frysere-2026-12-07.csv',
    );
    expect(exportName(['r'], '东莞 電源', 'png', '2026-12-07')).toBe('tiersight-r-东莞_電源-2026-12-07.png');
    // Typed decomposed (a + combining ring, as macOS may hand it over): one letter, not "a_".
    expect(exportName(['r'], 'la\u0308ptop', 'png', '2026-12-07')).toBe('tiersight-r-läptop-2026-12-07.png');
  });
});

describe('Search', () => {
  it('finds a name stored decomposed by the letter typed composed', () => {
    const goteborg = { ...CLEAN, name: 'Go\u0308teborgs Elektronik AB' };
    const searched = (search: string) => matches(goteborg, { ...NO_FILTERS, search });
    expect(searched('göteborg')).toBe(true);
    expect(searched('GÖTEBORGS')).toBe(true);
    expect(searched('malmö')).toBe(false);
  });

  it('finds an organization by its id pasted as stored, decomposed, or typed composed', () => {
    const goteborg = { ...CLEAN, id: 'se-go\u0308teborg-42', name: 'Elektronik AB' };
    const searched = (search: string) => matches(goteborg, { ...NO_FILTERS, search });
    expect(searched('se-go\u0308teborg-42')).toBe(true);
    expect(searched('SE-GÖTEBORG')).toBe(true);
  });
});
