// A bad country code is told what it must be. A code in lower case ("se") names the
// code meant; an unassigned one in capitals ("XX") is not told to use "upper case", which it does.
import { describe, expect, it } from 'vitest';
import { countryCodeRule } from '../../src/domain/countries.ts';
import { checkDeclaration } from '../../src/domain/sourcing.ts';
import { checkOrganization } from '../../src/import/record-rules.ts';

describe('country code messages', () => {
  it('names the capitalised code for one in the wrong case, and no case for an unassigned one', () => {
    expect(countryCodeRule('se')).toBe('must be an ISO 3166-1 alpha-2 code in capital letters ("SE")');
    expect(countryCodeRule('Cn')).toBe('must be an ISO 3166-1 alpha-2 code in capital letters ("CN")');
    for (const bad of ['XX', 'China', '', 7])
      expect(countryCodeRule(bad)).toBe('must be an assigned ISO 3166-1 alpha-2 code (e.g. SE, CN)');
  });

  it('declareSupplyLink and an import file say so, with the value sent', () => {
    expect(() =>
      checkDeclaration({ newSupplier: { name: 'Test AB', type: 'FACTORY', country: 'se' } }),
    ).toThrow('newSupplier.country must be an ISO 3166-1 alpha-2 code in capital letters ("SE"), got "se"');
    expect(() =>
      checkDeclaration({ newSupplier: { name: 'Test AB', type: 'FACTORY', country: 'XX' } }),
    ).toThrow('newSupplier.country must be an assigned ISO 3166-1 alpha-2 code (e.g. SE, CN), got "XX"');
    const checked = checkOrganization({ id: 'x', name: 'X', type: 'FACTORY', country: 'no' });
    expect(checked.problems).toEqual([
      'country must be an ISO 3166-1 alpha-2 code in capital letters ("NO"), got "no"',
    ]);
  });
});
