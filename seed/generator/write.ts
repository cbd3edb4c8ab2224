// Streams a synthetic graph to a file as one `tiersight/v1` JSON object, one record per line. Records
// are serialized into ~1 MB chunks and written with backpressure, so memory stays flat however large
// the graph; the file appears under its name only once it is complete (written to a temporary name,
// then renamed).
import { once } from 'node:events';
import { open, rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { FORMAT_V1 } from '../../src/domain/format.ts';
import { buildGraph, type GenerateOptions } from './build.ts';
import {
  linkRecords,
  organizationRecords,
  riskRecords,
  sectionCounts,
  SECTION_ORDER,
  shareRecords,
} from './generate.ts';

export interface GraphStats {
  organizations: number;
  links: number;
  shares: number;
  risks: number;
  bytes: number;
}

export interface WriteGraphOptions extends GenerateOptions {
  out: string;
  /** Called after each chunk is handed to the file (and once at the end) with records written so far. */
  onProgress?: (done: number, total: number) => void;
}

const CHUNK_CHARS = 1 << 20;

export async function writeGraphFile(options: WriteGraphOptions): Promise<GraphStats> {
  // Open the file first, so a bad path fails before the graph is built.
  const temporary = `${options.out}.${process.pid}.partial`;
  const handle = await open(temporary, 'w');
  const stream = handle.createWriteStream({ highWaterMark: CHUNK_CHARS });
  let failure: unknown = null;
  stream.on('error', (error) => {
    failure ??= error;
  });

  let bytes = 0;
  let done = 0;
  let parts: string[] = [];
  let chars = 0;
  /** Queues text; true when a chunk is full and should be flushed. */
  const append = (text: string): boolean => {
    parts.push(text);
    chars += text.length;
    return chars >= CHUNK_CHARS;
  };

  try {
    const graph = buildGraph(options);
    const counts = sectionCounts(graph);
    const total = counts.organizations + counts.links + counts.shares + counts.risks;
    const sections = {
      organizations: organizationRecords(graph),
      links: linkRecords(graph),
      shares: shareRecords(graph),
      risks: riskRecords(graph),
    };
    const flush = async () => {
      if (failure) throw failure;
      if (parts.length === 0) return;
      const text = parts.join('');
      parts = [];
      chars = 0;
      bytes += Buffer.byteLength(text);
      if (!stream.write(text)) await once(stream, 'drain');
      options.onProgress?.(done, total);
    };
    append(`{"format":${JSON.stringify(FORMAT_V1)}`);
    for (const section of SECTION_ORDER) {
      append(`,\n${JSON.stringify(section)}:[`);
      let first = true;
      for (const record of sections[section]) {
        const full = append((first ? '\n' : ',\n') + JSON.stringify(record));
        first = false;
        done++;
        if (full) await flush();
      }
      append(first ? ']' : '\n]');
    }
    append('}\n');
    await flush();
    stream.end();
    await finished(stream);
    if (failure) throw failure;
    await rename(temporary, options.out);
    return { ...counts, bytes };
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
