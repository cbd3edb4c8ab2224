// `tiersight export-chain`: one viewer's supply chain as GraphML, GEXF, CSV or JSON, or a UNTP facility
// record of one organization it may look up (docs/exports.md).
import { rename, rm, writeFile } from 'node:fs/promises';
import { DomainError } from '../../domain/errors.ts';
import { parseInstant } from '../../domain/instants.ts';
import { MAX_DEPTH } from '../../domain/viewer-scope.ts';
import { readChainExport } from '../../export/chain-export.ts';
import { readFacilityRecord } from '../../export/chain-facility-record.ts';
import {
  CHAIN_FORMATS,
  chainFormat,
  writeChain,
  type ChainFormat,
  type ExportFile,
} from '../../export/chain-formats.ts';
import { CSV_COMMAS, type CsvFormat } from '../../domain/spreadsheet-text.ts';
import { viewerReads } from '../../export/chain-reads.ts';
import { assertNoImport, ImportUnfinishedError } from '../../export/export-graph.ts';
import { ImportRunRepository } from '../../import/import-run-repository.ts';
import { parseCommandArgs, parseWholeNumber } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';
import { writeFailure } from '../write-errors.ts';
import { quote } from '../../domain/quote.ts';

const HELP = `Usage: tiersight export-chain --org ID --format ${CHAIN_FORMATS.join('|')} [--root R] [--max-depth N] [--as-of T] [--product P] [--csv-separator S] [--decimal-mark M] [--out FILE]
       tiersight export-chain --org ID --facility X [--as-of T] [--out FILE]

Writes the supply chain of R (default: ID) exactly as organization ID may query it in NEO4J_URI (or
the bundled Neo4j when it is unset): the organizations it reaches, with tier, type, country, location,
provenance and risk indicators, and the links disclosed to it, with products, dates and provenance.
Formats: graphml (yEd, Gephi, Cytoscape), gexf (Gephi), csv (spreadsheets: one row per organization
and per link), json (scripts). A root that ID may not use answers exactly like one that does not exist.
With --facility, writes instead a UNTP Digital Facility Record (JSON-LD) of organization X, which ID
must be allowed to look up. See docs/exports.md.

Options:
  --org ID         the viewer: whose view to export (required)
  --format F       ${CHAIN_FORMATS.join(', ')}
  --root R         whose suppliers to walk: ID, one of its roots, or anything reachable from them
  --max-depth N    tiers to walk, 1..${MAX_DEPTH} (default ${MAX_DEPTH})
  --as-of T        the instant to export the chain (or the facility record) at (ISO 8601 date or
                   date-time; default now)
  --product P      only walk links whose products include P (exact match; composed and
                   decomposed letters alike)
  --csv-separator S with --format csv: comma (default, RFC 4180) or semicolon, for a spreadsheet
                   whose list separator is ';' (Excel in Swedish, Norwegian, German…)
  --decimal-mark M with --format csv: point (default) or comma, in latitude and longitude
  --facility X     write the UNTP facility record of X instead of a chain
  --out FILE       where to write (the file appears only once complete); '-' or none: standard output`;

const usage = (message: string) => new CliError(`export-chain: ${message}\n\n${HELP}`, 2);

const SEPARATORS = new Map<string, CsvFormat['separator']>([
  ['comma', ','],
  ['semicolon', ';'],
]);
const DECIMAL_MARKS = new Map<string, CsvFormat['decimal']>([
  ['point', '.'],
  ['comma', ','],
]);

/** The CSV dialect --csv-separator and --decimal-mark ask for (chainExport's `csv`). */
function csvFormatOf(
  format: ChainFormat | null,
  separator: string | undefined,
  mark: string | undefined,
): CsvFormat {
  if (separator === undefined && mark === undefined) return CSV_COMMAS;
  if (format !== 'csv') {
    const given = [
      ...(separator === undefined ? [] : [`--csv-separator ${quote(separator)}`]),
      ...(mark === undefined ? [] : [`--decimal-mark ${quote(mark)}`]),
    ];
    throw usage(
      `${given.join(' and ')}: only --format csv has a separator or decimal mark, got --format ${quote(format)}`,
    );
  }
  const word = <T>(
    option: string,
    words: ReadonlyMap<string, T>,
    value: string | undefined,
    fallback: T,
  ): T => {
    if (value === undefined) return fallback;
    const found = words.get(value.trim().toLowerCase());
    if (found === undefined)
      throw usage(`unknown --${option} ${quote(value)}; use ${[...words.keys()].join(' or ')}`);
    return found;
  };
  const dialect: CsvFormat = {
    separator: word('csv-separator', SEPARATORS, separator, CSV_COMMAS.separator),
    decimal: word('decimal-mark', DECIMAL_MARKS, mark, CSV_COMMAS.decimal),
  };
  if (dialect.separator === dialect.decimal)
    throw usage('--decimal-mark comma needs --csv-separator semicolon, since commas separate the fields');
  return dialect;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(
    'export-chain',
    args,
    {
      org: { type: 'string' },
      format: { type: 'string' },
      root: { type: 'string' },
      'max-depth': { type: 'string' },
      'as-of': { type: 'string' },
      product: { type: 'string' },
      'csv-separator': { type: 'string' },
      'decimal-mark': { type: 'string' },
      facility: { type: 'string' },
      out: { type: 'string' },
    },
    HELP,
  );
  const viewerId = values.org?.trim();
  if (viewerId === undefined || viewerId === '') throw usage('--org names the viewer and is required');
  const out = values.out ?? '-';
  if (out.trim() === '') throw usage("--out must name a file or '-'");
  const maxDepth = parseWholeNumber('export-chain', '--max-depth', values['max-depth'], 1, MAX_DEPTH);
  const asOf = values['as-of'];
  if (asOf !== undefined && parseInstant(asOf) === null) {
    throw usage(`--as-of must be an ISO 8601 date or date-time, got ${quote(asOf)}`);
  }
  const facility = values.facility;
  let format = null;
  if (facility !== undefined) {
    const chainOnly = (
      ['format', 'root', 'max-depth', 'product', 'csv-separator', 'decimal-mark'] as const
    ).filter((o) => values[o] !== undefined);
    if (chainOnly.length > 0) throw usage(`--facility writes one record; drop --${chainOnly.join(', --')}`);
  } else {
    if (values.format === undefined) throw usage(`--format is required: ${CHAIN_FORMATS.join(', ')}`);
    format = chainFormat(values.format);
    if (format === null)
      throw usage(`unknown --format ${quote(values.format)}; use ${CHAIN_FORMATS.join(', ')}`);
  }
  const csv = csvFormatOf(format, values['csv-separator'], values['decimal-mark']);

  const file = await withDatabase(async ({ executor }) => {
    try {
      await assertNoImport(new ImportRunRepository(executor), 'before');
    } catch (error) {
      if (error instanceof ImportUnfinishedError) throw new CliError(`export-chain: ${error.message}.`);
      throw error;
    }
    // One instant for the reads and for what the export derives at it (overdue actions, expired evidence).
    const now = new Date();
    const reads = viewerReads(executor, viewerId, now);
    if ((await reads.loaders.byId.load(viewerId)) === null) {
      throw new CliError(`export-chain: --org ${quote(viewerId)}: no such organization`, 2);
    }
    if (format === null) {
      const record = await readFacilityRecord(
        reads,
        facility ?? '',
        asOf === undefined ? null : parseInstant(asOf),
        now,
      );
      if (record === null) {
        throw new CliError(
          `export-chain: --facility ${quote(facility)}: no organization ${quote(viewerId)} may look up` +
            (asOf === undefined ? '' : ` at ${asOf}`),
          2,
        );
      }
      return record;
    }
    try {
      return writeChain(
        await readChainExport(reads, { rootId: values.root, maxDepth, asOf, product: values.product }, now),
        format,
        csv,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        throw new CliError(
          `export-chain: --root ${quote(values.root)}: no root ${quote(viewerId)} may use`,
          2,
        );
      }
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') {
        throw new CliError(`export-chain: ${error.message}`, 2);
      }
      throw error;
    }
  }, 'require');
  await deliver(file, out);
}

async function deliver(file: ExportFile, out: string): Promise<void> {
  if (out === '-') {
    process.stdout.write(file.content);
    return;
  }
  const temporary = `${out}.${process.pid}.partial`;
  try {
    await writeFile(temporary, file.content);
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeFailure('export-chain', out, error) ?? error;
  }
  console.error(
    `Wrote ${file.filename.split('.').pop()} to ${out} (${Buffer.byteLength(file.content).toLocaleString('en')} bytes).`,
  );
}
