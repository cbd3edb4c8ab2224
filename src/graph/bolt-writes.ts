// neo4j-driver 6.3 writes each Bolt chunk of at most 1,400 bytes with a socket write of its own: a
// chain statement's RUN (its text is 6-15 kB) and its PULL went out as 5-12 writes, each a system
// call for the API and a read for Neo4j. A system call costs 90-250 µs of CPU on these machines
// (the API's CPU profile of a small chain's request: 0.44 ms of 1.7 in socket writes). Corking the
// socket for the rest of the tick in which the driver starts writing sends a request's messages with
// one write, the way Node's documentation suggests for a burst of small writes. The driver has no
// public hook for this, so its channel's write is wrapped here; the check below fails at start-up,
// naming the driver's version, if an upgrade moves what is wrapped.
import type { Socket } from 'node:net';
import { driverPart, isObject } from './driver-internals.ts';

interface Channel {
  _pending: unknown[] | null;
  _conn: Socket | undefined;
}

type Write = (this: Channel, buffer: unknown) => void;

const channel = driverPart('lib/channel/node/node-channel.js', (module) => {
  if (!isObject(module) || typeof module['default'] !== 'function') return null;
  const prototype: unknown = module['default'].prototype;
  return isObject(prototype) && typeof prototype['write'] === 'function'
    ? (prototype as { write: Write })
    : null;
});

const write = channel.write;

channel.write = function (this: Channel, buffer: unknown) {
  const socket = this._conn;
  // `_pending` holds writes until the socket connects; the driver sends them itself then.
  if (this._pending === null && socket !== undefined && socket.writableCorked === 0) {
    socket.cork();
    process.nextTick(() => socket.uncork());
  }
  write.call(this, buffer);
};
