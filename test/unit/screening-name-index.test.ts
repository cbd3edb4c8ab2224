import { describe, expect, it } from 'vitest';
import { candidates, NameIndex } from '../../src/modules/screening/name-index.ts';
import { normalizeName } from '../../src/domain/normalize-name.ts';

/** The list names the index offers for `name` at `threshold`. */
function lookUp(listNames: string[], name: string, threshold: number): string[] {
  const index = new NameIndex(
    listNames.flatMap((listName) => candidates(listName, [listName])),
    threshold,
  );
  return index.candidates(normalizeName(name)).map((position) => index.names[position]?.written ?? '');
}

describe('candidate names of an owner', () => {
  it('splits former names off and keeps each distinct normalized name once', () => {
    const found = candidates('owner', ['Foo Ltd (formerly Bar Ltd)', 'FOO LIMITED', ' ', 'Bar Ltd']);
    expect(found.map((c) => [c.written, c.normalized.core.join(' ')])).toEqual([
      ['Foo Ltd (formerly Bar Ltd)', 'foo'],
      ['Foo Ltd (formerly Bar Ltd)', 'bar'],
    ]);
    expect(found.every((c) => c.owner === 'owner')).toBe(true);
  });
});

describe('the name index', () => {
  const list = ['Nanchang OFILM Technology', 'O-Film Technology', 'Hypro Electric', 'Mingshuo'];

  it('offers at the default threshold only names with no distinctive word left unpaired', () => {
    expect(lookUp(list, 'Nanchang O-Film Tech', 0.9)).toEqual(['Nanchang OFILM Technology']);
  });

  it('offers names with one distinctive word unpaired once the threshold allows one', () => {
    expect(lookUp(list, 'Nanchang O-Film Tech', 0.85).sort()).toEqual([
      'Nanchang OFILM Technology',
      'O-Film Technology',
    ]);
  });

  it('offers spelling variants only at thresholds a spelling variant can reach', () => {
    expect(lookUp(list, 'Mingshou', 0.9)).toEqual([]);
    expect(lookUp(list, 'Mingshou', 0.89)).toEqual(['Mingshuo']);
  });

  it('finds words joined on one side and split on the other', () => {
    expect(lookUp(['O Film Nanchang'], 'OFILM Nanchang', 0.9)).toEqual(['O Film Nanchang']);
    expect(lookUp(['OFILM Nanchang'], 'O Film Nanchang', 0.9)).toEqual(['OFILM Nanchang']);
  });

  it('looks a name made only of generic words up by all its words', () => {
    expect(lookUp(['Trading Technology', 'Hypro Electric'], 'Technology Trading', 0.9)).toEqual([
      'Trading Technology',
    ]);
  });
});
