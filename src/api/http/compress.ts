// Big answers travel compressed when the client accepts it: a chain of 10,000 organizations is
// megabytes of JSON that compresses ~10:1, which matters more to a dashboard on a slow link than the
// few milliseconds of CPU it costs. Small answers go as they are (compressing them costs more than it
// saves). Both run at their fast end, measured on a chain of 11,580 organizations (3.8 MB of JSON):
// brotli at quality 1 takes 9-12 ms for 461 kB where quality 4 took 81 ms for 420 kB, and gzip at
// level 2 12 ms for 492 kB where level 4 took 21 ms for 442 kB (level 1, 16 ms, is no faster); on a
// risk assessment of 1,045 organizations (1.9 MB) gzip 2 takes 3.1 ms where 4 took 6.9. Gzip is what
// scripts get (Node's fetch and Python's requests ask for gzip and deflate, not brotli), so its speed
// is part of their answer time; both encoders' top levels are meant for static files.
// A body of up to 512 KiB is compressed on the event loop: the thread pool's round trips cost more
// CPU than they free the loop for. Gzip of 228 kB (a chain of 1,000 organizations) takes 1.1 ms in
// place and 1.9 ms through the pool, and the API's CPU per such request fell ~1-1.7 ms (5-9 %) with it
// in place (A/B, December 2026); a small answer's hand-over alone cost ~170-230 µs where compressing
// it takes 20-140 µs. Bigger bodies (several ms of work) go to the pool, which keeps the loop free for
// the other requests while it works.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  constants,
  gzip,
  gzipSync,
  type BrotliOptions,
  type ZlibOptions,
} from 'node:zlib';
import Negotiator from 'negotiator';

/** Bodies shorter than this are sent uncompressed. */
export const MIN_COMPRESSED_BYTES = 1_024;

/** Bodies up to this size are compressed on the event loop, bigger ones in the thread pool. */
export const MAX_INLINE_COMPRESSED_BYTES = 524_288;

const brotliOptions = (body: Buffer): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 1,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
  },
});
const GZIP_OPTIONS: ZlibOptions = { level: 2 };

/** An encoder that compresses a small body in place and a big one in the thread pool. */
const encoder =
  <O>(
    inPlace: (body: Buffer, options: O) => Buffer,
    inPool: (body: Buffer, options: O) => Promise<Buffer>,
    options: (body: Buffer) => O,
  ) =>
  async (body: Buffer): Promise<Buffer> =>
    body.length <= MAX_INLINE_COMPRESSED_BYTES ? inPlace(body, options(body)) : inPool(body, options(body));

const ENCODERS = {
  br: encoder(brotliCompressSync, promisify(brotliCompress), brotliOptions),
  gzip: encoder(gzipSync, promisify(gzip), () => GZIP_OPTIONS),
} as const;

type Encoding = keyof typeof ENCODERS;
const isEncoding = (name: string | undefined): name is Encoding => name === 'br' || name === 'gzip';

const AVAILABLE = ['br', 'gzip', 'identity'] as const;

/**
 * The encoding to answer `request` with, by its Accept-Encoding (q-values honoured; among encodings
 * it likes equally, brotli first: it is smaller), or null for none.
 */
function chooseEncoding(request: IncomingMessage): Encoding | null {
  const chosen = new Negotiator(request).encoding(AVAILABLE, { preferred: AVAILABLE });
  return isEncoding(chosen) ? chosen : null;
}

/** Ends `response` with `body`, compressed when it is big enough and the client accepts it. */
export async function endWithBody(request: IncomingMessage, response: ServerResponse, body: string) {
  response.setHeader('vary', 'accept-encoding');
  const bytes = Buffer.from(body, 'utf8');
  const encoding = bytes.length >= MIN_COMPRESSED_BYTES ? chooseEncoding(request) : null;
  if (encoding === null || request.method === 'HEAD') return response.end(bytes);
  const compressed = await ENCODERS[encoding](bytes);
  response.setHeader('content-encoding', encoding);
  response.setHeader('content-length', compressed.length);
  response.end(compressed);
}
