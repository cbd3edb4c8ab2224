// What the CSVs write for numbers, in each dialect, so that a spreadsheet (and a reader parsing the
// locale's numbers, as Java's NumberFormat or a Swedish Excel do) reads each as the number it is.
// String(n) writes 1e-7 for a latitude of 0.0000001: a reader parsing "1,5e-7" with the locale's
// number format stops at the "e" and reads 1,5. Numbers are written without an exponent.
import { describe, expect, it } from 'vitest';
import { csvNumber, type CsvFormat } from '../../src/domain/spreadsheet-text.ts';

const SWEDISH: CsvFormat = { separator: ';', decimal: ',' };
const RFC: CsvFormat = { separator: ',', decimal: '.' };

describe('csvNumber', () => {
  it.each([
    [3, '3', '3'],
    [0, '0', '0'],
    [-0, '0', '0'],
    [-115.85, '-115.85', '-115,85'],
    [59.33, '59.33', '59,33'],
    [1e-7, '0.0000001', '0,0000001'],
    [-1.5e-7, '-0.00000015', '-0,00000015'],
    [1.2345e-10, '0.00000000012345', '0,00000000012345'],
    [1e21, '1000000000000000000000', '1000000000000000000000'],
    [1.5e22, '15000000000000000000000', '15000000000000000000000'],
  ])('%d is written %s, and %s with a decimal comma', (value, point, comma) => {
    expect(csvNumber(value, RFC)).toBe(point);
    expect(csvNumber(value, SWEDISH)).toBe(comma);
    expect(Number(point)).toBe(value === 0 ? 0 : value);
  });

  it.each([NaN, Infinity, -Infinity])(
    '%d is no number a spreadsheet reads: an empty cell, as a missing value',
    (value) => {
      expect(csvNumber(value, SWEDISH)).toBe('');
      expect(csvNumber(value, RFC)).toBe('');
    },
  );
});
