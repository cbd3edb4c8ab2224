// Request admission over HTTP (src/app/graphql-route.ts): requests refused for their token are charged
// to their address, also while the identity provider's keys cannot be had (else one address could send
// them without end), and the rate budget is the user's, not the token's: a client that fetches a new
// token before each request shares one budget across them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app/server.ts';
import type { OidcConfig } from '../../src/auth/oidc-config.ts';
import { silentLogger } from '../support/logs.ts';
import { TEST_SECRET } from '../support/api.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import {
  makeKey,
  startTestIdentityProvider,
  type TestIdentityProvider,
  type TestKey,
} from '../support/identity-provider.ts';

// 4 requests per token and 4 per address without a valid token, per 2 s window.
const rateLimits = { perTokenPerSecond: 2, perAddressPerSecond: 2, windowSeconds: 2, concurrentPerToken: 2 };

let db: TestDatabase;
let idp: TestIdentityProvider;
let key: TestKey;
/** A provider in maintenance: its jwks_uri answers 503. */
let failingJwks: Server;
let failingFetches = 0;
/** The API with a working provider, and one whose provider's key set cannot be fetched. */
let up: App;
let down: App;

const start = (oidc: OidcConfig) =>
  startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      environment: 'production',
      jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false, oidc },
      rateLimits,
    },
    executor: db.executor,
    logger: silentLogger,
  });

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, graph().org('v', 'PURCHASER').build());
  idp = await startTestIdentityProvider();
  key = await makeKey('kc-1');
  idp.publish([key]);
  failingJwks = createServer((_request, response) => {
    failingFetches++;
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => failingJwks.listen(0, '127.0.0.1', resolve));
  const failingUrl = `http://127.0.0.1:${(failingJwks.address() as AddressInfo).port}/certs`;
  up = await start(idp.config());
  down = await start({ ...idp.config(), jwksUrl: failingUrl });
});
afterAll(async () => {
  await up?.close();
  await down?.close();
  await idp?.close();
  await new Promise<void>((resolve) => failingJwks?.close(() => resolve()));
  await db?.close();
});

async function status(app: App, authorization: string): Promise<number> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ me { organization { id } } }' }),
  });
  await response.text();
  return response.status;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('requests without a valid token while the provider is down', () => {
  it('are charged to their address: after the budget, 429', async () => {
    const before = failingFetches;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // No signature, no claims: anybody can send it.
      statuses.push(await status(down, `Bearer ${b64({ alg: 'RS256', kid: `x${i}` })}.${b64({})}.AAAA`));
    }
    expect(statuses).toContain(429);
    expect(failingFetches - before).toBeLessThanOrEqual(1);
  });
});

describe('one user, several tokens', () => {
  it('two access tokens of the same user share one rate budget', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'alice', org: 'v', roles: ['analyst'] };
    // What a client gets from two refreshes a few seconds apart.
    const first = await idp.sign(key, { ...claims, iat: now - 5, jti: 'refresh-1' });
    const second = await idp.sign(key, { ...claims, iat: now, jti: 'refresh-2' });
    for (let i = 0; i < 4; i++) expect(await status(up, `Bearer ${first}`)).toBe(200);
    expect(await status(up, `Bearer ${first}`)).toBe(429);
    expect(await status(up, `Bearer ${second}`)).toBe(429);
  });
});
