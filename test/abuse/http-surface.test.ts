// Abuse of the HTTP surface: client mistakes get client codes with one HTTP status per code, and
// nothing a client sends fills the server log with stack traces.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { withUnreachableNeo4j } from '../support/unreachable.ts';
import { captureLogger } from '../support/logs.ts';
import { TEST_SECRET } from '../support/api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

let db: TestDatabase;
let app: App;
let authorization: string;
const capture = captureLogger();
/** Error lines in the server log so far: client mistakes must not add any. */
const errorLines = () => capture.lines.filter((line) => line['level'] === 'error').length;

const config = {
  port: 0,
  host: '127.0.0.1',
  environment: 'production' as const,
  jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
};

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build());
  app = await startApp({ config, executor: db.executor, logger: capture.logger });
  authorization = `Bearer ${await signToken({ sub: 'u', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600)}`;
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function post(body: string | ReadableStream, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, ...headers },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  const json = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return {
    status: response.status,
    headers: response.headers,
    json,
    code: json.errors?.[0]?.extensions?.code,
  };
}

describe('client mistakes are client errors, never logged as server faults', () => {
  it('a subscription is refused with 400 and a message saying what to send instead', async () => {
    const before = errorLines();
    const response = await post(JSON.stringify({ query: 'subscription { me { roles } }' }));
    expect(response.status).toBe(400);
    expect(response.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.json.errors![0]!.message).toMatch(/Subscriptions are not supported/);
    expect(errorLines()).toBe(before);
  });

  it.each([
    ['with a text its hash does not match', { query: '{ me { roles } }', hash: 'other' }],
    ['with the text its hash matches', { query: '{ me { roles } }', hash: '{ me { roles } }' }],
    ['by hash alone', { query: undefined, hash: '{ me { roles } }' }],
  ])(
    'a persisted query sent %s is PERSISTED_QUERY_NOT_SUPPORTED (400): the protocol is off',
    async (_, sent) => {
      const before = errorLines();
      const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(sent.hash).digest('hex') };
      const response = await post(JSON.stringify({ query: sent.query, extensions: { persistedQuery } }));
      expect([response.status, response.code]).toEqual([400, 'PERSISTED_QUERY_NOT_SUPPORTED']);
      expect(errorLines()).toBe(before);
    },
  );

  it('a bad variable is BAD_USER_INPUT with 200, like the same mistake caught by a resolver', async () => {
    const query = 'query($d: Int) { supplyChain(maxDepth: $d) { depth } }';
    const coerced = await post(JSON.stringify({ query, variables: { d: 'x' } }));
    const resolved = await post(JSON.stringify({ query, variables: { d: 99 } }));
    expect([coerced.status, coerced.code]).toEqual([200, 'BAD_USER_INPUT']);
    expect([resolved.status, resolved.code]).toEqual([200, 'BAD_USER_INPUT']);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
  ])('a POST of %s is refused with 415', async (contentType) => {
    const response = await post(JSON.stringify({ query: '{ me { roles } }' }), {
      'content-type': contentType,
    });
    expect([response.status, response.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('a chunked body over the limit is answered 413, not a reset connection', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(100_000));
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 15; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await post(body);
    expect([response.status, response.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect((await post(JSON.stringify({ query: '{ me { roles } }' }))).status).toBe(200);
  });

  it('a declared Content-Length over the limit is answered 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${app.url}/graphql`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '2000000', authorization },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end(' '.repeat(2_000_000));
    });
    expect(status).toBe(413);
  });

  it('field suggestions ("Did you mean") are off in production, where introspection is off too', async () => {
    const response = await post(JSON.stringify({ query: '{ me { rolez } }' }));
    expect(response.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response.json)).not.toMatch(/Did you mean|roles/);
  });
});

describe('SERVICE_UNAVAILABLE is 503 with Retry-After wherever it arises', () => {
  it('when Neo4j cannot be reached while the request context is built', async () => {
    await withUnreachableNeo4j(config, async (down) => {
      const response = await fetch(`${down.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ me { roles } }' }),
      });
      const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(json.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    });
  });
});
