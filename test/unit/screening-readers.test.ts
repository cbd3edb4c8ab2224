import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, readWatchList } from '../../src/modules/screening/read-watch-list.ts';
import { listDate } from '../../src/modules/screening/readers/fields.ts';
import { readUflpaHtml } from '../../src/modules/screening/readers/uflpa-html.ts';

const sample = (file: string) =>
  readFileSync(new URL(`../../seed/watchlists/${file}`, import.meta.url), 'utf8');

describe('list dates', () => {
  it.each([
    ['2020-07-22', '2020-07-22'],
    ['2023-01-14T08:12:05', '2023-01-14'],
    ['July 22, 2020', '2020-07-22'],
    ['Sept. 26, 2023', '2023-09-26'],
    ['22 July 2020', '2020-07-22'],
    ['07/22/2020', '2020-07-22'],
  ])('%s is %s', (text, iso) => expect(listDate(text)).toBe(iso));

  it.each(['2020-02-30', 'Smarch 3, 2020', '22.07.2020', '2020'])('%s is no date', (text) =>
    expect(listDate(text)).toBeNull(),
  );
});

describe('format detection', () => {
  it.each([
    ['csl-sample.json', 'csl'],
    ['csl-sample.csv', 'csl'],
    ['csl-sample.tsv', 'csl'],
    ['opensanctions-sample.ftm.json', 'ftm'],
    ['opensanctions-sample.targets.simple.csv', 'opensanctions-csv'],
    ['uflpa-entity-list-sample.html', 'uflpa-html'],
    ['sample-entity-list.csv', 'tiersight'],
    ['tiersight-sample.csv', 'tiersight'],
  ])('%s is %s', (file, format) => expect(detectFormat(sample(file))).toBe(format));

  it('names the formats when it recognizes none', () => {
    expect(readWatchList('company;country\nFoo;CN\n').problems).toEqual([
      expect.stringContaining('name it with --format') as unknown,
    ]);
  });
});

describe('the Consolidated Screening List', () => {
  it('reads the same entries from its JSON, CSV and TSV downloads', () => {
    const [json, csv, tsv] = ['csl-sample.json', 'csl-sample.csv', 'csl-sample.tsv'].map((file) =>
      readWatchList(sample(file)),
    );
    expect(json?.problems).toEqual([]);
    const comparable = (read: typeof json) => read?.entries.map(({ line: _line, ...entry }) => entry);
    expect(comparable(csv)).toEqual(comparable(json));
    expect(comparable(tsv)).toEqual(comparable(json));
  });

  it('keeps organizations only, with their sub-list, programme, countries and ids', () => {
    const { entries } = readWatchList(sample('csl-sample.json'));
    expect(entries).toHaveLength(28);
    expect(entries.map((e) => e.name)).not.toContain('Ivor Quellan Dask');
    expect(entries.map((e) => e.name)).not.toContain('MV Brumalis Star');
    expect(entries.find((e) => e.name === 'Dravik Heavy Machinery JSC')).toMatchObject({
      source: 'US Consolidated Screening List: Specially Designated Nationals (SDN) - Treasury Department',
      program: 'GLOMAG',
      countries: ['RU'],
      listedAt: '2022-03-24',
      aliases: ['OAO Dravik Machinery', 'Dravik Heavy Machinery Open Joint Stock Company'],
      identifiers: [{ scheme: 'registration number', value: '1026600000017' }],
      format: 'csl',
    });
  });

  it('reports records without an id or a name, and bad dates', () => {
    const { entries, problems } = readWatchList(
      JSON.stringify({
        results: [
          { id: '', name: 'Foo', type: 'Entity', source: 'EL' },
          { id: 'x', name: ' ', type: 'Entity', source: 'EL' },
          { id: 'y', name: 'Bar', type: 'Entity', source: 'EL', start_date: 'soon' },
        ],
      }),
    );
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      'record 1: id is empty',
      'record 2: name is empty',
      'record 3: start_date is not a date: "soon"',
    ]);
  });
});

describe('OpenSanctions', () => {
  it('reads targets that are organizations from entities.ftm.json, with their Sanction entities', () => {
    const { entries, problems } = readWatchList(sample('opensanctions-sample.ftm.json'));
    expect(problems).toEqual([]);
    const names = entries.map((e) => e.name);
    expect(names).not.toContain('Ivor Quellan Dask');
    expect(names).not.toContain('Astrelle Holdings Group');
    expect(entries.find((e) => e.name === 'Pelthane Solar Materials Co., Ltd.')).toMatchObject({
      source: 'OpenSanctions',
      program: 'EAR',
      listedAt: '2022-06-21',
      countries: ['CN'],
      identifiers: [{ scheme: 'unified social credit code', value: '91650100PLT00002Y' }],
    });
    expect(entries.find((e) => e.name === 'Sarovel Hair Products Co., Ltd.')).toMatchObject({
      program: 'us_cbp_forced_labor',
      listedAt: '2021-07-13',
      sourceUrl: 'https://www.opensanctions.org/entities/NK-wroSampleSarovel0001/',
    });
  });

  it('gives the same list ids and names in targets.simple.csv', () => {
    const ftm = readWatchList(sample('opensanctions-sample.ftm.json')).entries;
    const simple = readWatchList(sample('opensanctions-sample.targets.simple.csv')).entries;
    expect(simple.map((e) => [e.listEntryId, e.name, e.aliases, e.countries])).toEqual(
      ftm.map((e) => [e.listEntryId, e.name, e.aliases, e.countries]),
    );
  });

  it('says what a listing is about where OpenSanctions does: forced-labour lists and human-rights topics', () => {
    const topicsOf = (file: string) =>
      new Map(readWatchList(sample(file)).entries.map((e) => [e.name, e.topics]));
    for (const file of ['opensanctions-sample.ftm.json', 'opensanctions-sample.targets.simple.csv']) {
      const topics = topicsOf(file);
      // us_dhs_uflpa / "US DHS UFLPA Entity List"; us_cbp_forced_labor / "US CBP Withhold Release Orders…"
      expect(topics.get('Astrelle Walnut Processing Co., Ltd.')).toEqual(['FORCED_LABOUR']);
      expect(topics.get('Sarovel Hair Products Co., Ltd.')).toEqual(['FORCED_LABOUR']);
      // An export-control listing says nothing about labour: not classified.
      expect(topics.get('Pelthane Solar Materials Co., Ltd.')).toBeUndefined();
    }
    const entity = (id: string, topics: string[]) =>
      JSON.stringify({
        id,
        schema: 'Company',
        properties: { name: [`Company ${id}`], topics },
        datasets: ['x'],
      });
    const { entries } = readWatchList(
      [
        entity('a', ['sanction', 'crime.env', 'forced.labor']),
        entity('b', ['crime.traffick.human']),
        entity('c', ['crime.traffick.drug', 'export.control']),
      ].join('\n'),
      { format: 'ftm' },
    );
    expect(entries.map((e) => e.topics)).toEqual([
      ['ENVIRONMENT', 'FORCED_LABOUR'],
      ['FORCED_LABOUR'],
      undefined,
    ]);
  });

  it('reports a line that is not JSON', () => {
    expect(
      readWatchList('{"id":"a","schema":"Company","properties":{}}\nnot json\n', { format: 'ftm' }),
    ).toMatchObject({ problems: ['line 2: not a JSON entity', 'line 1: Company a has no name'] });
  });
});

describe('the UFLPA Entity List page', () => {
  it('splits aliases and the subsidiaries a listing names into entries of their own', () => {
    const { entries } = readUflpaHtml(
      `<h2>Section (i)</h2><table><tr><th>Entity Name</th><th>Effective Date</th></tr>
       <tr><td>Foo Silicon Co., Ltd. (also known as Foo Si; Foo Silicon Industry), including two
       subsidiaries: Foo Silicon (Kelan) Co., Ltd.; and Foo Quartz Co., Ltd.</td><td>June 21, 2022</td></tr></table>`,
    );
    expect(entries.map((e) => [e.listEntryId, e.name, e.aliases, e.program, e.listedAt])).toEqual([
      [
        'uflpa:foo-silicon-co-ltd',
        'Foo Silicon Co., Ltd.',
        ['Foo Si', 'Foo Silicon Industry'],
        'Section (i)',
        '2022-06-21',
      ],
      [
        'uflpa:foo-silicon-co-ltd/foo-silicon-kelan-co-ltd',
        'Foo Silicon (Kelan) Co., Ltd.',
        [],
        'Section (i); subsidiary named in the listing of Foo Silicon Co., Ltd.',
        '2022-06-21',
      ],
      [
        'uflpa:foo-silicon-co-ltd/foo-quartz-co-ltd',
        'Foo Quartz Co., Ltd.',
        [],
        'Section (i); subsidiary named in the listing of Foo Silicon Co., Ltd.',
        '2022-06-21',
      ],
    ]);
  });

  it('reports rows without a name or with a bad date, and a page without a table', () => {
    expect(
      readUflpaHtml('<table><tr><th>Entity</th><th>Date</th></tr><tr><td></td><td>x</td></tr></table>')
        .problems,
    ).toEqual(['table row 1: the entity name is empty', 'table row 1: "x" is not a date']);
    expect(readUflpaHtml('<p>Nothing</p>').problems).toEqual([
      'no table rows found: is this the UFLPA Entity List page?',
    ]);
  });
});

describe('Tiersight CSV', () => {
  it('reads the optional id, country, program and identifier columns', () => {
    const { entries, problems } = readWatchList(
      'id,name,aliases,effective_date,source,country,program,os_id,registration_number\n' +
        'T-1,Foo Ltd,,2024-01-02,My list,CN;hk,Forced labour,CN2024001ABC,91X\n' +
        'T-2,Bar Ltd,,,My list,China,,,\n',
    );
    expect(problems).toEqual([
      `line 3: country must be ISO 3166-1 alpha-2 codes separated by ';', got "China"`,
    ]);
    expect(entries[0]).toMatchObject({
      listEntryId: 'T-1',
      countries: ['CN', 'HK'],
      program: 'Forced labour',
      identifiers: [
        { scheme: 'os_id', value: 'CN2024001ABC' },
        { scheme: 'registration number', value: '91X' },
      ],
    });
  });

  it('--source replaces the source of every format', () => {
    const { entries } = readWatchList(sample('csl-sample.json'), { source: 'CSL of 2026-11-30' });
    expect(new Set(entries.map((e) => e.source))).toEqual(new Set(['CSL of 2026-11-30']));
  });
});

describe('texts too long to store', () => {
  // What screening stores is exported as bulk-format records, whose texts hold at most 2,000 characters.
  const long = (c: string) => c.repeat(2_001);

  it('refuse the list before screening, naming the entry and the text, in every format', () => {
    const csv = readWatchList(
      'id,name,aliases,effective_date,source,country,program\n' +
        `T-1,Foo Ltd,${long('a')},2024-01-02,${long('s')},CN,${long('p')}\n` +
        'T-2,Bar Ltd,,,My list,CN,\n',
    );
    expect(csv.problems).toHaveLength(3);
    expect(csv.problems[0]).toMatch(
      /^entry "T-1" \(line or record 2\): its source is 2,001 characters long, "s+\.\.\.; a stored text holds at most 2,000 \(--source replaces/,
    );
    expect(csv.problems[1]).toMatch(/its other name is 2,001 characters long/);
    expect(csv.problems[2]).toMatch(/its programme is 2,001 characters long/);
    const ftm = readWatchList(
      JSON.stringify({
        id: 'os-1',
        schema: 'Company',
        properties: { name: [long('n')], sourceUrl: [`https://x.test/${long('u')}`] },
      }),
      { format: 'ftm' },
    );
    expect(ftm.problems.map((p) => /its (\w+)/.exec(p)?.[1])).toEqual(['name', 'link']);
  });

  it('are the list source unless --source replaces it', () => {
    const list = `id,name,aliases,effective_date,source\nT-1,Foo Ltd,,,${long('s')}\n`;
    expect(readWatchList(list).problems).toHaveLength(1);
    expect(readWatchList(list, { source: 'Our list' }).problems).toEqual([]);
  });
});
