// Exported files' names (src/domain/export-filename.ts), shared by the API's chain exports and the
// dashboard's downloads: two exports of one day differ by the product they were filtered to.
import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../src/domain/export-filename.ts';

describe('exportFilename', () => {
  it('names what was exported, the product it was filtered to, and the day it shows', () => {
    expect(exportFilename(['chain', 'se-region-stockholm'], null, '2016-06-01T00:00:00Z', 'json')).toBe(
      'tiersight-chain-se-region-stockholm-2016-06-01.json',
    );
    expect(
      exportFilename(['chain', 'se-region-stockholm'], 'laptop computers', '2016-06-01T00:00:00Z', 'json'),
    ).toBe('tiersight-chain-se-region-stockholm-laptop_computers-2016-06-01.json');
    expect(exportFilename(['se-atea'], '  ', '2026-12-07', 'csv')).toBe('tiersight-se-atea-2026-12-07.csv');
  });

  it('keeps only characters safe on every file system, and a long product short', () => {
    expect(exportFilename(['../x y'], 'a/b\\c:d*"e', '2026-12-07', 'png')).toBe(
      'tiersight-_x_y-a_b_c_d_e-2026-12-07.png',
    );
    const name = exportFilename(['r'], 'p'.repeat(200), '2026-12-07', 'csv');
    expect(name).toBe(`tiersight-r-${'p'.repeat(60)}-2026-12-07.csv`);
  });
});
