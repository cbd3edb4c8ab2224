// The US Consolidated Screening List (trade.gov): the JSON download (`{"results": [...]}`) and the CSV
// and TSV downloads of the same records. Organizations only: individuals, vessels and aircraft are
// skipped. docs/screening.md, "US Consolidated Screening List", says which field goes where.
import type { EntryIdentifier, ReadList, WatchListEntry } from '../watch-list-entry.ts';
import { readDelimited, semicolonList } from './delimited.ts';
import { countryCodes, hasName, httpUrl, listDate, otherNames } from './fields.ts';
import { isObject, textOf, textsOf } from './json-values.ts';
import { quote } from '../../../domain/quote.ts';

const NOT_ORGANIZATIONS = new Set(['individual', 'vessel', 'aircraft']);

/** One CSL record, whichever download it came from. */
interface CslRecord {
  id: string;
  type: string;
  name: string;
  altNames: string[];
  source: string;
  programs: string[];
  countries: string[];
  ids: EntryIdentifier[];
  startDate: string;
  sourceListUrl: string;
  sourceInformationUrl: string;
  /** 'record 3' or 'row 4', for messages. */
  where: string;
  line: number;
}

/** The Consolidated Screening List's sub-list as the indicator source. */
const cslSource = (source: string): string => `US Consolidated Screening List: ${source}`;

function toEntry(record: CslRecord, problems: string[]): WatchListEntry | null {
  if (NOT_ORGANIZATIONS.has(record.type.toLowerCase())) return null;
  const bad: string[] = [];
  if (record.id === '') bad.push('id is empty');
  if (!hasName(record.name)) bad.push('name is empty');
  if (record.source === '') bad.push('source is empty');
  const listedAt = record.startDate === '' ? null : listDate(record.startDate);
  if (record.startDate !== '' && listedAt === null)
    bad.push(`start_date is not a date: ${quote(record.startDate)}`);
  if (bad.length > 0) {
    problems.push(...bad.map((p) => `${record.where}: ${p}`));
    return null;
  }
  return {
    listEntryId: record.id,
    name: record.name,
    aliases: otherNames(record.name, record.altNames),
    countries: countryCodes(record.countries),
    source: cslSource(record.source),
    program: record.programs.length > 0 ? record.programs.join('; ') : null,
    listedAt,
    sourceUrl: httpUrl(record.sourceListUrl) ?? httpUrl(record.sourceInformationUrl),
    identifiers: record.ids,
    format: 'csl',
    line: record.line,
  };
}

function fromJson(value: unknown, index: number): CslRecord {
  const r = isObject(value) ? value : {};
  const addresses = Array.isArray(r['addresses']) ? r['addresses'] : [];
  const ids = Array.isArray(r['ids']) ? r['ids'] : [];
  return {
    id: textOf(r['id']),
    type: textOf(r['type']),
    name: textOf(r['name']),
    altNames: textsOf(r['alt_names']),
    source: textOf(r['source']),
    programs: textsOf(r['programs']),
    countries: addresses.map((a) => (isObject(a) ? textOf(a['country']) : '')),
    ids: ids.flatMap((id) =>
      isObject(id) && textOf(id['number']) !== ''
        ? [{ scheme: textOf(id['type']).toLowerCase(), value: textOf(id['number']) }]
        : [],
    ),
    startDate: textOf(r['start_date']),
    sourceListUrl: textOf(r['source_list_url']),
    sourceInformationUrl: textOf(r['source_information_url']),
    where: `record ${index + 1}`,
    line: index + 1,
  };
}

/** CSL JSON: `{"results": [...]}` as the API and the download write it, or a bare array of records. */
export function readCslJson(value: unknown): ReadList {
  const results = Array.isArray(value) ? value : isObject(value) ? value['results'] : undefined;
  if (!Array.isArray(results)) {
    return { entries: [], problems: ['a CSL JSON file is an object with a "results" array of records'] };
  }
  const problems: string[] = [];
  const entries = results.flatMap((record, i) => toEntry(fromJson(record, i), problems) ?? []);
  return { entries, problems };
}

/**
 * CSL CSV or TSV: multi-valued cells are separated by `;`; an address ends with its country code
 * (`street, city, state, postal code, CN`) and an id reads `type, number, country`.
 */
export function readCslDelimited(text: string, delimiter: ',' | '\t'): ReadList {
  const { columns, rows, problems } = readDelimited(text, delimiter);
  if (problems.length > 0) return { entries: [], problems };
  const missing = ['name', 'type', 'source'].filter((c) => !columns.includes(c));
  if (!columns.includes('_id') && !columns.includes('id')) missing.unshift('_id');
  if (missing.length > 0) return { entries: [], problems: [`the CSL header lacks ${missing.join(', ')}`] };
  const entries = rows.flatMap(({ cell, row }) => {
    const record: CslRecord = {
      id: cell('_id') || cell('id'),
      type: cell('type'),
      name: cell('name'),
      altNames: semicolonList(cell('alt_names')),
      source: cell('source'),
      programs: semicolonList(cell('programs')),
      countries: semicolonList(cell('addresses')).map((a) => a.split(',').at(-1) ?? ''),
      ids: semicolonList(cell('ids')).flatMap((id) => {
        const [type = '', number = ''] = id.split(',').map((part) => part.trim());
        return number === '' ? [] : [{ scheme: type.toLowerCase(), value: number }];
      }),
      startDate: cell('start_date'),
      sourceListUrl: cell('source_list_url'),
      sourceInformationUrl: cell('source_information_url'),
      where: `row ${row}`,
      line: row,
    };
    return toEntry(record, problems) ?? [];
  });
  return { entries, problems };
}
