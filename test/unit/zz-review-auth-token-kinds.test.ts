// Review (authentication): which tokens and headers the verifier takes.
//
// 1. ID tokens pass as access tokens. docs/authentication.md says Tiersight accepts the provider's
//    *access tokens*, and the Keycloak recipe creates one client `tiersight`: its ID tokens carry
//    `aud: tiersight`, the realm's issuer, and (with the mappers the recipe adds) `org` and roles. An
//    ID token is meant for the client, not for an API, and travels where access tokens do not (the
//    `id_token_hint` of a logout URL, so proxies' and browsers' histories). Keycloak marks it with
//    the claim `typ: "ID"` (access tokens: `typ: "Bearer"`); RFC 9068 access tokens have the header
//    `typ: at+jwt`. src/auth/verify-token.ts checks neither, so an ID token is a bearer credential.
//
// 2. The authentication scheme is case-insensitive (RFC 9110 section 11.1; RFC 6750 uses the same
//    syntax). Clients that build the header from the token response's `token_type` send `bearer`
//    when the provider answers it in lower case (several do). The header pattern in verify-token.ts
//    only matches `Bearer` followed by exactly one space, and calls the rest malformed.
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
    // Today: verified as supplier_admin of se-region-stockholm.
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
      // Today: 'Malformed Authorization header; expected "Bearer <token>".'
      expect(await verify(`${scheme} ${token}`), scheme).toMatchObject({ organizationId: 'v' });
    }
  });
});
