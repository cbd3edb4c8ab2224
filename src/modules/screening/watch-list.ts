// Reading a watch list: the CSV columns name, aliases, effective_date, source (and an optional url) into
// entries, every bad row reported with its line number (docs/screening.md, "The list file").
import { parseInstant } from '../../domain/instants.ts';
import { parseCsv } from './csv.ts';

export interface WatchListEntry {
  /** The entry's name as the list writes it. */
  name: string;
  aliases: string[];
  /** ISO 8601 date (or zoned date-time) the entry took effect, or null when the list gives none. */
  effectiveDate: string | null;
  /** The list and its publisher, stored as the indicator's source. */
  source: string;
  /** An http(s) link to the entry or the list (optional `url` column), or null. */
  url: string | null;
  /** Line of the CSV file where the entry starts. */
  line: number;
}

export const WATCH_LIST_COLUMNS = ['name', 'aliases', 'effective_date', 'source'] as const;

/**
 * Reads a watch list in CSV with the columns name, aliases, effective_date, source (any order, any case;
 * an optional `url` column and other columns are allowed). `aliases` are separated by `;`. Every bad row
 * is reported with its line number. `sourceLabel`, when given, replaces the source of every entry.
 */
export function parseWatchList(
  csvText: string,
  sourceLabel?: string,
): { entries: WatchListEntry[]; problems: string[] } {
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
      problems.push(`line ${header.line}: column '${column}' appears twice`);
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

  for (const { fields, line } of rows) {
    const rowProblems: string[] = [];
    if (fields.length !== columns.length) {
      rowProblems.push(`has ${fields.length} field(s), the header has ${columns.length}`);
    }
    const name = cell(fields, 'name');
    if (name === '' || !/[\p{L}\p{N}]/u.test(name)) rowProblems.push('name is empty');
    const date = cell(fields, 'effective_date');
    if (date !== '' && parseInstant(date) === null) {
      rowProblems.push(`effective_date must be an ISO 8601 date (2020-07-22), got '${date}'`);
    }
    const source = label ?? cell(fields, 'source');
    if (source === '') rowProblems.push('source is empty (give it in the file or with --source)');
    const url = cell(fields, 'url');
    if (url !== '' && !/^https?:\/\/\S+$/.test(url))
      rowProblems.push(`url must be an http(s) URL, got '${url}'`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems.map((p) => `line ${line}: ${p}`));
      continue;
    }
    const aliases = [
      ...new Set(
        cell(fields, 'aliases')
          .split(';')
          .map((a) => a.trim())
          .filter((a) => a !== '' && a !== name),
      ),
    ];
    entries.push({ name, aliases, effectiveDate: date === '' ? null : date, source, url: url || null, line });
  }
  return { entries, problems };
}
