// Comma- and tab-separated lists with a header (the CSL's CSV and TSV, OpenSanctions' targets.simple.csv),
// read by csv-parse: these files come from the publishers' exporters, so a well-kept general parser is
// the right tool (Tiersight's own CSV keeps its line-exact reader, csv.ts, for hand-made files).
import { CsvError, parse } from 'csv-parse/sync';

interface DelimitedRow {
  /** Cells by lower-case column name; a missing cell is ''. */
  cell: (column: string) => string;
  /** The row's number in the file, the header being row 1. */
  row: number;
}

interface Delimited {
  columns: string[];
  rows: DelimitedRow[];
  problems: string[];
}

/** The header and rows of a delimited file; a malformed file gives one problem and no rows. */
export function readDelimited(text: string, delimiter: ',' | '\t'): Delimited {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      // TSV exports do not quote: a stray quote is text.
      quote: delimiter === '\t' ? false : '"',
    });
  } catch (error) {
    if (error instanceof CsvError) return { columns: [], rows: [], problems: [error.message] };
    throw error;
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((c) => c.trim().toLowerCase());
  const position = new Map(columns.map((c, i) => [c, i]));
  const rows = body.map((fields, i) => ({
    cell: (column: string) => {
      const at = position.get(column);
      return at === undefined ? '' : (fields[at] ?? '').trim();
    },
    row: i + 2,
  }));
  return { columns, rows, problems: [] };
}

/** `text` split at `;`, each part trimmed, empty parts dropped. */
export const semicolonList = (text: string): string[] =>
  text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
