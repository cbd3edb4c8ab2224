// The one way this server reads a request body, and the one way it lets a body it will not read go
// by. A body over the limit is answered 413 rather than cut off: the reader keeps draining (and
// discarding) what the client still sends, so the client can finish writing and read the answer
// instead of seeing a reset connection. Draining is bounded too: a client that keeps sending far past
// the limit is disconnected.
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes.`);
    this.name = 'BodyTooLarge';
  }
}

/** The client went away before its body arrived: nobody is left to answer. */
export class ClientAborted extends Error {
  constructor() {
    super('The client closed the connection before sending its whole body.');
    this.name = 'ClientAborted';
  }
}

/** How far past the limit a client may keep sending before it is disconnected instead of answered. */
const DRAIN_FACTOR = 8;

/**
 * Lets the body flow, handing `keep` the chunks within the limit and disconnecting a client that sends
 * past DRAIN_FACTOR times it; returns the byte count so far.
 */
function meter(request: IncomingMessage, limit: number, keep: (chunk: Buffer) => void): () => number {
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) keep(chunk);
    else if (size > limit * DRAIN_FACTOR) request.destroy();
  });
  return () => size;
}

export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    if (declared > limit * DRAIN_FACTOR) {
      request.destroy();
      return reject(new BodyTooLarge(limit));
    }
    const size = meter(request, limit, (chunk) => chunks.push(chunk));
    request.on('end', () =>
      size() > limit ? reject(new BodyTooLarge(limit)) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(size() > limit ? new BodyTooLarge(limit) : new ClientAborted());
    });
  });
}

/**
 * For a request refused on its headers alone: its body is neither kept nor parsed, only let through, so
 * that the answer goes out at once and a kept-alive connection serves the next request once the body
 * has passed. A client that keeps sending far past the limit is disconnected, as by readBody.
 */
export function discardBody(request: IncomingMessage, limit: number): void {
  meter(request, limit, () => {});
}

/** True for `application/json` with or without parameters (charset), whatever the case. */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
