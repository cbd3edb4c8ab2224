// The risk model and screening against what docs/risk-model.md and docs/screening.md promise, where a
// researcher's review found them apart (December 2026): the score from unrounded values, keywords as
// words, legal forms written out. Pure checks, no database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRiskModel } from '../../src/modules/risk/risk-model-file.ts';
import { scoreChain, type RiskSubject, type Assessable } from '../../src/domain/risk-model.ts';
import { categoryOf } from '../../src/domain/risk-tables.ts';
import { readWatchList } from '../../src/modules/screening/read-watch-list.ts';
import { screenNames } from '../../src/modules/screening/match.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';

const model = defaultRiskModel();
const AT = new Date('2026-12-02T00:00:00.000Z');

const factory = (days: number, tier: number): RiskSubject<Assessable> => {
  const observed = new Date(AT.getTime() - days * 86_400_000).toISOString();
  return {
    organization: { id: 'x', name: 'X', type: 'FACTORY', country: 'CN' },
    tier,
    products: [],
    customers: [],
    indicators: [
      {
        id: 'r-1',
        kind: 'WATCHLIST',
        severity: 'LOW',
        source: 'Test list',
        topics: [],
        description: null,
        evidenceUrl: null,
        observedAt: observed,
        recordedAt: observed,
        delistedAt: null,
        recordedBy: null,
        redactedAt: null,
      },
    ],
    evidence: [],
    sourcingShare: null,
    isViewer: false,
    blindSpot: false,
    openRequest: null,
  };
};

describe('the score is 100 × Σ weight × value rounded to one decimal (docs/risk-model.md, "The score")', () => {
  it('a tier-4 CN factory with one LOW watch-list entry observed 1047 days ago scores 34.6, not 34.7', () => {
    // By the documented formula, default weights:
    //   INHERENT 0.5×0.9 + 0.5×0.5×1 = 0.7            → 0.20 × 0.7      = 0.14
    //   PUBLIC   0.15 × 1.0 × 0.5^(2.8665/5) = 0.10114 → 0.35 × 0.10114  = 0.035398
    //   VISIBILITY 0.5 + 0.5 = 1                       → 0.15
    //   PROXIMITY 0.75^3 = 0.421875                    → 0.05 × 0.421875 = 0.021094
    //   100 × 0.346492 = 34.65 (34.649…) → 34.6
    const years = 1047 / 365.25;
    const exact =
      100 * (0.2 * 0.7 + 0.35 * 0.15 * 1 * Math.max(0.5, 0.5 ** (years / 5)) + 0.15 * 1 + 0.05 * 0.75 ** 3);
    expect(exact).toBeLessThan(34.65);
    const [scored] = scoreChain(model, [factory(1047, 4)], AT, null);
    // Each contribution is rounded to two decimals from a value rounded to three (3.54 and 2.11), and
    // the score is the rounded sum of the rounded contributions: 34.65 → 34.7.
    expect(scored!.score).toBe(Math.round(exact * 10) / 10);
  });
});

describe('product categories by keyword (docs/risk-model.md, INHERENT)', () => {
  it('an AMD Threadripper workstation is electronics, not "garments and textiles"', () => {
    // "thread" is a garments keyword and keywords match anywhere inside a product name.
    const { category } = categoryOf(model.tables, ['Threadripper workstations']);
    expect(category.name).toBe('electronics');
  });
});

describe('screening accepts names that differ only in legal form (docs/screening.md)', () => {
  const list = readWatchList(readFileSync(join(REPO_ROOT, 'seed/watchlists/tiersight-sample.csv'), 'utf8'));
  const score = (name: string, country: string, entryName: string) => {
    const matches = screenNames([{ id: 'o', name, country }], list.entries, 0.01);
    return matches.find((m) => m.entry === entryName)?.score ?? 0;
  };
  it.each([
    ['Zeltrane Apparel Joint Stock Co.', 'VN', 'Zeltrane Apparel Joint Stock Company'],
    ['Pravenko Steel Works Joint-Stock Company', 'KZ', 'Pravenko Steel Works JSC'],
    ['Falcrest Rubber Gloves Sendirian Berhad', 'MY', 'Falcrest Rubber Gloves Sdn. Bhd.'],
    ['Falcrest Rubber Gloves Berhad', 'MY', 'Falcrest Rubber Gloves Sdn. Bhd.'],
    ['Gorlith Seafood Processing PCL', 'TH', 'Gorlith Seafood Processing Co., Ltd.'],
  ])('%s (%s) matches the sample entry %s at the default threshold', (name, country, entry) => {
    expect(list.problems).toEqual([]);
    expect(score(name, country, entry)).toBeGreaterThanOrEqual(0.9);
  });
});
