import { describe, expect, it } from 'vitest';
import { watchlistDescription, watchlistIndicatorId } from '../../src/modules/screening/indicator-naming.ts';
import type { ScreeningMatch } from '../../src/modules/screening/match.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const ENTITY_LIST = 'US Department of Commerce, BIS Entity List';

describe('watch-list indicator ids', () => {
  // Recorded indicators are upserted by this id: a change here would duplicate them on the next --apply.
  it('is wl-<organization>-<list entry id slug>-<8 hex of the source>, the same every time', () => {
    const id = 'wl-cn-ofilm-nanchang-nanchang-o-film-tech-co-ltd-c2b9c04c';
    expect(watchlistIndicatorId('cn-ofilm-nanchang', 'Nanchang O-Film Tech Co., Ltd.', ENTITY_LIST)).toBe(id);
    expect(watchlistIndicatorId('cn-ofilm-nanchang', 'Nanchang O-Film Tech Co., Ltd.', ENTITY_LIST)).toBe(id);
  });

  it('folds accents and turns every run of other characters into one hyphen', () => {
    expect(watchlistIndicatorId('de-x', 'Société Générale S.A. — «Paris»', 'L')).toBe(
      'wl-de-x-societe-generale-s-a-paris-72dfcfb0',
    );
  });

  it('tells lists apart by the source, not by the entry alone', () => {
    const a = watchlistIndicatorId('o', 'Foo Ltd', 'List A');
    const b = watchlistIndicatorId('o', 'Foo Ltd', 'List B');
    expect(a).not.toBe(b);
    expect(a.replace(/-[0-9a-f]{8}$/, '')).toBe(b.replace(/-[0-9a-f]{8}$/, ''));
  });

  it('cuts the slug at 60 characters without a trailing hyphen, and names a slug-less entry "entry"', () => {
    expect(watchlistIndicatorId('o', 'Alpha '.repeat(20), 'L')).toBe(
      `wl-o-${Array.from({ length: 10 }, () => 'alpha').join('-')}-72dfcfb0`,
    );
    expect(watchlistIndicatorId('o', '***', 'L')).toBe('wl-o-entry-72dfcfb0');
  });

  it('hashes all three parts when the id would be longer than 200 characters', () => {
    const id = watchlistIndicatorId('x'.repeat(200), 'Foo', 'L');
    expect(id).toBe('wl-2a5df52fc49c8c36b986f178e2374a294892852b');
    expect(watchlistIndicatorId('x'.repeat(200), 'Bar', 'L')).not.toBe(id);
  });
});

describe('watch-list indicator descriptions', () => {
  const match = (matchedEntryName: string): ScreeningMatch => ({
    organizationId: 'cn-ofilm-nanchang',
    organizationName: 'OFILM, Nanchang',
    entry: 'Nanchang O-Film Tech',
    score: 0.97,
    nameScore: 0.97,
    explanation: [],
    matchedName: 'Nanchang OFILM Technology',
    matchedEntryName,
    listEntry: listEntry('Nanchang O-Film Tech', { aliases: ['O-Film Nanchang'], source: ENTITY_LIST }),
  });

  it('says which name matched which entry, with the score', () => {
    expect(watchlistDescription(match('Nanchang O-Film Tech'))).toBe(
      'Watch-list screening: the name "Nanchang OFILM Technology" matches the list entry ' +
        '"Nanchang O-Film Tech", score 0.97.',
    );
  });

  it('names the alias of the entry when an alias matched', () => {
    expect(watchlistDescription(match('O-Film Nanchang'))).toBe(
      'Watch-list screening: the name "Nanchang OFILM Technology" matches the list entry ' +
        '"Nanchang O-Film Tech" (listed also as "O-Film Nanchang"), score 0.97.',
    );
  });

  it('stays within a record’s 2,000 characters however long the names a list gives', () => {
    const long = 'Very Long Name '.repeat(200);
    const description = watchlistDescription({ ...match(long), entry: long, matchedName: long });
    expect(description.length).toBeLessThanOrEqual(2_000);
    expect(description).toContain(`"${long.slice(0, 400)}…"`);
  });
});
