// Which reader a watch-list file needs: the format given (`--format`), or the one its content shows.
import { readCslDelimited, readCslJson } from './readers/csl.ts';
import { readFtm } from './readers/ftm.ts';
import { readOpenSanctionsCsv } from './readers/opensanctions-csv.ts';
import { parseWatchList } from './readers/tiersight-csv.ts';
import { readUflpaHtml } from './readers/uflpa-html.ts';
import { isObject } from './readers/json-values.ts';
import { unstorableTexts } from './storable-entry.ts';
import type { ReadList, WatchListFormat } from './watch-list-entry.ts';

const firstLine = (text: string) => (/^[^\r\n]*/.exec(text)?.[0] ?? '').toLowerCase();

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The format a list's content shows, or null when it is none Tiersight reads. */
export function detectFormat(content: string): WatchListFormat | null {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'uflpa-html';
  if (text.startsWith('{') || text.startsWith('[')) {
    const first = parseJson(firstLine(text));
    if (isObject(first) && 'schema' in first && 'properties' in first) return 'ftm';
    return 'csl';
  }
  const header = firstLine(text);
  // Quotes around a name too: a tool that quotes every cell (R's write.csv, pandas' QUOTE_ALL) quotes
  // the header as well, and its readers (csv-parse) take them off.
  const columns = header.split(header.includes('\t') ? '\t' : ',').map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  const has = (...names: string[]) => names.every((n) => columns.includes(n));
  if (has('source', 'name') && (has('_id') || has('alt_names'))) return 'csl';
  if (has('id', 'schema', 'name', 'aliases', 'dataset')) return 'opensanctions-csv';
  if (has('name', 'aliases', 'effective_date')) return 'tiersight';
  return null;
}

interface ReadOptions {
  /** The format, instead of detecting it. */
  format?: WatchListFormat;
  /** The source of every entry, instead of the list's own. */
  source?: string;
}

/** Reads a watch list in any supported format into entries, or every problem found. */
export function readWatchList(
  content: string,
  options: ReadOptions = {},
): ReadList & { format: WatchListFormat | null } {
  const format = options.format ?? detectFormat(content);
  const label = options.source?.trim() || undefined;
  let read: ReadList;
  switch (format) {
    case null:
      return {
        format,
        entries: [],
        problems: [
          'the list is in no format Tiersight recognizes (CSL JSON/CSV/TSV, OpenSanctions entities.ftm.json or ' +
            'targets.simple.csv, the UFLPA Entity List page, Tiersight CSV); name it with --format',
        ],
      };
    case 'tiersight':
      read = parseWatchList(content, label);
      break;
    case 'csl': {
      const text = content.replace(/^\uFEFF/, '').trimStart();
      if (text.startsWith('{') || text.startsWith('[')) {
        const value = parseJson(text);
        read =
          value === undefined
            ? { entries: [], problems: ['the CSL JSON file is not valid JSON'] }
            : readCslJson(value);
      } else read = readCslDelimited(content, firstLine(text).includes('\t') ? '\t' : ',');
      break;
    }
    case 'ftm':
      read = readFtm(content);
      break;
    case 'opensanctions-csv':
      read = readOpenSanctionsCsv(content);
      break;
    case 'uflpa-html':
      read = readUflpaHtml(content);
      break;
  }
  const entries = label ? read.entries.map((entry) => ({ ...entry, source: label })) : read.entries;
  return { format, entries, problems: [...read.problems, ...unstorableTexts(entries)] };
}
