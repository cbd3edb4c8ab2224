// Signing in through an identity provider, over HTTP (issue 9 item 8): a provider's access token works
// like a local one once its claims are mapped, and every check that local tokens get still holds
// (UNAUTHENTICATED for an unknown organization, FORBIDDEN without a role). test/unit/oidc.test.ts covers
// the token checks one by one.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { makeKey, startTestIdentityProvider } from '../support/identity-provider.ts';

const idp = await startTestIdentityProvider();
const key = await makeKey('kc-1');
idp.publish([key]);
const t = useApi('development', {
  oidc: idp.config({
    rolesClaim: 'realm_access.roles',
    roleMap: new Map([['tiersight-buyer', ['analyst']]]),
  }),
});
const ME = '{ me { organization { id } roles } }';
const as = async (token: string) => ({ authorization: `Bearer ${token}` });
const keycloakToken = (org: string, roles: string[]) =>
  idp.sign(key, { org, realm_access: { roles: ['offline_access', ...roles] } });

beforeAll(async () => {
  await loadGraph(t.db, graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build());
});
afterAll(() => idp.close());

describe('identity provider tokens over HTTP', () => {
  it('reads the viewer’s own view with a mapped role', async () => {
    const response = await t.api.query(await as(await keycloakToken('v', ['tiersight-buyer'])), ME);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ me: { organization: { id: 'v' }, roles: ['ANALYST'] } });
  });

  it('still takes local HS256 tokens', async () => {
    expect((await t.api.query('v', ME)).data).toEqual({
      me: { organization: { id: 'v' }, roles: ['ANALYST'] },
    });
  });

  it('is UNAUTHENTICATED with no data for an organization that does not exist', async () => {
    const response = await t.api.query(await as(await keycloakToken('ghost', ['tiersight-buyer'])), ME);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeUndefined();
    expect(response.status).toBe(401);
  });

  it('is FORBIDDEN when none of the provider roles maps to a Tiersight role', async () => {
    const response = await t.api.query(await as(await keycloakToken('v', ['analyst'])), ME);
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('is UNAUTHENTICATED for an HS256 token keyed with the provider’s public key', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const forged = await new SignJWT({
      sub: 'x',
      org: 'v',
      roles: ['analyst'],
      iss: idp.issuer,
      aud: idp.audience,
      exp,
    })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .sign(new TextEncoder().encode(key.publicPem));
    const response = await t.api.query(await as(forged), ME);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.status).toBe(401);
  });
});
