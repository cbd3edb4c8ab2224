import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { parseCsv } from '../../src/modules/screening/csv.ts';
import { screenNames } from '../../src/modules/screening/match.ts';
import { DEFAULT_THRESHOLD, nameSimilarity } from '../../src/modules/screening/score.ts';
import { parseWatchList } from '../../src/modules/screening/readers/tiersight-csv.ts';
import type { WatchListEntry } from '../../src/modules/screening/watch-list-entry.ts';
import { listEntry } from '../support/watch-list-entries.ts';
import { foldText, normalizeName, splitNameVariants } from '../../src/domain/normalize-name.ts';

const entry = (name: string, extra: Partial<WatchListEntry> = {}): WatchListEntry =>
  listEntry(name, { listedAt: '2020-07-22', ...extra });

describe('name normalization', () => {
  it('folds Unicode compatibility forms, case and accents', () => {
    expect(foldText('ＳＯＣＩÉＴÉ Générale')).toBe('societe generale');
    expect(foldText('Sykehusinnkjøp Æble Straße')).toBe('sykehusinnkjop aeble strasse');
  });

  it('drops what shows as nothing, so an invisible character inside a stored name cannot hide it from a list', () => {
    // Zero-width space, soft hyphen, word joiner, right-to-left override and its pop, BOM, a tag.
    const hidden = 'Ho\u200bshi\u00adne\u2060 Si\u202elic\u202con\ufeff Industry\u{e0041}';
    expect(foldText(hidden)).toBe('hoshine silicon industry');
    expect(nameSimilarity('Hoshine Silicon Industry Co., Ltd.', hidden)).toBe(1);
  });

  it.each([
    ['Nanchang O-Film Tech Co., Ltd.', ['nanchang', 'ofilm', 'technology'], 'ltd'],
    ['SHENZHEN FOO TECHNOLOGY COMPANY LIMITED', ['shenzhen', 'foo', 'technology'], 'ltd'],
    ['Shenzhen Foo Technology Co Ltd', ['shenzhen', 'foo', 'technology'], 'ltd'],
    ['MSI Computer (Shenzhen) Co., Ltd.', ['msi', 'computer', 'shenzhen'], 'ltd'],
    ['Procter & Gamble Co.', ['procter', 'gamble'], 'co'],
    ['Foo Holdings Ltd and its subsidiaries', ['foo', 'holdings'], 'ltd'],
    ['Foo Industrial (Group) Co., Ltd.', ['foo', 'industry'], 'ltd'],
    ['A.P. Møller - Mærsk A/S', ['ap', 'moller', 'maersk'], 'as'],
    ['Société Générale S.A.', ['societe', 'generale'], 'sa'],
    ['PT Foo Indonesia Tbk', ['foo', 'indonesia'], 'tbk'],
    ['Foo GmbH & Co. KG', ['foo'], 'kg'],
    ["Foo Int'l Mfg. Corp.", ['foo', 'international', 'manufacturing'], 'corp'],
    ['Taida (Delta Electronics subsidiary), Dongguan', ['taida', 'dongguan'], null],
    ['Limited', ['limited'], null],
  ])('%s -> %j (%s)', (name, core, legalForm) => {
    const normalized = normalizeName(name);
    expect(normalized.core).toEqual(core);
    expect(normalized.legalForm).toBe(legalForm);
  });

  it('keeps the spelling as written beside the canonical word', () => {
    expect(normalizeName('O-Film Tech')).toMatchObject({
      core: ['ofilm', 'technology'],
      surface: ['ofilm', 'tech'],
    });
  });

  it.each([
    [
      'Region Stockholm (Stockholms läns landsting until 2019)',
      'region stockholm',
      ['stockholms lans landsting'],
    ],
    ['Foo Ltd (formerly Bar Ltd)', 'foo ltd', ['bar ltd']],
    ['Foo Ltd (f/k/a Bar Ltd; Baz Ltd)', 'foo ltd', ['bar ltd', 'baz ltd']],
    ['Foo Ltd, formerly known as Bar Ltd', 'foo ltd', ['bar ltd']],
    ['Foo Trading a.k.a. Foo Handel', 'foo trading', ['foo handel']],
    ['Mingshuo (Pegatron subsidiary), Jiangsu', 'mingshuo  , jiangsu', []],
  ])('splits other names and notes off %s', (raw, name, otherNames) => {
    const variants = splitNameVariants(raw);
    expect(variants.name.replace(/\s+/g, ' ')).toBe(name.replace(/\s+/g, ' '));
    expect(variants.otherNames).toEqual(otherNames);
  });
});

describe('name matching', () => {
  // [list entry, organization name]: the same organization written another way.
  const same: [string, string][] = [
    ['Shenzhen Foo Technology Co., Ltd.', 'SHENZHEN FOO TECHNOLOGY COMPANY LIMITED'],
    ['Shenzhen Foo Technology Co Ltd', 'Shenzhen Foo Technology Co., Ltd.'],
    ['Shenzhen Foo Technology Company Limited', 'Shenzhen Foo Technology Ltd'],
    ['Hangzhou Foo-Vision Digital Technology Co., Ltd.', 'Hangzhou FooVision Digital Technology Co Ltd'],
    ['Micro-Star International Co., Ltd.', 'Micro Star International'],
    ['Procter & Gamble', 'Procter and Gamble Co.'],
    ['Société Générale S.A.', 'SOCIETE GENERALE'],
    ['Nanchang O-Film Tech', 'Nanchang OFILM Technology Co., Ltd.'],
    ['Foo Holdings Ltd and its subsidiaries', 'Foo Holdings Limited'],
    ['Foo Holdings Limited, and subsidiaries', 'Foo Holdings'],
    ['ACME Mfg. Co.', 'Acme Manufacturing Company'],
    ["Foo Int'l Trading", 'Foo International Trading Co., Ltd.'],
    ['A/S Møller', 'Moller AS'],
    ['I.B.M. Corp', 'IBM Corporation'],
    ['Stockholms Läns Landsting', 'Region Stockholm (Stockholms läns landsting until 2019)'],
    ['Bar Limited', 'Foo Ltd (formerly Bar Ltd)'],
    ['Foo Electronic Co', 'Foo Electronics Corporation'],
    ['Foo Industrial (Group) Co., Ltd.', 'Foo Industries Co Ltd'],
  ];
  it.each(same)('%s matches %s', (listed, organization) => {
    expect(nameSimilarity(listed, organization)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(nameSimilarity(organization, listed)).toBe(nameSimilarity(listed, organization));
  });

  // [list entry, organization name]: a parent, a subsidiary or a different firm.
  const different: [string, string][] = [
    // The Entity List names the Nanchang entity, not its parent.
    ['Nanchang O-Film Tech', 'O-Film Technology'],
    ['Nanchang O-Film Tech', 'O-Film Tech'],
    ['Nanchang O-Film Tech', 'OFILM'],
    // A listed parent does not make its subsidiaries listed (and the reverse).
    ['O-Film Technology', 'Nanchang O-Film Tech'],
    ['Zhejiang Foo Technology Co., Ltd.', 'Foo Technology Co., Ltd.'],
    ['Atea AS', 'Atea Sverige AB'],
    ['Wistron Corporation', 'Wistron, Zhongshan'],
    // Subsidiaries with another name, even when a note names the parent.
    ['Delta Electronics', 'Taida (Delta Electronics subsidiary), Dongguan'],
    ['Pegatron Corporation', 'Mingshuo (Pegatron subsidiary), Jiangsu'],
    // Similarly named, unrelated firms.
    ['Hypro Electric Co., Ltd.', 'Hipro Electronics, Dongguan'],
    ['Hypro Electric', 'Hipro Electric'],
    ['Delta Manufacturing Holdings', 'Delta Electronics'],
    ['Shenzhen Foo Precision', 'Dongguan Foo Precision'],
    ['Foo Technology', 'Foo Trading'],
    ['Electronics Watch', 'DanWatch'],
    ['Foo Bar Baz Qux Quux', 'Foo Bar Baz Qux Quux Corge'],
    ['Nanchang Film Optics Trading Company Limited', 'OFILM, Nanchang'],
  ];
  it.each(different)('%s does not match %s', (listed, organization) => {
    expect(nameSimilarity(listed, organization)).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('scores identical names 1, abbreviations about 0.97, one extra distinctive word below 0.9', () => {
    expect(nameSimilarity('Foo Technology Co., Ltd.', 'FOO TECHNOLOGY COMPANY LIMITED')).toBe(1);
    expect(nameSimilarity('Foo Tech', 'Foo Technology')).toBeCloseTo(0.97, 2);
    expect(nameSimilarity('Foo Bar', 'Foo Bar Baz')).toBeLessThan(0.9);
    expect(nameSimilarity('Foo Inc.', 'Foo Ltd')).toBe(0.95);
  });

  it('never accepts a mere spelling variant at the default threshold, but shows it lower down', () => {
    const score = nameSimilarity('Mingshou Computers', 'Mingshuo Computers');
    expect(score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('screening organizations', () => {
  const orgs = [
    { id: 'p', name: 'O-Film Technology', aliases: ['OFILM', 'O-Film Tech'] },
    { id: 'n', name: 'OFILM, Nanchang', aliases: ['Nanchang O-Film Tech'] },
    { id: 'x', name: 'Foo Trading (formerly Bar Electronics Ltd)' },
    { id: 'y', name: 'Baz Holdings Ltd' },
  ];

  it('uses every name and alias on both sides and keeps the best pair', () => {
    const entries = [
      entry('Nanchang O-Film Tech Co., Ltd.'),
      entry('Qux Ltd', { aliases: ['Baz Holdings Limited'] }),
      entry('Bar Electronics Company Limited'),
    ];
    const matches = screenNames(orgs, entries);
    expect(
      matches.map((m) => [m.organizationId, m.entry, m.score, m.matchedName, m.matchedEntryName]),
    ).toEqual([
      ['y', 'Qux Ltd', 1, 'Baz Holdings Ltd', 'Baz Holdings Limited'],
      ['x', 'Bar Electronics Company Limited', 1, orgs[2]!.name, 'Bar Electronics Company Limited'],
      ['n', 'Nanchang O-Film Tech Co., Ltd.', 1, 'Nanchang O-Film Tech', 'Nanchang O-Film Tech Co., Ltd.'],
    ]);
  });

  it('sorts by score, then organization name, and applies the threshold', () => {
    const entries = [entry('O-Film Tech'), entry('Baz Holdings')];
    expect(screenNames(orgs, entries, 0.5).map((m) => [m.organizationName, m.entry, m.score])).toEqual([
      ['Baz Holdings Ltd', 'Baz Holdings', 1],
      ['O-Film Technology', 'O-Film Tech', 1],
      ['OFILM, Nanchang', 'O-Film Tech', 0.675],
    ]);
    expect(screenNames(orgs, entries).map((m) => m.organizationId)).toEqual(['y', 'p']);
  });

  it('finds every pair that comparing all pairs finds (the word index loses nothing)', () => {
    // A small deterministic generator (mulberry32) over words that join, split, abbreviate and misspell.
    let state = 20200722;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const words = ['o', 'film', 'ofilm', 'nanchang', 'tech', 'technology', 'hipro', 'hypro', 'electronics'];
    words.push(
      'electric',
      'mingshuo',
      'mingshou',
      'ming',
      'shuo',
      'co., ltd.',
      'inc',
      '&',
      'and subsidiaries',
    );
    words.push('trading', 'delta', 'del-ta', 'shenzhen', '(formerly', 'acme)', 'intl', 'international');
    const pick = () => words[Math.floor(random() * words.length)] ?? '';
    const name = () => Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join(' ');
    const orgs = Array.from({ length: 80 }, (_, i) => ({ id: `o${i}`, name: name(), aliases: [name()] }));
    const entries = Array.from({ length: 80 }, (_, i) => entry(name(), { aliases: [name()], line: i }));
    for (const threshold of [0.95, 0.9, 0.85, 0.7]) {
      const expected: string[] = [];
      for (const org of orgs) {
        for (const listed of entries) {
          let best = 0;
          for (const a of [org.name, ...org.aliases]) {
            for (const b of [listed.name, ...listed.aliases]) best = Math.max(best, nameSimilarity(a, b));
          }
          if (best > 0 && best >= threshold) expected.push(`${org.id} ${listed.line} ${best}`);
        }
      }
      const found = screenNames(orgs, entries, threshold).map(
        (m) => `${m.organizationId} ${m.listEntry.line} ${m.score}`,
      );
      expect(found.sort()).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('finds exactly OFILM Nanchang in the demo with the sample list', () => {
    const text = readFileSync(
      new URL('../../seed/watchlists/sample-entity-list.csv', import.meta.url),
      'utf8',
    );
    const { entries, problems } = parseWatchList(text);
    expect(problems).toEqual([]);
    const matches = screenNames(DEMO_SCENARIO.organizations, entries);
    expect(matches.map((m) => [m.organizationId, m.entry, m.score])).toEqual([
      [DEMO_IDS.ofilmNanchang, 'Nanchang O-Film Tech', 1],
    ]);
    expect(matches[0]?.listEntry).toMatchObject({
      listedAt: '2020-07-22',
      source: 'US Department of Commerce, BIS Entity List, addition effective 2020-07-22',
    });
  });
});

describe('reading a watch list', () => {
  it('parses RFC 4180: quoted commas, doubled quotes, line breaks in quotes, CRLF', () => {
    const { records, problems } = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n\r\nlast,1');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"'], line: 2 },
      { fields: ['two\r\nlines', 'z'], line: 3 },
      { fields: ['last', '1'], line: 6 },
    ]);
  });

  it('reads entries with the columns in any order and case, aliases split on ;', () => {
    const text =
      '\uFEFFSource,NAME,Effective_Date,aliases\r\n' +
      '"US Department of Commerce, BIS Entity List",Nanchang O-Film Tech,2020-07-22,\r\n' +
      'Test list,"Foo Co., Ltd.",2021-01-05, Foo Company Limited ; Foo Trading;;\r\n';
    const { entries, problems } = parseWatchList(text);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      listEntry('Nanchang O-Film Tech', {
        listedAt: '2020-07-22',
        source: 'US Department of Commerce, BIS Entity List',
        line: 2,
      }),
      listEntry('Foo Co., Ltd.', {
        aliases: ['Foo Company Limited', 'Foo Trading'],
        listedAt: '2021-01-05',
        line: 3,
      }),
    ]);
  });

  it('reports every bad row with its line number', () => {
    const text = [
      'name,aliases,effective_date,source',
      ',Nobody,2020-01-01,List',
      'Foo,,22/07/2020,List',
      '"Multi',
      'line Ltd",,2020-02-30,List',
      'Bar,,2020-01-01',
      'Baz,,,',
      'Good Ltd,,,List',
      'Qux,,2020-01-01,"List" oops',
    ].join('\n');
    const { entries, problems } = parseWatchList(text);
    expect(problems).toEqual([
      'line 9: unexpected text after a closing quote',
      'line 2: name is empty',
      'line 3: effective_date must be an ISO 8601 date (2020-07-22), got "22/07/2020"',
      'line 4: effective_date must be an ISO 8601 date (2020-07-22), got "2020-02-30"',
      'line 6: has 3 field(s), the header has 4',
      'line 6: source is empty (give it in the file or with --source)',
      'line 7: source is empty (give it in the file or with --source)',
    ]);
    expect(entries.map((e) => [e.name, e.line, e.listedAt])).toEqual([['Good Ltd', 8, null]]);
  });

  it('reports a malformed quote and goes on checking the rows after it', () => {
    const text = [
      'name,aliases,effective_date,source',
      '"Foo" Ltd,,2020-01-01,List',
      'Bar,,2020-13-01,List',
      'Good Ltd,,,List',
    ].join('\r\n');
    const { entries, problems } = parseWatchList(text);
    expect(problems).toEqual([
      'line 2: unexpected text after a closing quote',
      'line 3: effective_date must be an ISO 8601 date (2020-07-22), got "2020-13-01"',
    ]);
    expect(entries.map((e) => [e.name, e.line])).toEqual([['Good Ltd', 4]]);
  });

  it('lets a source label replace the source column', () => {
    const { entries, problems } = parseWatchList('name,aliases,effective_date,source\nFoo,,,\n', 'My list');
    expect(problems).toEqual([]);
    expect(entries[0]?.source).toBe('My list');
  });

  it('requires the header columns', () => {
    expect(parseWatchList('name,alias,date\nFoo,,\n').problems).toEqual([
      'line 1: the header must name the columns name,aliases,effective_date,source (any order); ' +
        'missing aliases, effective_date, source',
    ]);
    expect(parseWatchList('').problems).toEqual([
      'the list is empty: it needs the header name,aliases,effective_date,source',
    ]);
    expect(parseWatchList('name,aliases,effective_date,source\n"Foo,,,\n').problems).toEqual([
      'line 2: a quoted field is not closed before the end of the file',
    ]);
  });
});

describe('country and identifiers', () => {
  const org = { id: 'o', name: 'Foo Precision Co., Ltd.', country: 'CN', osId: 'CN2019123ABC001' };

  it("leave the name score as it is when the country is the list's, and say so", () => {
    const [match] = screenNames([org], [entry('Foo Precision Ltd', { countries: ['CN', 'HK'] })]);
    expect(match?.score).toBe(1);
    expect(match?.explanation).toEqual([
      'names: "Foo Precision Co., Ltd." ~ "Foo Precision Ltd"',
      'name score 1.000: same words',
      "country: CN is the list's (no change: a country alone identifies no one)",
      'score 1.000',
    ]);
  });

  it('lower the score of a namesake in another country below the threshold', () => {
    const entries = [entry('Foo Precision Ltd', { countries: ['DE'] })];
    expect(screenNames([org], entries)).toEqual([]);
    const [match] = screenNames([org], entries, 0.5);
    expect(match?.score).toBe(0.85);
    expect(match?.explanation).toContain("country: CN is not the list's DE (×0.85)");
  });

  it("raise to 1 an entry that gives the organization's os_id, whatever its name", () => {
    const [match] = screenNames(
      [org],
      [entry('Foo Jingmi Gongsi', { identifiers: [{ scheme: 'os_id', value: 'cn2019123abc001' }] })],
    );
    expect(match?.score).toBe(1);
    expect(match?.nameScore).toBeLessThan(0.5);
    expect(match?.explanation).toContain(
      "identifier: the list's os_id cn2019123abc001 is the organization's os_id (raised to 1)",
    );
  });

  it('lower the score when the list gives another os_id', () => {
    const entries = [
      entry('Foo Precision Ltd', { identifiers: [{ scheme: 'os_id', value: 'CN2020999XYZ002' }] }),
    ];
    const [match] = screenNames([org], entries, 0.5);
    expect(match?.score).toBe(0.8);
    expect(match?.explanation).toContain(
      "identifier: the organization's os_id CN2019123ABC001 is not the list's CN2020999XYZ002 (×0.8)",
    );
  });
});
