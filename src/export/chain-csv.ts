// CSV for spreadsheets (RFC 4180, CRLF, a header row): one table, an `organization` row per node and a
// `link` row per edge, so a single file opens anywhere; filter on `record` to split it. A text cell that
// a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, as the
// dashboard's CSV does (src/domain/spreadsheet-text.ts).
import { stringify } from 'csv-stringify/sync';
import { CSV_COMMAS, csvNumber, defusedFormula, type CsvFormat } from '../domain/spreadsheet-text.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeValue } from './chain-attributes.ts';
import type { ChainExport } from './chain-export.ts';

const ENDS = ['supplier', 'customer'] as const;

/** The columns: record and id, every node attribute, the link's ends, then the link attributes not yet named. */
const CSV_COLUMNS: readonly string[] = [
  ...new Set([
    'record',
    'id',
    ...NODE_ATTRIBUTES.map((a) => a.name),
    ...ENDS,
    ...EDGE_ATTRIBUTES.map((a) => a.name),
  ]),
];

const cell = (value: AttributeValue): string | number =>
  value === null ? '' : typeof value === 'string' ? defusedFormula(value) : value;

/** `format`: RFC 4180's commas unless the caller's spreadsheet reads another (chainExport's `csv`). */
export function chainToCsv(chain: ChainExport, format: CsvFormat = CSV_COMMAS): string {
  const rows: Record<string, string | number>[] = [];
  for (const node of chain.nodes) {
    const row: Record<string, string | number> = { record: 'organization', id: cell(node.organization.id) };
    for (const a of NODE_ATTRIBUTES) row[a.name] = cell(a.of(node));
    rows.push(row);
  }
  for (const link of chain.links) {
    const row: Record<string, string | number> = {
      record: 'link',
      id: cell(link.id),
      supplier: cell(link.supplierId),
      customer: cell(link.customerId),
    };
    for (const a of EDGE_ATTRIBUTES) row[a.name] = cell(a.of(link));
    rows.push(row);
  }
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    // csv-stringify quotes a cell holding its record delimiter (CRLF), not one holding a lone LF or CR,
    // which every spreadsheet reads as the end of a row: a name "Acme\n=1+1" started a row of its own.
    quoted_match: /[\r\n]/,
    delimiter: format.separator,
    cast: { number: (value) => csvNumber(value, format) },
  });
}
