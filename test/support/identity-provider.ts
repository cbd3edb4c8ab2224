// A stand-in OpenID Connect provider: key pairs made in the test, the public halves served as a JWKS on
// 127.0.0.1 (what a provider's jwks_uri answers), and access tokens signed with them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { OidcConfig } from '../../src/auth/oidc-config.ts';

export interface TestKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The public key as PEM: what an alg-confusion attacker uses as an HMAC secret. */
  publicPem: string;
}

export async function makeKey(kid: string, alg: TestKey['alg'] = 'RS256'): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}

export interface TestIdentityProvider {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  /** Replaces the published keys (a rotation publishes the new one, later drops the old one). */
  publish(keys: TestKey[]): void;
  /** OIDC settings for this provider, claim mapping as given (default: `org` and `roles`). */
  config(mapping?: Partial<OidcConfig>): OidcConfig;
  /**
   * An access token: iss, aud, sub, iat and a 5-minute exp unless `claims` says otherwise (a claim
   * set to undefined is left out).
   */
  sign(key: TestKey, claims?: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** A provider's settings with the default claims (org, roles) and no mappings. */
export const providerConfig = (issuer: string, audience: string, jwksUrl: string): OidcConfig => ({
  issuer,
  audience,
  jwksUrl,
  orgClaim: 'org',
  rolesClaim: 'roles',
  roleMap: null,
  orgMap: null,
});

export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  let keys: TestKey[] = [];
  let fetches = 0;
  const server = createServer((request, response) => {
    if (request.url !== '/realms/test/certs') {
      response.writeHead(404).end();
      return;
    }
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/realms/test`;
  const audience = 'tiersight-api';
  const jwksUrl = `${issuer}/certs`;
  return {
    issuer,
    audience,
    jwksUrl,
    fetches: () => fetches,
    publish: (next) => {
      keys = next;
    },
    config: (mapping = {}) => ({ ...providerConfig(issuer, audience, jwksUrl), ...mapping }),
    sign: (key, claims = {}, header = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const all = { iss: issuer, aud: audience, sub: 'user-1', iat: now, exp: now + 300, ...claims };
      const present = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
      return new SignJWT(present)
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
        .sign(key.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
