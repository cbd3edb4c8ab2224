// The chain export formats by name, with the media type and file extension each is served with.
import { exportFilename } from '../domain/export-filename.ts';
import { CSV_COMMAS, type CsvFormat } from '../domain/spreadsheet-text.ts';
import { chainToCsv } from './chain-csv.ts';
import type { ChainExport } from './chain-export.ts';
import { chainToGexf } from './chain-gexf.ts';
import { chainToGraphml } from './chain-graphml.ts';
import { chainToJson } from './chain-json.ts';

export const CHAIN_FORMATS = ['graphml', 'gexf', 'csv', 'json'] as const;
export type ChainFormat = (typeof CHAIN_FORMATS)[number];

interface FormatWriter {
  mediaType: string;
  /** `csv`: the CSV writer's dialect; the other formats have none. */
  write: (chain: ChainExport, csv: CsvFormat) => string;
}

const WRITERS: Record<ChainFormat, FormatWriter> = {
  graphml: { mediaType: 'application/graphml+xml', write: chainToGraphml },
  gexf: { mediaType: 'application/gexf+xml', write: chainToGexf },
  csv: { mediaType: 'text/csv; charset=utf-8', write: chainToCsv },
  json: { mediaType: 'application/json', write: chainToJson },
};

/** A written export: what a download needs. */
export interface ExportFile {
  filename: string;
  mediaType: string;
  content: string;
}

/** The format named `value` (any case, trimmed), or null. */
export function chainFormat(value: string): ChainFormat | null {
  const name = value.trim().toLowerCase();
  return CHAIN_FORMATS.find((f) => f === name) ?? null;
}

export function writeChain(chain: ChainExport, format: ChainFormat, csv: CsvFormat = CSV_COMMAS): ExportFile {
  const { mediaType, write } = WRITERS[format];
  return {
    filename: exportFilename(['chain', chain.rootId], chain.product, chain.asOf ?? chain.exportedAt, format),
    mediaType,
    content: write(chain, csv),
  };
}
