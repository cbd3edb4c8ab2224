// Which tokens are access tokens (src/auth/verify-token.ts): a provider's ID token of the same client
// is refused, an access token accepted; and the Authorization scheme is case-insensitive (RFC 9110).
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let key: TestKey;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  key = await makeKey('kc-1');
  idp.publish([key]);
});
afterAll(() => idp.close());

describe('token kinds', () => {
  it('refuses a Keycloak ID token (typ "ID") of the same client', async () => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    const idToken = await idp.sign(key, {
      typ: 'ID',
      azp: idp.audience,
      nonce: 'n-0S6_WzA2Mj',
      at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q',
      org: 'se-region-stockholm',
      roles: ['supplier_admin'],
    });
    expect(await verify(`Bearer ${idToken}`)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('the same token with typ "Bearer" (an access token) is accepted', async () => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    const accessToken = await idp.sign(key, {
      typ: 'Bearer',
      azp: idp.audience,
      org: 'se-region-stockholm',
      roles: ['supplier_admin'],
    });
    expect(await verify(`Bearer ${accessToken}`)).toMatchObject({ organizationId: 'se-region-stockholm' });
  });
});

describe('the Authorization header', () => {
  it('takes the scheme in any case', async () => {
    const verify = createTokenVerifier({ secret });
    const token = await signToken({ sub: 'u', org: 'v', roles: ['analyst'] }, secret, 60);
    for (const scheme of ['bearer', 'BEARER']) {
      expect(await verify(`${scheme} ${token}`), scheme).toMatchObject({ organizationId: 'v' });
    }
  });
});

describe('the token header type (docs/authentication.md, "Access tokens only")', () => {
  const local = (typ: string | undefined) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sub: 'u', org: 'o', roles: ['analyst'], iat: now, exp: now + 60 })
      .setProtectedHeader(typ === undefined ? { alg: 'HS256' } : { alg: 'HS256', typ })
      .sign(new TextEncoder().encode(secret));
  };

  it('accepts JWT, at+jwt (any case) and no typ; refuses any other declared type, naming it', async () => {
    const verify = createTokenVerifier({ secret, oidc: idp.config() });
    for (const typ of [undefined, 'JWT', 'jwt', 'at+jwt', 'AT+JWT', 'application/at+jwt']) {
      expect(await verify(`Bearer ${await local(typ)}`), String(typ)).toMatchObject({ organizationId: 'o' });
    }
    for (const typ of ['logout+jwt', 'secevent+jwt', 'dpop+jwt', 'id_token']) {
      expect(await verify(`Bearer ${await local(typ)}`), typ).toEqual(
        expect.objectContaining({
          code: 'UNAUTHENTICATED',
          message: `The token's type (typ "${typ}") is not an access token's.`,
        }),
      );
      const provider = await idp.sign(key, { org: 'o', roles: ['analyst'] }, { typ });
      expect(await verify(`Bearer ${provider}`), `provider ${typ}`).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    expect(
      await verify(`Bearer ${await idp.sign(key, { org: 'o', roles: ['analyst'] }, { typ: 'at+jwt' })}`),
    ).toMatchObject({ organizationId: 'o' });
  });
});
