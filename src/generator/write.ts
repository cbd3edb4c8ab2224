// Streams a synthetic graph to a file as one `tiersight/v1` JSON object through the shared writer
// (src/export/tiersight-writer.ts): memory stays flat however large the graph, and the file appears
// under its name only once it is complete.
import { TiersightWriter } from '../export/tiersight-writer.ts';
import { buildGraph, type GenerateOptions } from './build.ts';
import {
  linkRecords,
  organizationRecords,
  riskRecords,
  disclosureRecords,
  sectionCounts,
  SECTION_ORDER,
  shareRecords,
} from './generate.ts';

export interface GraphStats {
  organizations: number;
  links: number;
  shares: number;
  risks: number;
  disclosures: number;
  bytes: number;
}

interface WriteGraphOptions extends GenerateOptions {
  out: string;
  /** Called after each chunk is handed to the file (and once at the end) with records written so far. */
  onProgress?: (done: number, total: number) => void;
}

export async function writeGraphFile(options: WriteGraphOptions): Promise<GraphStats> {
  // Open the file first, so a bad path fails before the graph is built.
  let total = 0;
  const writer = await TiersightWriter.toFile(options.out, {
    onFlush: (records) => options.onProgress?.(records, total),
  });
  try {
    const graph = buildGraph(options);
    const counts = sectionCounts(graph);
    total = Object.values(counts).reduce((a, b) => a + b, 0);
    const sections = {
      organizations: organizationRecords(graph),
      links: linkRecords(graph),
      shares: shareRecords(graph),
      risks: riskRecords(graph),
      disclosures: disclosureRecords(graph),
    };
    for (const section of SECTION_ORDER) {
      writer.startSection(section);
      await writer.write(sections[section]);
    }
    await writer.end();
    return { ...counts, bytes: writer.bytes };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
