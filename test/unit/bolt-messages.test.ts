// The driver's Dechunker, as wrapped by src/graph/bolt-messages.ts: a message of several chunks comes
// out as one buffer (read directly, as a one-chunk message is), split wherever the socket split it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import '../../src/graph/bolt-messages.ts';

const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
const { Dechunker } = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking.js') as {
  Dechunker: new () => { onmessage: (message: unknown) => void; write(buffer: unknown): void };
};
const { default: ChannelBuffer } = fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf.js') as {
  default: new (buffer: Buffer) => unknown;
};

/** `parts` as Bolt chunks (a two-byte size each), then the end-of-message marker. */
const chunked = (parts: string[]) =>
  Buffer.concat([
    ...parts.flatMap((part) => {
      const bytes = Buffer.from(part);
      const size = Buffer.alloc(2);
      size.writeUInt16BE(bytes.length);
      return [size, bytes];
    }),
    Buffer.alloc(2),
  ]);

function messagesOf(wire: Buffer, readSizes: number[]): { buffers: unknown; bytes: string }[] {
  const dechunker = new Dechunker();
  const messages: { buffers: unknown; bytes: string }[] = [];
  dechunker.onmessage = (message) => {
    const { _buffer, _buffers } = message as { _buffer?: Buffer; _buffers?: unknown };
    messages.push({ buffers: _buffers, bytes: _buffer?.toString() ?? '' });
  };
  let at = 0;
  for (const size of [...readSizes, wire.length]) {
    if (at >= wire.length) break;
    dechunker.write(new ChannelBuffer(wire.subarray(at, at + size)));
    at += size;
  }
  return messages;
}

describe('the wrapped Dechunker', () => {
  it('hands on a message of several chunks as one buffer', () => {
    const wire = Buffer.concat([chunked(['göteborg ', 'plant ', '7']), chunked(['one chunk'])]);
    for (const reads of [[], [1], [3, 1, 5], [11, 2, 2, 2]])
      expect(messagesOf(wire, reads)).toEqual([
        { buffers: undefined, bytes: 'göteborg plant 7' },
        { buffers: undefined, bytes: 'one chunk' },
      ]);
  });
});
