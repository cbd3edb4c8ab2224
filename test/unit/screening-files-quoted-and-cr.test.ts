// OpenSanctions files as a careless hand passes them on: targets.simple.csv re-saved by a tool that
// quotes every cell (R's write.csv, pandas with QUOTE_ALL, LibreOffice's "quote all text cells"), and
// entities.ftm.json whose lines end in a lone CR (an old Mac editor). Each is read as the list it is,
// with its topics.
import { describe, expect, it } from 'vitest';
import { readWatchList } from '../../src/modules/screening/read-watch-list.ts';

const HEADER = [
  'id',
  'schema',
  'name',
  'aliases',
  'countries',
  'identifiers',
  'program_ids',
  'dataset',
  'first_seen',
];
const ROW = [
  'NK-acme',
  'Company',
  'Acme Co',
  '',
  'cn',
  '',
  '',
  'US DHS UFLPA Entity List',
  '2023-01-01T00:00:00',
];
const quotedAll = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');

describe('OpenSanctions files passed on by hand', () => {
  it('targets.simple.csv with every cell quoted, a BOM and CRLF is the OpenSanctions CSV it is', () => {
    const read = readWatchList(`\ufeff${quotedAll(HEADER)}\r\n${quotedAll(ROW)}\r\n`);
    expect(read.problems).toEqual([]);
    expect(read.format).toBe('opensanctions-csv');
    expect(read.entries.map((e) => [e.listEntryId, e.name, e.topics])).toEqual([
      ['NK-acme', 'Acme Co', ['FORCED_LABOUR']],
    ]);
  });

  it('a CSL CSV with a quoted header is the CSL it is', () => {
    const read = readWatchList(
      `"_id","source","name","alt_names"\n"1","Entity List (EL) - Bureau of Industry and Security","Acme Co",""\n`,
    );
    expect(read.format).toBe('csl');
  });

  it('entities.ftm.json with lines ending in a lone CR is one entity a line', () => {
    const entity = (id: string, topics: string[]) =>
      JSON.stringify({ id, schema: 'Company', properties: { name: [`${id} Co`], topics }, datasets: ['x'] });
    const read = readWatchList(`${entity('a', ['forced.labor'])}\r${entity('b', ['sanction'])}\r`);
    expect(read.problems).toEqual([]);
    expect(read.entries.map((e) => [e.listEntryId, e.topics, e.line])).toEqual([
      ['a', ['FORCED_LABOUR'], 1],
      ['b', undefined, 2],
    ]);
  });
});
