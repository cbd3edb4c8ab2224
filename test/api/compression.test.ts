// Big GraphQL answers are compressed when the client accepts it (issue 11): the bytes on the wire
// decode to exactly the uncompressed answer; small answers and clients that accept nothing go plain.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { MAX_INLINE_COMPRESSED_BYTES, MIN_COMPRESSED_BYTES } from '../../src/api/http/compress.ts';
import { TEST_SECRET } from '../support/api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { captureLogger } from '../support/logs.ts';

let db: TestDatabase;
let app: App;
let authorization: string;

// Enough for five aliases of the chain to pass what is compressed on the event loop (512 KiB).
const SUPPLIERS = 2_000;
const BIG = JSON.stringify({
  query: '{ supplyChain(maxDepth: 1) { tiers { organizations { id name type } } } }',
});
// The same chain five times over (the most a query may ask): bigger than what is compressed on the
// event loop.
const HUGE = JSON.stringify({
  query: `{ ${Array.from({ length: 5 }, (_, i) => `c${i}: supplyChain(maxDepth: 1) { tiers { organizations { id name type country } } }`).join(' ')} }`,
});
const SMALL = JSON.stringify({ query: '{ me { roles } }' });

beforeAll(async () => {
  db = await openTestDatabase();
  let built = graph().org('v', 'PURCHASER');
  for (let i = 0; i < SUPPLIERS; i++) built = built.org(`s${i}`, 'RESELLER').link(`s${i}`, 'v');
  await loadGraph(db, built.build());
  app = await startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      environment: 'production',
      jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
    },
    executor: db.executor,
    logger: captureLogger().logger,
  });
  authorization = `Bearer ${await signToken({ sub: 'u', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600)}`;
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** A POST with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function post(
  body: string,
  acceptEncoding?: string,
): Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL('/graphql', app.url);
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization };
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('response compression', () => {
  it.each([
    ['on the event loop', BIG, MIN_COMPRESSED_BYTES, MAX_INLINE_COMPRESSED_BYTES],
    ['in the thread pool', HUGE, MAX_INLINE_COMPRESSED_BYTES + 1, Infinity],
  ])(
    'sends a big answer as brotli or gzip, whichever the client prefers, decoding to the plain answer (%s)',
    async (_where, body, least, most) => {
      const plain = await post(body);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.bytes.length).toBeGreaterThanOrEqual(least);
      expect(plain.bytes.length).toBeLessThanOrEqual(most);
      const answer = JSON.parse(plain.bytes.toString('utf8')) as { errors?: unknown };
      expect(answer.errors).toBeUndefined();

      const br = await post(body, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['vary']).toMatch(/accept-encoding/i);
      expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
      expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
      expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));

      const gz = await post(body, 'br;q=0.5, gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    },
  );

  it('sends small answers, and answers to clients that accept no encoding we have, plain', async () => {
    const small = await post(SMALL, 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.bytes.toString('utf8'))).toEqual({ data: { me: { roles: ['ANALYST'] } } });
    for (const accept of ['identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const response = await post(BIG, accept);
      expect(response.headers['content-encoding'], accept).toBeUndefined();
    }
  });
});
