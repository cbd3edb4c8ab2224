// The chain as a file for other tools (GraphML, GEXF, CSV, JSON), written by the server's chainExport
// for the signed-in viewer (docs/exports.md): it applies the root, depth, as-of and product of the
// page, and holds exactly what the viewer may query. The type, country and search filters only
// change what the page draws, so they do not narrow the file.
import { graphql } from './api.ts';
import { h } from './dom.ts';
import { isolate } from './bidi.ts';
import { csvFile, download } from './export.ts';
import type { CsvFormat, Query } from './model.ts';

const CHAIN_EXPORT_FORMATS = [
  ['GRAPHML', 'GraphML (yEd, Gephi)'],
  ['GEXF', 'GEXF (Gephi)'],
  ['CSV', 'CSV, organizations and links'],
  ['JSON', 'JSON'],
] as const;
export type ChainExportFormat = (typeof CHAIN_EXPORT_FORMATS)[number][0];

export interface ExportFile {
  filename: string;
  mediaType: string;
  content: string;
}

/** chainExport's `csv` for a spreadsheet that reads `format`. */
export const csvDialect = (format: CsvFormat) => ({
  separator: format.separator === ';' ? 'SEMICOLON' : 'COMMA',
  decimalMark: format.decimal === ',' ? 'COMMA' : 'POINT',
});

/**
 * The chainExport query for the page's root, depth, as-of and product. `csv`: the dialect the user's
 * spreadsheet reads (csvFormatFor), as the page's own CSV files are written (a Swedish Excel opens a
 * comma-separated file as one column); null where the server has no `csv` (then RFC 4180, the API's
 * default). It is named only for a CSV file the server can write so: a server from before it (a pod
 * not yet upgraded) refuses any query that names CsvDialect, which would fail every format's export.
 */
export function chainExportOperation(format: ChainExportFormat, q: Query, csv: CsvFormat | null) {
  const dialect = format === 'CSV' && csv !== null ? csvDialect(csv) : null;
  const [declared, passed] = dialect === null ? ['', ''] : [', $csv: CsvDialect', ', csv: $csv'];
  const product = q.product.trim();
  return {
    query: `query DashboardChainExport($format: ChainExportFormat!, $rootId: ID, $maxDepth: Int, $asOf: DateTime, $product: String${declared}) {
  chainExport(format: $format, rootId: $rootId, maxDepth: $maxDepth, asOf: $asOf, product: $product${passed}) {
    filename mediaType content
  }
}`,
    variables: {
      format,
      rootId: q.rootId,
      maxDepth: q.maxDepth,
      asOf: q.asOf === '' ? null : q.asOf,
      product: product === '' ? null : product,
      ...(dialect === null ? {} : { csv: dialect }),
    },
  };
}

export async function chainExport(
  format: ChainExportFormat,
  q: Query,
  token: string,
  csv: CsvFormat | null,
): Promise<ExportFile> {
  const { query, variables } = chainExportOperation(format, q, csv);
  return (await graphql<{ chainExport: ExportFile }>(query, variables, token)).chainExport;
}

/**
 * What the page saves of the server's file. A CSV gets the byte order mark Excel on Windows needs to
 * read UTF-8 ("Sykehusinnkjøp", "Dongguan 东莞"), as the page's own CSV files do; the API's `content`
 * has none, so that scripts reading it find `record` as the first column (docs/exports.md).
 */
export const exportedBlob = (file: ExportFile): Blob =>
  file.mediaType.startsWith('text/csv')
    ? csvFile(file.content)
    : new Blob([file.content], { type: file.mediaType });

const isFormat = (value: string): value is ChainExportFormat =>
  CHAIN_EXPORT_FORMATS.some(([f]) => f === value);

/** A format picker and its button; `report` shows what happened in the page's status line. */
export function chainExportControls(
  query: () => Query,
  token: string,
  report: (message: string) => void,
  /** The dialect of the user's spreadsheet, or null where the server cannot write another than RFC 4180's. */
  csvFormat: () => CsvFormat | null,
): HTMLElement {
  const select = h(
    'select',
    { id: 'export-format', 'aria-label': 'File format' },
    ...CHAIN_EXPORT_FORMATS.map(([value, label]) => h('option', { value }, label)),
  );
  const button = h('button', { type: 'button', id: 'export-file' }, 'Export file');
  button.addEventListener('click', () => {
    const format = select.value;
    if (!isFormat(format)) return;
    button.disabled = true;
    report('Exporting…');
    chainExport(format, query(), token, csvFormat())
      .then((file) => {
        download(file.filename, exportedBlob(file));
        report(`Exported ${isolate(file.filename)}.`);
      })
      .catch((error: unknown) =>
        report(`Export failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        button.disabled = false;
      });
  });
  return h('span', { class: 'export-file' }, select, button);
}
