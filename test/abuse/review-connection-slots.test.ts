// Review (hostile client, no credentials): one address holds every connection.
//
// The server caps open connections (HTTP_MAX_CONNECTIONS, 1,024 by default) and keeps an idle
// keep-alive connection open for HTTP_KEEP_ALIVE_TIMEOUT_MS (65 s, chosen to outlast a load balancer's
// idle timeout). Nothing limits how many of those connections one address holds, and an idle one is
// never closed to make room. A client that opens 1,024 connections and sends one `GET /livez` on each
// (no token needed, not rate-limited) then owns the server: every other client's connection is dropped
// at once, for 65 s, and again after it reconnects. A connection that sends nothing is closed after the
// headers timeout (10 s), so the idle keep-alive is the cheap way. Behind a proxy that pools its own
// upstream connections (deploy/nginx.conf) the proxy is the one attacked instead; served directly, as
// `tiersight serve` is, the API is.
//
// Expected: one address cannot take every connection (a per-address cap, or idle keep-alive
// connections closed first when the server is full), so that another client is still served.
//
// Fixed (src/app/connection-slots.ts): one address holds at most HTTP_MAX_CONNECTIONS_PER_ADDRESS
// (256 by default), and at either cap the connection idle longest is closed to make room; a new
// connection is refused only when every open one is busy or still waiting for its first request.
import { connect, type Socket } from 'node:net';
import type { HttpConfig } from '../../src/config.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HTTP } from '../../src/config.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { silentLogger } from '../support/logs.ts';
import { TEST_SECRET } from '../support/api.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let app: App;
const sockets: Socket[] = [];
const others: App[] = [];

const serverConfig = (http?: HttpConfig) => ({
  port: 0,
  host: '127.0.0.1',
  environment: 'production' as const,
  jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
  ...(http === undefined ? {} : { http }),
});

beforeAll(async () => {
  db = await openTestDatabase();
  // The default HTTP settings, as `serve` runs with them.
  app = await startApp({ config: serverConfig(), executor: db.executor, logger: silentLogger });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  for (const other of others) await other.close();
  await app?.close();
  await db?.close();
});

/** Another server on the same database, with these HTTP settings. */
async function serverWith(http: Partial<HttpConfig>): Promise<App> {
  const started = await startApp({
    config: serverConfig({ ...DEFAULT_HTTP, ...http }),
    executor: db.executor,
    logger: silentLogger,
  });
  others.push(started);
  return started;
}

/** Opens a connection (from `from`, a loopback address), asks `GET /livez` once with keep-alive, and leaves it idle. */
function idleKeepAlive(port: number, from = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: from }, () => {
      socket.write('GET /livez HTTP/1.1\r\nHost: tiersight\r\nConnection: keep-alive\r\n\r\n');
    });
    sockets.push(socket);
    socket.once('data', () => resolve());
    socket.once('error', reject);
    socket.once('close', () => resolve());
  });
}

/** Opens a connection from `from` that sends half its headers: busy until the headers timeout. */
function halfHeaders(port: number, from: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: from }, () => {
      socket.write('POST /graphql HTTP/1.1\r\nHost: tiersight\r\n');
      resolve(socket);
    });
    sockets.push(socket);
    socket.once('error', reject);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const open = (among: Socket[]) => among.filter((socket) => !socket.destroyed).length;

/** The status another client gets for GET /livez within 5 s, or what went wrong. */
const livez = (url: string) =>
  fetch(`${url}/livez`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.status,
    (error: unknown) => String(error),
  );

describe('connections', () => {
  it(`one address holding ${DEFAULT_HTTP.maxConnections} idle keep-alive connections does not lock others out`, async () => {
    const port = Number(new URL(app.url).port);
    for (let i = 0; i < DEFAULT_HTTP.maxConnections; i += 64) {
      await Promise.all(
        Array.from({ length: Math.min(64, DEFAULT_HTTP.maxConnections - i) }, () => idleKeepAlive(port)),
      );
    }
    // Every request was answered; the address keeps no more than its cap of connections.
    await pause(200);
    expect(open(sockets)).toBeLessThanOrEqual(DEFAULT_HTTP.maxConnectionsPerAddress);
    // Another client, a second later (the server checks its connections every second). Before the
    // fix: no answer within 5 s (the server took no more connections), and so for 65 s.
    await pause(1_000);
    expect(await livez(app.url)).toBe(200);
  }, 120_000);

  it('without a per-address cap (behind a proxy), a full server closes an idle connection for a new one', async () => {
    const server = await serverWith({ maxConnections: 40, maxConnectionsPerAddress: 0 });
    const port = Number(new URL(server.url).port);
    const mine: Socket[] = [];
    for (let i = 0; i < 40; i++) {
      await idleKeepAlive(port);
      mine.push(sockets.at(-1)!);
    }
    expect(open(mine)).toBe(40);
    expect(await livez(server.url)).toBe(200);
    await pause(200);
    expect(open(mine)).toBe(39); // the one idle longest made room
    expect(mine[0]!.destroyed).toBe(true);
  });

  it('an address at its cap with no idle connection is refused; another address is served', async () => {
    const server = await serverWith({ maxConnections: 40, maxConnectionsPerAddress: 5 });
    const port = Number(new URL(server.url).port);
    const held = await Promise.all(Array.from({ length: 5 }, () => halfHeaders(port, '127.0.0.2')));
    const refused = await halfHeaders(port, '127.0.0.2');
    await pause(200);
    expect(refused.destroyed).toBe(true);
    expect(open(held)).toBe(5);
    expect(await livez(server.url)).toBe(200); // from 127.0.0.1
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/tiersight_http_refused_total\{reason="connections"\} 1\b/);
  });
});
