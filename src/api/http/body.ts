// The one way this server reads a request body. A body over the limit is answered 413 rather than
// cut off: the reader keeps draining (and discarding) what the client still sends, so the client can
// finish writing and read the answer instead of seeing a reset connection. Draining is bounded too: a
// client that keeps sending far past the limit is disconnected.
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

export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    if (declared > limit * DRAIN_FACTOR) {
      request.destroy();
      return reject(new BodyTooLarge(limit));
    }
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) request.destroy();
    });
    request.on('end', () =>
      size > limit ? reject(new BodyTooLarge(limit)) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(size > limit ? new BodyTooLarge(limit) : new ClientAborted());
    });
  });
}

/** True for `application/json` with or without parameters (charset), whatever the case. */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
