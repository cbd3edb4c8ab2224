// Streams one `tiersight/v1` JSON object, one record per line, to a file or to an open stream
// (stdout). Records are serialized into ~1 MB chunks and written with backpressure, so memory stays
// flat however large the graph; a file appears under its name only once it is complete (written to a
// temporary name, then renamed). The generator and `tiersight export` both write through here.
import { once } from 'node:events';
import { open, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { FORMAT_V1 } from '../domain/format.ts';
import type { Section } from '../import/read-records.ts';

const CHUNK_CHARS = 1 << 20;

interface WriterOptions {
  /** Called after each chunk is handed to the output, with the records written so far. */
  onFlush?: (records: number) => void;
}

interface Output {
  stream: Writable;
  /** Makes the output whole once everything is written (ends and renames a file). */
  complete(): Promise<void>;
  /** Throws away what was written (removes a file's temporary copy). */
  discard(): Promise<void>;
}

export class TiersightWriter {
  /** Bytes handed to the output so far. */
  bytes = 0;
  /** Records serialized so far. */
  records = 0;
  private parts: string[] = [];
  private chars = 0;
  private section: Section | null = null;
  private firstInSection = true;
  private failure: unknown = null;

  private constructor(
    private readonly output: Output,
    private readonly options: WriterOptions,
  ) {
    output.stream.on('error', (error) => {
      this.failure ??= error;
    });
    this.append(`{"format":${JSON.stringify(FORMAT_V1)}`);
  }

  /** Writes to `path`, which is replaced only when `end()` succeeds. Fails here on a bad path. */
  static async toFile(path: string, options: WriterOptions = {}): Promise<TiersightWriter> {
    const temporary = `${path}.${process.pid}.partial`;
    const handle = await open(temporary, 'w');
    const stream = handle.createWriteStream({ highWaterMark: CHUNK_CHARS });
    return new TiersightWriter(
      {
        stream,
        async complete() {
          stream.end();
          await finished(stream);
          await rename(temporary, path);
        },
        async discard() {
          stream.destroy();
          await rm(temporary, { force: true });
        },
      },
      options,
    );
  }

  /** Writes to a stream the caller owns (stdout); it is flushed at the end but not closed. */
  static toStream(stream: Writable, options: WriterOptions = {}): TiersightWriter {
    const drained = () =>
      new Promise<void>((resolve, reject) =>
        stream.write('', (error) => (error ? reject(error) : resolve())),
      );
    return new TiersightWriter({ stream, complete: drained, discard: async () => {} }, options);
  }

  /** Opens the next section's array (closing the previous one). */
  startSection(section: Section): void {
    this.closeSection();
    this.append(`,\n${JSON.stringify(section)}:[`);
    this.section = section;
    this.firstInSection = true;
  }

  /** Appends records to the open section, waiting for the output whenever a chunk is full. */
  async write(records: Iterable<object>): Promise<void> {
    if (this.section === null) throw new Error('TiersightWriter.write called before startSection');
    for (const record of records) {
      const full = this.append((this.firstInSection ? '\n' : ',\n') + JSON.stringify(record));
      this.firstInSection = false;
      this.records++;
      if (full) await this.flush();
    }
  }

  /** Closes the document and the output; on failure the output is discarded. */
  async end(): Promise<void> {
    try {
      this.closeSection();
      this.append('}\n');
      await this.flush();
      await this.output.complete();
      if (this.failure) throw this.failure;
    } catch (error) {
      await this.output.discard();
      throw error;
    }
  }

  /** Gives up: a file output leaves nothing behind. */
  async abort(): Promise<void> {
    await this.output.discard();
  }

  private closeSection(): void {
    if (this.section !== null) this.append(this.firstInSection ? ']' : '\n]');
    this.section = null;
  }

  /** Queues text; true when a chunk is full and should be flushed. */
  private append(text: string): boolean {
    this.parts.push(text);
    this.chars += text.length;
    return this.chars >= CHUNK_CHARS;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    this.bytes += Buffer.byteLength(text);
    if (!this.output.stream.write(text)) await once(this.output.stream, 'drain');
    this.options.onFlush?.(this.records);
  }
}
