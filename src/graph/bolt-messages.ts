// A Bolt message bigger than one chunk (64 kB), or split by the socket's reads, reaches neo4j-driver
// 6.3's unpacker as a CombinedBuffer: each byte read walks its list of parts from the start, and each
// string is decoded by a new StringDecoder fed by a reduce over every part. A risk assessment of 1,045
// organizations is one record of 200 kB in 7 parts; its unpacking took 15 ms of the API's CPU per
// answer, and 5 ms once the parts are joined into one buffer before the message is handed on, which
// costs one copy of the message and makes every read direct, as for a message of one part. (The
// driver's issue #1223, "about 4 times slower than the C# one", is open.) The driver has no public hook
// for this, so its Dechunker is wrapped here; the checks below fail at start-up, naming the driver's
// version, if an upgrade moves what is wrapped (driver-internals.ts).
import { driverPart, isObject } from './driver-internals.ts';

interface Chunk {
  _buffer: Buffer;
}

interface DechunkerState {
  _currentMessage: Chunk[];
}

type OnHeader = (this: DechunkerState, header: number) => unknown;

const dechunker = driverPart('lib/channel/chunking.js', (module) => {
  if (!isObject(module) || typeof module['Dechunker'] !== 'function') return null;
  const prototype: unknown = module['Dechunker'].prototype;
  return isObject(prototype) && typeof prototype['_onHeader'] === 'function'
    ? (prototype as { _onHeader: OnHeader })
    : null;
});

const ChannelBuffer = driverPart('lib/channel/channel-buf.js', (module) =>
  isObject(module) && typeof module['default'] === 'function'
    ? (module['default'] as new (buffer: Buffer) => Chunk)
    : null,
);

const onHeader = dechunker._onHeader;

/** A header of 0 ends a message: a message of several chunks is joined into one buffer first. */
dechunker._onHeader = function (this: DechunkerState, header: number) {
  if (header === 0 && this._currentMessage.length > 1) {
    this._currentMessage = [new ChannelBuffer(Buffer.concat(this._currentMessage.map((c) => c._buffer)))];
  }
  return onHeader.call(this, header);
};
