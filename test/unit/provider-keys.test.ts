// The identity provider's key set while the provider fails (src/auth/provider-keys.ts). The key set is
// fetched before any signature is checked, so a token whose header merely says RS256 could make the API
// fetch it: a failed fetch holds off the next one for 30 s as a successful one does, whatever the key
// ids named. And a provider that is down at the 10-minute refresh does not lock its users out: the keys
// last fetched keep verifying for a while.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from '../../src/auth/verify-token.ts';
import { makeKey, providerConfig, type TestKey } from '../support/identity-provider.ts';

const secret = 'unit-test-secret-with-at-least-32-chars';
const issuer = 'https://sso.example.org/realms/buyers';
const audience = 'tiersight-api';

/** A provider whose JWKS endpoint answers the published keys, or 503 while `down`. */
let server: Server;
let published: TestKey[] = [];
let down = false;
let fetches = 0;
let jwksUrl = '';

beforeAll(async () => {
  server = createServer((_request, response) => {
    fetches++;
    if (down) {
      response.writeHead(503, { 'content-type': 'text/html' }).end('<h1>maintenance</h1>');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.useRealTimers();
  down = false;
  published = [];
});

const config = () => providerConfig(issuer, audience, jwksUrl);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Anybody can write this: a header naming a provider algorithm, no claims, no real signature. */
const madeUp = (kid: string) => `Bearer ${b64({ alg: 'RS256', kid })}.${b64({})}.AAAA`;

describe('the provider key set while the provider fails', () => {
  it('a flood of made-up tokens fetches the key set at most once per 30 s (never fetched before)', async () => {
    down = true;
    const verify = createTokenVerifier({ secret, oidc: config() });
    const before = fetches;
    for (let i = 0; i < 20; i++) {
      expect(await verify(madeUp(`kid-${i}`))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    }
    expect(fetches - before).toBeLessThanOrEqual(1);
  });

  it('a flood of unknown key ids fetches the key set at most once per 30 s (after the provider failed)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const key = await makeKey('kc-1');
    published = [key];
    const verify = createTokenVerifier({ secret, oidc: config() });
    // The key set is fetched once and works.
    expect(await verify(madeUp(key.kid))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // 31 s later the provider fails; each unknown kid is a reason to look for a rotation.
    down = true;
    vi.setSystemTime(Date.now() + 31_000);
    const before = fetches;
    for (let i = 0; i < 20; i++) await verify(madeUp(`rotated-${i}`));
    expect(fetches - before).toBeLessThanOrEqual(1);
  });

  it('a valid token keeps working on the keys fetched before when the provider is briefly down at the 10-minute refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const key = await makeKey('kc-2');
    published = [key];
    const verify = createTokenVerifier({ secret, oidc: config() });
    const sign = () => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ org: 'se-region-stockholm', roles: ['analyst'] })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('user-1')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(key.privateKey);
    };
    expect(await verify(`Bearer ${await sign()}`)).toMatchObject({ organizationId: 'se-region-stockholm' });
    // Ten and a half minutes later the provider is in maintenance; the key is the same one.
    vi.setSystemTime(Date.now() + 630_000);
    down = true;
    expect(await verify(`Bearer ${await sign()}`)).toMatchObject({ organizationId: 'se-region-stockholm' });
  });
});
