// Two items whose keys a collation finds equal must still come in one order on every run. A collation
// answers 0 for texts that are not the same: "Göteborg" composed and decomposed (canonically
// equivalent), or one holding a soft hyphen or a zero-width space (ignorable). Ids may hold both (an
// import keeps ids as written; the id rule refuses only controls), so a tie-break "then by id" in a
// collation left two organizations in the order their rows came, which differs between runs and stores.
import { describe, expect, it } from 'vitest';
import { scoreChain, type Assessable, type RiskSubject } from '../../src/domain/risk-model.ts';
import { byWords } from '../../src/domain/text-order.ts';
import { defaultRiskModel } from '../../src/modules/risk/risk-model-file.ts';
import { screenNames } from '../../src/modules/screening/match.ts';
import { byName } from '../../web/src/model.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const COMPOSED = 'G\u00f6teborg';
const DECOMPOSED = 'Go\u0308teborg';
const SOFT_HYPHEN = 'Gö\u00adteborg';
const PAIRS: [string, string][] = [
  [COMPOSED, DECOMPOSED],
  [COMPOSED, SOFT_HYPHEN],
  ['acme', 'ac\u200bme'],
];

/** `items` sorted by `order` from both starting orders: one answer, whichever came first. */
function sortedBothWays<T>(items: [T, T], order: (a: T, b: T) => number): [T[], T[]] {
  return [[...items].sort(order), [...items].reverse().sort(order)];
}

describe('ties between texts a collation finds equal', () => {
  it.each(PAIRS)('byWords orders %j and %j apart, the same both ways', (a, b) => {
    expect(byWords(a, b)).not.toBe(0);
    expect(Math.sign(byWords(a, b))).toBe(-Math.sign(byWords(b, a)));
  });

  it.each(PAIRS)("the dashboard's byName orders same-named organizations %j and %j apart", (a, b) => {
    const [one, other] = sortedBothWays(
      [
        { name: 'Volvo', id: a },
        { name: 'Volvo', id: b },
      ],
      byName,
    );
    expect(one).toEqual(other);
  });

  it.each(PAIRS)('the risk ranking of equal scores, tier and name by ids %j and %j', (a, b) => {
    const subject = (id: string): RiskSubject<Assessable> => ({
      organization: { id, name: 'Volvo', type: 'FACTORY', country: 'SE' },
      tier: 1,
      products: [],
      customers: [],
      indicators: [],
      evidence: [],
      sourcingShare: null,
      isViewer: false,
      blindSpot: false,
      openRequest: null,
    });
    const rank = (ids: string[]) =>
      scoreChain(defaultRiskModel(), ids.map(subject), new Date('2026-12-02T00:00:00Z'), null).map(
        (s) => s.organization.id,
      );
    expect(rank([a, b])).toEqual(rank([b, a]));
  });

  it.each(PAIRS)('screening matches of same-named organizations %j and %j', (a, b) => {
    const entries = [listEntry('Volvo AB')];
    const matches = (ids: string[]) =>
      screenNames(
        ids.map((id) => ({ id, name: 'Volvo AB', country: 'SE' })),
        entries,
      ).map((m) => m.organizationId);
    expect(matches([a, b])).toEqual(matches([b, a]));
  });
});
