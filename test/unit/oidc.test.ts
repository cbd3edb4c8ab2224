// Access tokens from an OpenID Connect provider (issue 9 item 8), verified against a JWKS served on
// 127.0.0.1 by a stand-in provider with keys made here: claim mapping, key rotation, unknown key ids,
// issuer and audience, times, and the algorithm tricks (HS256 keyed with the public key, `none`).
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { createTokenVerifier } from '../../src/auth/verify-token.ts';
import {
  makeKey,
  startTestIdentityProvider,
  type TestIdentityProvider,
  type TestKey,
} from '../support/identity-provider.ts';

const secret = 'unit-test-secret-with-at-least-32-chars';
let idp: TestIdentityProvider;
let rsa: TestKey;
let ec: TestKey;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  [rsa, ec] = await Promise.all([makeKey('rsa-1', 'RS256'), makeKey('ec-1', 'ES256')]);
});
afterAll(() => idp.close());
beforeEach(() => idp.publish([rsa, ec]));
afterEach(() => vi.useRealTimers());

const bearer = (token: string) => `Bearer ${token}`;
const viewer = { sub: 'user-1', org: 'se-region-stockholm', roles: ['analyst'] };
const refused = (message: string | RegExp) => ({
  code: 'UNAUTHENTICATED',
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

describe('provider tokens', () => {
  it('accepts RS256 and ES256 tokens signed with published keys, beside local HS256 tokens', async () => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    const expected = {
      principal: JSON.stringify([idp.config().issuer, 'user-1']),
      userId: 'user-1',
      organizationId: 'se-region-stockholm',
      roles: ['analyst'],
      expiresAt: expect.any(Number),
    };
    expect(await verify(bearer(await idp.sign(rsa, viewer)))).toEqual(expected);
    expect(await verify(bearer(await idp.sign(ec, viewer)))).toEqual(expected);
    const local = await signToken({ sub: 'cli', org: 'se-atea', roles: ['platform_admin'] }, secret, 60);
    expect(await verify(bearer(local))).toMatchObject({ organizationId: 'se-atea' });
  });

  it('maps a Keycloak-shaped token: nested roles, provider role names, organization from a group', async () => {
    const verify = createTokenVerifier({
      secret,
      oidc: idp.config({
        orgClaim: 'groups',
        rolesClaim: 'realm_access.roles',
        roleMap: new Map([
          ['buyer', ['analyst']],
          ['sourcing-admin', ['supplier_admin', 'analyst']],
        ]),
        orgMap: new Map([['/buyers/region-stockholm', 'se-region-stockholm']]),
      }),
    });
    const token = await idp.sign(rsa, {
      groups: ['/staff', '/buyers/region-stockholm'],
      realm_access: { roles: ['offline_access', 'sourcing-admin', 'analyst'] },
    });
    expect(await verify(bearer(token))).toEqual({
      principal: expect.any(String),
      userId: 'user-1',
      organizationId: 'se-region-stockholm',
      roles: ['supplier_admin', 'analyst'],
      expiresAt: expect.any(Number),
    });
    const noKnownGroup = await idp.sign(rsa, { groups: ['/staff'], realm_access: { roles: ['buyer'] } });
    expect(await verify(bearer(noKnownGroup))).toMatchObject(refused(/OIDC_ORG_MAP/));
  });

  it('takes a claim literally named with dots (Entra ID extension claims) and space-separated roles', async () => {
    const verify = createTokenVerifier({
      secret,
      oidc: idp.config({ orgClaim: 'extn.tiersightOrg', rolesClaim: 'scp' }),
    });
    const token = await idp.sign(rsa, { 'extn.tiersightOrg': 'se-atea', scp: 'analyst openid profile' });
    expect(await verify(bearer(token))).toEqual({
      principal: expect.any(String),
      userId: 'user-1',
      organizationId: 'se-atea',
      roles: ['analyst'],
      expiresAt: expect.any(Number),
    });
  });

  it('keeps provider roles that are not Tiersight roles out, and refuses a token without organization', async () => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    const token = await idp.sign(rsa, { ...viewer, roles: ['admin', 'platform_admin'] });
    expect(await verify(bearer(token))).toMatchObject({ roles: ['platform_admin'] });
    expect(await verify(bearer(await idp.sign(rsa, { roles: ['analyst'] })))).toMatchObject(
      refused('The token names no organization (claim org).'),
    );
    expect(await verify(bearer(await idp.sign(rsa, { ...viewer, roles: [1] })))).toMatchObject(
      refused("The token's roles claim must be a list of strings."),
    );
  });
});

describe('key rotation and unknown keys', () => {
  it('accepts a new key id after refetching the JWKS, at most every 30 s, and drops retired keys', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    idp.publish([rsa]);
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    const before = idp.fetches();
    expect(await verify(bearer(await idp.sign(rsa, viewer)))).toMatchObject({ organizationId: viewer.org });
    expect(idp.fetches()).toBe(before + 1);

    // The provider rotates: rsa-2 is published next to rsa-1.
    const next = await makeKey('rsa-2');
    idp.publish([rsa, next]);
    // Within 30 s of the last fetch an unknown kid does not make the server fetch again (a flood of
    // made-up kids cannot hammer the provider)…
    expect(await verify(bearer(await idp.sign(next, viewer)))).toMatchObject(
      refused('The token is signed with a key that the identity provider does not publish.'),
    );
    expect(idp.fetches()).toBe(before + 1);
    // …after that, it does, and the new key is accepted.
    vi.setSystemTime(Date.now() + 31_000);
    expect(await verify(bearer(await idp.sign(next, viewer)))).toMatchObject({ organizationId: viewer.org });
    expect(idp.fetches()).toBe(before + 2);

    // rsa-1 is retired; once the cached set is older than 10 minutes it is fetched anew and rsa-1 fails.
    idp.publish([next]);
    expect(await verify(bearer(await idp.sign(rsa, viewer)))).toMatchObject({ organizationId: viewer.org });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect(await verify(bearer(await idp.sign(rsa, viewer)))).toMatchObject(refused(/does not publish/));
    expect(await verify(bearer(await idp.sign(next, viewer)))).toMatchObject({ organizationId: viewer.org });
  });

  it('refuses a token whose kid is unknown, or whose published kid it was not signed with', async () => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    const stranger = await makeKey('rsa-stranger');
    expect(await verify(bearer(await idp.sign(stranger, viewer)))).toMatchObject(refused(/does not publish/));
    const forged = await idp.sign(stranger, viewer, { kid: rsa.kid });
    expect(await verify(bearer(forged))).toMatchObject(refused(/badly signed/));
  });

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the provider’s keys cannot be fetched', async () => {
    const verify = createTokenVerifier({
      secret,
      oidc: idp.config({ jwksUrl: `${idp.issuer}/no-such-keys` }),
    });
    expect(await verify(bearer(await idp.sign(rsa, viewer)))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('claims the provider must get right', () => {
  const verify = () => createTokenVerifier({ secret, oidc: idp.config() });
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string>, string | RegExp][] = [
    [
      'wrong audience',
      () => idp.sign(rsa, { ...viewer, aud: 'another-api' }),
      /unexpected "aud" claim value/,
    ],
    [
      'wrong issuer',
      () => idp.sign(rsa, { ...viewer, iss: 'https://evil.example.org' }),
      /unexpected "iss" claim value/,
    ],
    [
      'expired',
      () => idp.sign(rsa, { ...viewer, iat: now() - 600, exp: now() - 300 }),
      'The token has expired.',
    ],
    [
      'not yet valid (nbf)',
      () => idp.sign(rsa, { ...viewer, nbf: now() + 600 }),
      /"nbf" claim timestamp check failed/,
    ],
    ['no exp', () => idp.sign(rsa, { ...viewer, exp: undefined }), /missing required "exp" claim/],
    ['no sub', () => idp.sign(rsa, { ...viewer, sub: undefined }), /missing required "sub" claim/],
    [
      'issued in the future',
      () => idp.sign(rsa, { ...viewer, iat: now() + 600, exp: now() + 900 }),
      /in the future/,
    ],
    ['a 30-day lifetime', () => idp.sign(rsa, { ...viewer, exp: now() + 30 * 86_400 }), /longer than the 1d/],
  ];
  it.each(cases)('%s', async (_name, token, message) => {
    expect(await verify()(bearer(await token()))).toMatchObject(refused(message));
  });
});

describe('algorithm tricks', () => {
  const claims = () => ({
    ...viewer,
    iss: idp.issuer,
    aud: idp.audience,
    exp: Math.floor(Date.now() / 1000) + 60,
  });
  const hmac = (key: string, kid = rsa.kid) =>
    new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(key));
  const cases: [string, () => Promise<string>][] = [
    ['HS256 keyed with the provider’s public key (PEM)', () => hmac(rsa.publicPem)],
    ['HS256 keyed with the provider’s public JWK', () => hmac(JSON.stringify(rsa.publicJwk))],
    [
      'HS512 keyed with the provider’s public key',
      () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS512', kid: rsa.kid })
          .sign(new TextEncoder().encode(rsa.publicPem)),
    ],
    ['alg none', async () => new UnsecuredJWT(claims()).encode()],
    ['RS256 claimed, ES256 key id', () => idp.sign(rsa, viewer, { kid: ec.kid })],
    [
      'PS256, an algorithm not accepted',
      async () => {
        const { privateKey } = await generateKeyPair('PS256');
        return new SignJWT(claims()).setProtectedHeader({ alg: 'PS256', kid: rsa.kid }).sign(privateKey);
      },
    ],
  ];
  it.each(cases)('%s is refused', async (_name, token) => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    expect(await verify(bearer(await token()))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses provider-signed tokens when no provider is configured', async () => {
    const verify = createTokenVerifier({ secret });
    expect(await verify(bearer(await idp.sign(rsa, viewer)))).toMatchObject(refused(/unsupported algorithm/));
  });
});
