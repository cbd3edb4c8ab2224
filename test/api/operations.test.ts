// What an operator relies on: probes, metrics, one JSON log line per request (with its id, never a
// token), rate and concurrency limits answered 429, and server timeouts against slow clients.
import { connect } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { startApp, type App, type AppOptions } from '../../src/app/server.ts';
import { withUnreachableNeo4j } from '../support/unreachable.ts';
import { TEST_SECRET } from '../support/api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { captureLogger } from '../support/logs.ts';

let db: TestDatabase;
let app: App;
const capture = captureLogger();
const config: AppOptions['config'] = {
  port: 0,
  host: '127.0.0.1',
  environment: 'production',
  jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
  rateLimits: { perTokenPerSecond: 10, perAddressPerSecond: 5, windowSeconds: 2, concurrentPerToken: 4 },
  http: {
    keepAliveTimeoutMs: 65_000,
    headersTimeoutMs: 1_000,
    requestTimeoutMs: 2_000,
    maxConnections: 50,
    maxConnectionsPerAddress: 50,
    trustedProxies: [],
  },
};
const token = (org: string, sub = 'analyst@v') =>
  signToken({ sub, org, roles: ['analyst'] }, TEST_SECRET, 600);

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build());
  app = await startApp({ config, executor: db.executor, logger: capture.logger });
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

const gql = async (authorization: string | null, query: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === null ? {} : { authorization }),
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    headers: response.headers,
    code: json.errors?.[0]?.extensions?.code ?? 'OK',
  };
};

describe('probes', () => {
  it('/livez and /readyz answer JSON; /health is /readyz', async () => {
    const live = await fetch(`${app.url}/livez`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
    for (const path of ['/readyz', '/health']) {
      const ready = await fetch(`${app.url}${path}`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { neo4j: { ok: true }, import: { ok: true } },
      });
    }
  });

  it('/readyz is 503 within 2 s when Neo4j cannot be reached, while /livez stays 200', async () => {
    await withUnreachableNeo4j(config, async (down) => {
      const started = performance.now();
      const ready = await fetch(`${down.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(2_000 * 2); // loose: a loaded CI machine
      expect((await ready.json()) as object).toMatchObject({
        status: 'unready',
        checks: { neo4j: { ok: false } },
      });
      expect((await fetch(`${down.url}/livez`)).status).toBe(200);
    });
  });
});

describe('metrics and logs', () => {
  it('/metrics counts requests by operation and outcome, Neo4j statements, in-flight requests', async () => {
    await gql(`Bearer ${await token('v', 'metrics@v')}`, 'query Me { me { roles } }');
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/tiersight_graphql_requests_total\{operation="Me",outcome="OK"\} [1-9]/);
    expect(text).toMatch(/tiersight_graphql_request_duration_seconds_bucket\{le="[^"]+",operation="Me"\}/);
    expect(text).toMatch(
      /tiersight_neo4j_transaction_duration_seconds_count\{statement="[^"]+",outcome="OK"\} [1-9]/,
    );
    expect(text).toMatch(/tiersight_http_requests_in_flight /);
    expect(text).toMatch(/tiersight_neo4j_sessions_in_use /);
  });

  it('/metrics, with METRICS_TOKEN set, answers only a request bearing it (401 otherwise)', async () => {
    const metricsToken = 'prometheus-scrape-token-0123456789abcdef';
    const guarded = await startApp({
      config: { ...config, metricsToken },
      executor: db.executor,
      logger: capture.logger,
      webRoot: null,
    });
    try {
      const read = (authorization?: string) =>
        fetch(`${guarded.url}/metrics`, authorization ? { headers: { authorization } } : {});
      for (const refused of [await read(), await read(`Bearer ${metricsToken}0`), await read(metricsToken)]) {
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
        expect(await refused.text()).not.toContain('tiersight_');
      }
      const allowed = await read(`Bearer ${metricsToken}`);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/tiersight_http_requests_in_flight /);
    } finally {
      await guarded.close();
    }
  });

  it('one JSON line per request with its id (given or made), operation, organization and outcome; no token', async () => {
    const authorization = `Bearer ${await token('v', 'logs@v')}`;
    const given = await gql(authorization, 'query Roles { me { roles } }', { 'x-request-id': 'trace-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await gql(authorization, 'query Roles { me { roles } }', {
      'x-request-id': 'not a sane id!',
    });
    const madeId = made.headers.get('x-request-id');
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
    const line = capture.lines.find((l) => l['reqId'] === 'trace-123');
    expect(line).toMatchObject({
      msg: 'request',
      path: '/graphql',
      status: 200,
      operation: 'Roles',
      org: 'v',
      outcome: 'OK',
    });
    expect(typeof line?.['ms']).toBe('number');
    expect(capture.lines.some((l) => l['reqId'] === madeId)).toBe(true);
    const tokenText = authorization.slice('Bearer '.length);
    expect(JSON.stringify(capture.lines)).not.toContain(tokenText);
  });

  it('an error is one line with its code and no stack at info level', async () => {
    const own = captureLogger();
    await withUnreachableNeo4j(
      config,
      async (down) => {
        await fetch(`${down.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await token('v', 'err@v')}`,
          },
          body: JSON.stringify({ query: '{ me { roles } }' }),
        });
        const errors = own.lines.filter((l) => l['level'] === 'error');
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) {
          expect(error['code']).toBe('SERVICE_UNAVAILABLE');
          expect(JSON.stringify(error)).not.toMatch(/\bat .+:\d+:\d+/);
        }
      },
      own.logger,
    );
  });
});

describe('protection under load', () => {
  it('a token over its rate gets 429 with Retry-After; another token is unaffected', async () => {
    const flood = `Bearer ${await token('v', 'flood@v')}`;
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await gql(flood, '{ me { roles } }'));
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200).length).toBe(20); // 10/s over a 2 s window
    expect(limited.length).toBe(10);
    expect(limited[0]!.code).toBe('RATE_LIMITED');
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect((await gql(`Bearer ${await token('v', 'calm@v')}`, '{ me { roles } }')).status).toBe(200);
  });

  it('requests without a valid token are limited per address, made-up tokens included', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await gql(null, '{ me { roles } }'));
    for (let i = 0; i < 8; i++) answers.push(await gql(`Bearer made.up.${i}`, '{ me { roles } }'));
    // 5 a second over a 2 s window: 10 requests, each counted once, then 429.
    expect(answers.slice(0, 10).every((a) => a.code === 'UNAUTHENTICATED')).toBe(true);
    expect(answers.slice(-2).every((a) => a.status === 429 && a.code === 'RATE_LIMITED')).toBe(true);
    expect(answers.at(-1)!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  });

  it('a slow-drip client is disconnected after the headers timeout', async () => {
    const url = new URL(app.url);
    const closedAfter = await new Promise<number>((resolve) => {
      const started = performance.now();
      const socket = connect(Number(url.port), url.hostname, () =>
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'),
      );
      const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
      socket.on('close', () => {
        clearInterval(drip);
        resolve(performance.now() - started);
      });
      socket.on('error', () => {});
    });
    expect(closedAfter).toBeGreaterThanOrEqual(1_000);
    expect(closedAfter).toBeLessThan(10_000);
  });

  it('a kept-alive connection survives a pause of several seconds between two requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const authorization = `Bearer ${await token('v', 'keepalive@v')}`;
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          `${app.url}/graphql`,
          {
            agent,
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ me { roles } }' }));
      });
    expect(await post()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await post()).toBe(200);
    agent.destroy();
  });
});
