// The database-free parts of issue 13: the checks of a declaration (src/domain/sourcing.ts) and the
// words a directory card is found by (src/domain/directory-terms.ts).
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { checkDeclaration, checkProducts, checkValidity } from '../../src/domain/sourcing.ts';
import { directoryTerms, searchTerms, splitSearchTerms } from '../../src/domain/directory-terms.ts';

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
      checkDeclaration({
        newSupplier: {
          name: ' Foo Ltd ',
          type: 'FACTORY',
          country: 'CN',
          city: null,
          latitude: 0,
          longitude: 0,
        },
      }).newSupplier,
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
      refusal(() =>
        checkDeclaration({ newSupplier: { name: 'X', type: 'FACTORY', country: 'CN', ...fields } }),
      ),
    ).toContain(field);
  });

  it('lists every problem of a declaration in one refusal: the new supplier, the dates and the products', () => {
    expect(
      refusal(() =>
        checkDeclaration({
          newSupplier: {
            name: ' ',
            type: 'MONITOR',
            country: 'se',
            city: 'Shen\tzhen',
            latitude: 91,
            longitude: 181,
            osId: 'x',
          },
          validFrom: '2030-01-01T00:00:00Z',
          validTo: '2029-01-01T00:00:00Z',
          products: ['laptops', ' '],
        }),
      ),
    ).toBe(
      [
        'newSupplier.name is required: 1..300 characters, not blank',
        'newSupplier.type must be a supplier type (not MONITOR: monitors have no supply links), got "MONITOR"',
        'newSupplier.country must be an ISO 3166-1 alpha-2 code in capital letters ("SE"), got "se"',
        'newSupplier.city must be one line without control characters, got "Shen\\tzhen" (U+0009 at character 5)',
        'newSupplier.latitude must be a number from -90 to 90, got 91',
        'newSupplier.longitude must be a number from -180 to 180, got 181',
        'newSupplier.osId must be an Open Supply Hub id such as CN2019303BQ3FZP, got "x"',
        'validFrom 2030-01-01T00:00:00.000Z must be before validTo 2029-01-01T00:00:00.000Z',
        'products[1] must be a non-empty name of at most 200 characters, got " "',
      ].join('; '),
    );
  });

  it('reads a blank city or address as none, as every optional text', () => {
    expect(
      checkDeclaration({ newSupplier: { name: 'X', type: 'FACTORY', country: 'CN', city: ' ', address: '' } })
        .newSupplier,
    ).toEqual({
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

  it("keep a name's words split at hyphens and camelCase capitals, and joined", () => {
    expect(directoryTerms({ name: 'O-Film' })).toEqual(expect.arrayContaining(['ofilm', 'o', 'film']));
    expect(directoryTerms({ name: 'DanWatch' })).toEqual(
      expect.arrayContaining(['danwatch', 'dan', 'watch']),
    );
    expect(directoryTerms({ name: 'Electronics Watch' })).toEqual(
      expect.arrayContaining(['electronics', 'watch', 'electronicswatch']),
    );
    // Joined from each word on, so a run of words inside the name is found written as one.
    expect(directoryTerms({ name: 'Nanchang O Film Tech' })).toEqual(
      expect.arrayContaining(['nanchangofilmtech', 'ofilmtech', 'filmtech']),
    );
    // Aliases are read the same way; a legal form stays out, split or not, and a capital that ends a
    // word (GmbH) parts nothing.
    const terms = directoryTerms({ name: 'Foo GmbH', aliases: ['Bar-Baz Co., Ltd.'] });
    expect(terms).toEqual(expect.arrayContaining(['foo', 'barbaz', 'bar', 'baz']));
    expect(terms).not.toEqual(expect.arrayContaining(['gmb']));
    expect(terms).not.toContain('ltd');
    expect(terms).not.toContain('h');
  });

  it('read a search also with its words split', () => {
    expect(searchTerms('Electronics-Watch')).toEqual(['electronicswatch']);
    expect(splitSearchTerms('Electronics-Watch')).toEqual(['electronics', 'watch']);
    expect(splitSearchTerms('DanWatch')).toEqual(['dan', 'watch']);
    expect(splitSearchTerms('o film')).toEqual(['o', 'film']);
    // Still normalized: legal forms and stop words dropped, abbreviations expanded.
    expect(splitSearchTerms('The-Watch Tech AB')).toEqual(['watch', 'technology']);
    expect(splitSearchTerms('  ')).toEqual([]);
    expect(splitSearchTerms(null)).toEqual([]);
  });

  // What the directory's Cypher asks (directory-repository.ts LISTED_MATCHING).
  const finds = (card: string, search: string) => {
    const terms = directoryTerms({ name: card });
    return [searchTerms(search), splitSearchTerms(search)].some((words) =>
      words.every((word) => terms.some((term) => term.startsWith(word))),
    );
  };

  it.each([
    ['Electronics Watch', 'Electronics-Watch'],
    ['Electronics Watch', 'ElectronicsWatch'],
    ['Electronics Watch', 'electro-watch'],
    ['DanWatch', 'dan watch'],
    ['DanWatch', 'Dan-Watch'],
    ['Dan Watch', 'DanWatch'],
    ['O-Film', 'o film'],
    ['O Film', 'O-Film'],
    ['Nanchang O Film Tech Co., Ltd.', 'OFilm'],
    ['Nanchang O-Film Tech Co., Ltd.', 'film technology'],
    ['Watch Electronics', 'Electronics-Watch'],
    ['S Group', 'S-Group'],
    ['E-Commerce Holdings', 'e-Commerce'],
    ['iPhone Cases Ltd', 'iPhone'],
  ])('find %j by the search %j', (card, search) => {
    expect(finds(card, search)).toBe(true);
  });

  it.each([
    ['Electronics Watch', 'Electronics-Clock'],
    ['DanWatch', 'dan clock'],
    ['O-Film', 'o paper'],
    ['Electronics Watch', 'watchelectronics'],
    // A split leaving a piece of one letter is not tried: one letter starts almost any word.
    ['Shenzhen Textile Group', 'S-Group'],
    ['Euro Commerce Holdings', 'e-Commerce'],
    ['Ivory Phone Cases', 'iPhone'],
  ])('do not find %j by the search %j', (card, search) => {
    expect(finds(card, search)).toBe(false);
  });
});
