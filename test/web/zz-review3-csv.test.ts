// Review 3: the CSV format by browser language.
import { describe, expect, it } from 'vitest';
import { csvFormatFor } from '../../web/src/model.ts';

describe('review 3: csvFormatFor', () => {
  // Swiss German and Swiss Italian write decimals with a point, but their list separator (the one
  // Excel splits a double-clicked CSV at) is the semicolon, as in Germany and Italy: a comma file
  // opens there as one column, the very case the change meant to fix.
  it('gives de-CH and it-CH semicolons (decimal point kept)', () => {
    expect(csvFormatFor('de-CH')).toEqual({ separator: ';', decimal: '.' });
    expect(csvFormatFor('it-CH')).toEqual({ separator: ';', decimal: '.' });
  });
});
