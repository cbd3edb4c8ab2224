// Exported files' names under hostile or merely long ids and products: a name is written by a browser
// or a script onto a file system that takes at most 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS),
// and Firefox first writes `<name>.part`, a browser adds " (1)" to a second download. An id may be 200
// characters of any script (src/domain/ids.ts), and what shows as nothing must not make a name that
// reads as another.
import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../src/domain/export-filename.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('exportFilename, hostile and long', () => {
  it.each([
    ['a Latin id of 200 characters', 'x'.repeat(200), 'p'.repeat(60)],
    ['a Chinese id of 200 characters', '东'.repeat(200), '莞'.repeat(60)],
    ['an id of 100 characters beyond U+FFFF', '𠀀'.repeat(100), '𠀀'.repeat(60)],
  ])(
    '%s and a long product make a name of at most 200 bytes, keeping the day and extension',
    (_, id, product) => {
      const name = exportFilename(['chain', id], product, '2026-12-07T10:00:00Z', 'graphml');
      expect(bytes(name)).toBeLessThanOrEqual(200);
      expect(name).toMatch(/^tiersight-chain-.+-.+-2026-12-07\.graphml$/u);
      // Cut between characters, never inside one: no unpaired surrogate.
      expect(name.isWellFormed()).toBe(true);
      expect(name).not.toContain('\ufffd');
    },
  );

  it('a short name is not cut', () => {
    expect(exportFilename(['chain', 'se-region-stockholm'], 'bärbara datorer', '2026-12-07', 'csv')).toBe(
      'tiersight-chain-se-region-stockholm-bärbara_datorer-2026-12-07.csv',
    );
  });

  it('a product cut at 60 characters keeps a character beyond U+FFFF whole', () => {
    const name = exportFilename(['r'], `${'p'.repeat(59)}𠀀𠀀`, '2026-12-07', 'csv');
    expect(name).toBe(`tiersight-r-${'p'.repeat(59)}𠀀-2026-12-07.csv`);
  });

  it('what shows as nothing is left out rather than shown as "_": soft hyphens, joiners, Hangul fillers', () => {
    expect(exportFilename(['Gö\u00adteborg'], 'kjøle\u200bskap', '2026-12-07', 'csv')).toBe(
      'tiersight-Göteborg-kjøleskap-2026-12-07.csv',
    );
    // A part made only of invisible letters (U+3164, U+115F are letters to \p{L}) is no part.
    expect(exportFilename(['se-atea'], '\u3164\u115f', '2026-12-07', 'csv')).toBe(
      'tiersight-se-atea-2026-12-07.csv',
    );
  });

  it('separators, controls and bidirectional overrides never reach the name', () => {
    const name = exportFilename(['..\\..\u202e/etc\u0000'], 'a\u200fb\nc', '2026-12-07', 'csv');
    expect(name).toMatch(/^tiersight-[\p{L}\p{M}\p{N}_-]+\.csv$/u);
    expect(name).toBe('tiersight-_etc_-ab_c-2026-12-07.csv');
  });
});
