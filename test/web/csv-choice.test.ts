// Excel splits a CSV opened by a double-click at the list separator of the computer's region, which the
// browser's language does not tell: a Swedish buyer whose Windows and browser are in English (as in
// many IT departments) keeps Swedish region settings, and the comma file the page guessed for her
// opened as one column. The page guesses from the language and lets her say which spreadsheet she has.
import { describe, expect, it } from 'vitest';
import { CSV_DIALECTS, csvDialectOf, csvFormatFor, csvFormatOfDialect } from '../../web/src/model.ts';

describe('the CSV dialect a user picks', () => {
  it.each([
    ['en-US', 'comma'],
    ['sv-SE', 'semicolon'],
    ['nb-NO', 'semicolon'],
    ['de-CH', 'semicolon-point'],
    ['not a language', 'comma'],
  ])('is guessed for %s as %s', (language, dialect) => {
    expect(csvDialectOf(csvFormatFor(language))).toBe(dialect);
  });

  it('each choice is the format it names, and its label says which spreadsheets read it', () => {
    expect(CSV_DIALECTS.map((d) => [d.value, csvFormatOfDialect(d.value)])).toEqual([
      ['comma', { separator: ',', decimal: '.' }],
      ['semicolon', { separator: ';', decimal: ',' }],
      ['semicolon-point', { separator: ';', decimal: '.' }],
    ]);
    expect(CSV_DIALECTS.map((d) => d.label)).toEqual([
      'Commas, decimal points (English)',
      'Semicolons, decimal commas (Swedish, German…)',
      'Semicolons, decimal points (Swiss)',
    ]);
  });

  it('a value the page did not offer (an old form state) is RFC 4180, what scripts read', () => {
    expect(csvFormatOfDialect('tab')).toEqual({ separator: ',', decimal: '.' });
  });
});
