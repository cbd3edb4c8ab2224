// The database-free parts of issue 13: the checks of a declaration (src/domain/sourcing.ts) and the
// words a directory card is found by (src/domain/directory-terms.ts).
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { checkNewSupplier, checkProducts, checkValidity } from '../../src/domain/sourcing.ts';
import { directoryTerms, searchTerms } from '../../src/domain/directory-terms.ts';

const NOW = new Date('2026-12-02T00:00:00Z');
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('declaration checks', () => {
  it('keeps a new supplier as given, trimmed, optional fields left out', () => {
    expect(
      checkNewSupplier({
        name: ' Foo Ltd ',
        type: 'FACTORY',
        country: 'CN',
        city: null,
        latitude: 0,
        longitude: 0,
      }),
    ).toEqual({
      name: 'Foo Ltd',
      type: 'FACTORY',
      country: 'CN',
      latitude: 0,
      longitude: 0,
    });
  });

  it.each([
    [{ country: 'UK' }, 'newSupplier.country'],
    [{ latitude: -90.5, longitude: 0 }, 'newSupplier.latitude'],
    [{ longitude: 10 }, 'newSupplier.latitude and newSupplier.longitude'],
    [{ osId: 'CN2019303BQ3FZ' }, 'newSupplier.osId'],
    [{ type: 'MONITOR' as const }, 'newSupplier.type'],
    [{ city: 'x'.repeat(201) }, 'newSupplier.city'],
    [{ name: 'Line\nbreak Ltd' }, 'newSupplier.name must be one line'],
    [{ name: 'Tab\tLtd' }, 'newSupplier.name must be one line'],
  ])('refuses %j naming %s', (fields, field) => {
    expect(
      refusal(() => checkNewSupplier({ name: 'X', type: 'FACTORY', country: 'CN', ...fields })),
    ).toContain(field);
  });

  it('reads a blank city or address as none, as every optional text', () => {
    expect(checkNewSupplier({ name: 'X', type: 'FACTORY', country: 'CN', city: ' ', address: '' })).toEqual({
      name: 'X',
      type: 'FACTORY',
      country: 'CN',
    });
  });

  it('dedupes products and bounds them', () => {
    expect(checkProducts([' a', 'a ', 'b'])).toEqual(['a', 'b']);
    expect(refusal(() => checkProducts(Array.from({ length: 201 }, (_, i) => `p${i}`)))).toContain(
      'products',
    );
  });

  it('wants validFrom before validTo and validTo after now', () => {
    expect(checkValidity({ validFrom: new Date('2014-09-15'), validTo: null }, NOW).validFrom).toEqual(
      new Date('2014-09-15'),
    );
    expect(
      refusal(() =>
        checkValidity({ validFrom: new Date('2030-01-01'), validTo: new Date('2030-01-01') }, NOW),
      ),
    ).toContain('validFrom');
    expect(refusal(() => checkValidity({ validFrom: null, validTo: NOW }, NOW))).toContain('validTo');
  });
});

describe('directory terms', () => {
  it('keep written and expanded words of names, aliases, city and osId', () => {
    const terms = directoryTerms({
      name: 'Nanchang O-Film Tech Co., Ltd.',
      aliases: ['OFILM'],
      city: 'Nánchāng',
      osId: 'CN2019303BQ3FZP',
    });
    expect(terms).toEqual(
      expect.arrayContaining(['nanchang', 'ofilm', 'tech', 'technology', 'cn2019303bq3fzp']),
    );
    expect(terms).not.toContain('ltd');
  });

  it('read a search as normalized words', () => {
    expect(searchTerms('Atea Sverige AB')).toEqual(['atea', 'sverige']);
    expect(searchTerms('  ')).toEqual([]);
    expect(searchTerms('AB')).toEqual(['ab']);
  });
});
