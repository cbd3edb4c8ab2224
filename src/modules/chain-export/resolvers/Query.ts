import type { ChainExportFormat, CsvDialect, QueryResolvers } from '../../../../resolvers/types.ts';
import { badInput } from '../../../domain/errors.ts';
import { CSV_COMMAS, type CsvFormat } from '../../../domain/spreadsheet-text.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import { readChainExport } from '../../../export/chain-export.ts';
import { readFacilityRecord } from '../../../export/chain-facility-record.ts';
import { writeChain, type ChainFormat } from '../../../export/chain-formats.ts';
import type { ChainExportContext } from '../context.ts';

const FORMATS: Record<ChainExportFormat, ChainFormat> = {
  GRAPHML: 'graphml',
  GEXF: 'gexf',
  CSV: 'csv',
  JSON: 'json',
};

/** The CSV dialect asked for; refused for the other formats, which have none to change. */
function csvFormat(format: ChainExportFormat, csv: CsvDialect | null | undefined): CsvFormat {
  if (csv === null || csv === undefined) return CSV_COMMAS;
  if (format !== 'CSV') throw badInput(`csv applies to format CSV only, got format ${format}`);
  const dialect: CsvFormat = {
    separator: csv.separator === 'SEMICOLON' ? ';' : ',',
    decimal: csv.decimalMark === 'COMMA' ? ',' : '.',
  };
  // Valid CSV (such numbers would be quoted), but no spreadsheet reads them as numbers.
  if (dialect.separator === dialect.decimal)
    throw badInput('csv: decimalMark COMMA needs separator SEMICOLON, since commas separate the fields');
  return dialect;
}

export const Query: QueryResolvers<ChainExportContext> = {
  chainExport: async (
    _parent,
    { format, csv, ...args },
    { viewer, instant, supplyChains, loaders, disclosureLoaders },
  ) => {
    const dialect = csvFormat(format, csv);
    const reads = { viewerId: viewer.organizationId, supplyChains, loaders, disclosureLoaders };
    return writeChain(await readChainExport(reads, args, instant), FORMATS[format], dialect);
  },
  facilityRecord: (_parent, { organizationId, asOf }, { viewer, instant, loaders, disclosureLoaders }) =>
    readFacilityRecord(
      { viewerId: viewer.organizationId, loaders, disclosureLoaders },
      organizationId,
      instantArgument('asOf', asOf),
      instant,
    ),
};
