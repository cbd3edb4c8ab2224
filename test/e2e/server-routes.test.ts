// The HTTP routes around the dashboard, without a browser: static files (types, caching, no directory
// traversal), GraphiQL for browsers at GET /graphql while API requests still reach Apollo with its CSRF
// protection, and /dev/token only in local demo mode.
import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config.ts';
import { resolveUnder } from '../../src/api/http/static.ts';
import { silentLogger } from '../support/logs.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { DIST_DIR } from '../../web/build.ts';
import { TEST_SECRET } from '../support/api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { startDemoApp } from './browser.ts';

let db: TestDatabase;
let app: App;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, DEMO_SCENARIO);
  app = await startDemoApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** A raw request, so that paths such as `/../x` reach the server unnormalised. */
function raw(
  url: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the dashboard as static files', () => {
  it('serves / as HTML that must be revalidated, with a same-origin content security policy', async () => {
    const res = await raw(app.url, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('<div id="app">');
    expect(res.body).not.toMatch(/src="https?:/);
  });

  it('serves hashed assets with their content type, immutable for a year, and answers 304 to its etag', async () => {
    const files = await readdir(join(DIST_DIR, 'assets'));
    const js = files.find((f) => f.endsWith('.js'))!;
    const css = files.find((f) => f.endsWith('.css'))!;
    const script = await raw(app.url, `/assets/${js}`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(app.url, `/assets/${css}`)).headers['content-type']).toBe('text/css; charset=utf-8');
    const again = await raw(app.url, `/assets/${js}`, { 'if-none-match': String(script.headers['etag']) });
    expect(again.status).toBe(304);
    expect((await raw(app.url, `/assets/${js}`, {}, 'HEAD')).body).toBe('');
  });

  it.each([
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/%00index.html',
    '/.built',
    '/assets/missing.js',
    '/nope',
  ])('answers 404 for %s', async (path) => {
    const res = await raw(app.url, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"name": "tiersight"');
  });

  it('never resolves outside the root', () => {
    expect(resolveUnder('/srv/web', '/a/b.js')).toBe('/srv/web/a/b.js');
    for (const bad of ['/../x', '/a/../../x', '/%2e%2e/x', '/a\\..\\x', '/%zz', '/.env', '/a/%00'])
      expect(resolveUnder('/srv/web', bad)).toBeNull();
  });

  it('does not serve files for other methods', async () => {
    expect((await raw(app.url, '/', {}, 'POST')).status).toBe(404);
  });
});

describe('GET /graphql', () => {
  it('gives a browser GraphiQL, bundled locally', async () => {
    const res = await raw(app.url, '/graphql', { accept: BROWSER_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<div id="graphiql">');
    expect(res.body).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('still sends API requests to Apollo, whose CSRF protection stays on', async () => {
    const token = await (
      await fetch(`${app.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ org: DEMO_IDS.regionStockholm }),
      })
    ).json();
    const authorization = `Bearer ${(token as { token: string }).token}`;
    // A simple GET with ?query= from a browser is what CSRF protection refuses.
    const get = await raw(app.url, '/graphql?query=%7B__typename%7D', {
      accept: BROWSER_ACCEPT,
      authorization,
    });
    expect(get.status).toBe(400);
    expect(get.body).toMatch(/CSRF|preflight/i);
    // So is a "simple" POST (text/plain), as an HTML form on another site could send.
    const form = await raw(
      app.url,
      '/graphql',
      { 'content-type': 'text/plain', authorization },
      'POST',
      '{}',
    );
    expect(form.status).toBe(415);
    // GraphiQL's own requests (JSON POST) pass.
    const ok = await raw(
      app.url,
      '/graphql',
      { 'content-type': 'application/json', authorization },
      'POST',
      JSON.stringify({ query: '{ me { organization { id } } }' }),
    );
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ data: { me: { organization: { id: DEMO_IDS.regionStockholm } } } });
    // A client asking for JSON gets Apollo, not the page.
    const json = await raw(app.url, '/graphql', { accept: 'application/json' });
    expect(json.headers['content-type']).not.toMatch(/text\/html/);
  });
});

describe('/dev/token', () => {
  const post = (url: string, body: unknown, contentType = 'application/json') =>
    fetch(`${url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: JSON.stringify(body),
    });

  it('lists the demo organizations and signs a working token for one of them in local demo mode', async () => {
    const list = (await (await fetch(`${app.url}/dev/token`)).json()) as { organizations: { id: string }[] };
    expect(list.organizations.map((o) => o.id)).toEqual(
      expect.arrayContaining([DEMO_IDS.regionStockholm, DEMO_IDS.osloKommune, DEMO_IDS.electronicsWatch]),
    );
    const res = await post(app.url, { org: DEMO_IDS.electronicsWatch });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, roles } = (await res.json()) as { token: string; roles: string[] };
    expect(roles).toEqual(['analyst', 'supplier_admin']);
    const me = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { organization { id } roles } }' }),
    });
    expect(await me.json()).toEqual({
      data: { me: { organization: { id: DEMO_IDS.electronicsWatch }, roles: ['ANALYST', 'SUPPLIER_ADMIN'] } },
    });
  });

  it('refuses unknown organizations, bad bodies and non-JSON posts', async () => {
    expect((await post(app.url, { org: 'no-such-org' })).status).toBe(404);
    expect((await post(app.url, { nope: 1 })).status).toBe(400);
    expect((await post(app.url, { org: DEMO_IDS.regionStockholm }, 'text/plain')).status).toBe(415);
  });

  it('does not exist in production, with a real secret, or unless asked for', async () => {
    const variants = [
      {
        environment: 'production' as const,
        jwt: { secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: true },
      },
      { environment: 'development' as const, jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false } },
    ];
    for (const config of variants) {
      const other = await startApp({
        config: { port: 0, host: '127.0.0.1', ...config },
        executor: db.executor,
        devTokens: true,
        logger: silentLogger,
      });
      try {
        expect((await fetch(`${other.url}/dev/token`)).status).toBe(404);
        expect((await post(other.url, { org: DEMO_IDS.regionStockholm })).status).toBe(404);
      } finally {
        await other.close();
      }
    }
    const off = await startApp({
      config: {
        port: 0,
        host: '127.0.0.1',
        environment: 'development',
        jwt: { secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: true },
      },
      executor: db.executor,
      logger: silentLogger,
    });
    try {
      expect((await post(off.url, { org: DEMO_IDS.regionStockholm })).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
