// The labelled set of bench/screening.ts holds screening to its aims on every run of the unit tests,
// and the variants the normalizer learned for it stay learned.
import { describe, expect, it } from 'vitest';
import { measureQuality, QUALITY_AIM } from '../../bench/screening.ts';
import { nameSimilarity } from '../../src/modules/screening/score.ts';

describe('screening quality over the labelled set', () => {
  it('keeps precision and recall at or above the aim, with no false match', () => {
    const quality = measureQuality();
    expect(quality.falsePositives).toEqual([]);
    expect(quality.precision).toBeGreaterThanOrEqual(QUALITY_AIM);
    expect(quality.recall).toBeGreaterThanOrEqual(QUALITY_AIM);
  });

  it.each([
    ['Oskelund Marine Components AB', 'Oskelund Marine Components Aktiebolag'],
    ['Łódź Brantel Odzież Sp. z o.o.', 'ŁÓDŹ BRANTEL ODZIEŻ'],
    ['Lorimex Palm Oil Plantation PT', 'PT Lorimex Palm Oil Plantation'],
    ['Parnassel Industrial Sewing Co., Ltd.', 'Parnassel Indl. Sewing Co., Ltd.'],
    ['Müllerbrück Präzisionsteile GmbH', 'Muellerbrueck Praezisionsteile GmbH'],
    ['Müllerbrück Präzisionsteile GmbH', 'Mullerbruck Prazisionsteile GmbH'],
  ])('%s is %s', (listed, written) => {
    expect(nameSimilarity(listed, written)).toBeGreaterThanOrEqual(0.97);
  });
});
