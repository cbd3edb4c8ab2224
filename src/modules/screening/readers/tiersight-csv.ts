// Tiersight's own watch-list CSV: the columns name, aliases, effective_date, source, and the optional
// id, url, country, program, os_id, registration_number, topics; every bad row reported with its line number
// (docs/screening.md, "Tiersight's CSV").
import { parseCsv } from '../csv.ts';
import type { EntryIdentifier, ReadList, WatchListEntry } from '../watch-list-entry.ts';
import { countryCodes, hasName, httpUrl, listDate, otherNames } from './fields.ts';
import { quote } from '../../../domain/quote.ts';
import { RISK_TOPICS, storedTopics, type RiskTopic } from '../../../domain/format.ts';

const isTopic = (word: string): word is RiskTopic => (RISK_TOPICS as readonly string[]).includes(word);

const WATCH_LIST_COLUMNS = ['name', 'aliases', 'effective_date', 'source'] as const;
/** Optional identifier columns and the scheme each stands for. */
const IDENTIFIER_COLUMNS = [
  ['os_id', 'os_id'],
  ['registration_number', 'registration number'],
] as const;

/**
 * Reads a watch list in Tiersight's CSV (any column order, any case; other columns are ignored).
 * `aliases` and `country` are separated by `;`. Without an `id` column an entry's list id is its name.
 * `sourceLabel`, when given, replaces the source of every entry.
 */
export function parseWatchList(csvText: string, sourceLabel?: string): ReadList {
  const { records, problems } = parseCsv(csvText);
  const entries: WatchListEntry[] = [];
  const [header, ...rows] = records;
  if (!header) {
    problems.push(`the list is empty: it needs the header ${WATCH_LIST_COLUMNS.join(',')}`);
    return { entries, problems };
  }
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const position = new Map<string, number>();
  columns.forEach((column, i) => {
    if (position.has(column) && column !== '')
      problems.push(`line ${header.line}: column ${quote(column)} appears twice`);
    else position.set(column, i);
  });
  const missing = WATCH_LIST_COLUMNS.filter((c) => !position.has(c));
  if (missing.length > 0) {
    problems.push(
      `line ${header.line}: the header must name the columns ${WATCH_LIST_COLUMNS.join(',')} ` +
        `(any order); missing ${missing.join(', ')}`,
    );
    return { entries, problems };
  }
  const label = sourceLabel?.trim() || undefined;
  const cell = (fields: string[], column: string) => {
    const i = position.get(column);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const split = (text: string) => text.split(';').map((part) => part.trim());

  for (const { fields, line } of rows) {
    const rowProblems: string[] = [];
    if (fields.length !== columns.length) {
      rowProblems.push(`has ${fields.length} field(s), the header has ${columns.length}`);
    }
    const name = cell(fields, 'name');
    if (!hasName(name)) rowProblems.push('name is empty');
    const date = cell(fields, 'effective_date');
    const listedAt = date === '' ? null : listDate(date);
    if (date !== '' && listedAt === null) {
      rowProblems.push(`effective_date must be an ISO 8601 date (2020-07-22), got ${quote(date)}`);
    }
    const source = label ?? cell(fields, 'source');
    if (source === '') rowProblems.push('source is empty (give it in the file or with --source)');
    const url = cell(fields, 'url');
    if (url !== '' && httpUrl(url) === null)
      rowProblems.push(`url must be an http(s) URL, got ${quote(url)}`);
    const countryText = split(cell(fields, 'country')).filter((c) => c !== '');
    const countries = countryCodes(countryText);
    const badCountry = countryText.find((c) => !countries.includes(c.toUpperCase()));
    if (badCountry !== undefined) {
      rowProblems.push(`country must be ISO 3166-1 alpha-2 codes separated by ';', got ${quote(badCountry)}`);
    }
    const topicWords = split(cell(fields, 'topics')).filter((t) => t !== '');
    const badTopic = topicWords.find((t) => !isTopic(t));
    if (badTopic !== undefined)
      rowProblems.push(`topics must be ${RISK_TOPICS.join(', ')} separated by ';', got ${quote(badTopic)}`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems.map((p) => `line ${line}: ${p}`));
      continue;
    }
    const identifiers: EntryIdentifier[] = [];
    for (const [column, scheme] of IDENTIFIER_COLUMNS) {
      for (const value of split(cell(fields, column))) if (value !== '') identifiers.push({ scheme, value });
    }
    entries.push({
      listEntryId: cell(fields, 'id') || name,
      name,
      aliases: otherNames(name, split(cell(fields, 'aliases'))),
      countries,
      source,
      program: cell(fields, 'program') || null,
      listedAt,
      sourceUrl: url || null,
      identifiers,
      // Only a list that says: an entry without is not known to be about any.
      ...(topicWords.length > 0 ? { topics: storedTopics(topicWords.filter(isTopic)) } : {}),
      format: 'tiersight',
      line,
    });
  }
  return { entries, problems };
}
