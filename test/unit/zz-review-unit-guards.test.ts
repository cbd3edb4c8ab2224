// Review (vacuous4): guards that the unit tests of src/auth and src/api left open. Each test passes on
// the product and fails under the mutation named beside it, which every existing unit test let through.
import { SignJWT } from 'jose';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, noSubscriptions, operationLimits } from '../../src/api/limits.ts';
import { ClientLimits } from '../../src/api/http/rate-limit.ts';
import { buildSchema } from '../../src/app/schema.ts';
import { canAdministerPlatform, canReadSourcingTrail, type Viewer } from '../../src/auth/policy.ts';
import { createTokenVerifier } from '../../src/auth/verify-token.ts';
import {
  makeKey,
  startTestIdentityProvider,
  type TestIdentityProvider,
  type TestKey,
} from '../support/identity-provider.ts';
import type { Role } from '../../src/domain/roles.ts';

const secret = 'unit-test-secret-with-at-least-32-chars';

describe('the token header type (docs/authentication.md, "Access tokens only")', () => {
  // Mutation A1: the `typ` header check of src/auth/verify-token.ts removed. No test sent a header typ
  // other than JWT, so every token type was accepted and all passed.
  let idp: TestIdentityProvider;
  let key: TestKey;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    key = await makeKey('kc-typ');
    idp.publish([key]);
  });
  afterAll(() => idp.close());

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

describe('policies that test/unit/policy.test.ts does not name', () => {
  const viewer = (...roles: Role[]): Viewer => ({ userId: 'u', organizationId: 'me', roles });
  // Mutation P1: canReadSourcingTrail allows everyone with a role.
  it('the sourcing trail: the customer itself or a platform_admin, no one else whatever their role', () => {
    expect(canReadSourcingTrail(viewer('analyst'), 'me')).toEqual({ allowed: true });
    expect(canReadSourcingTrail(viewer('platform_admin'), 'them')).toEqual({ allowed: true });
    expect(canReadSourcingTrail(viewer(), 'me')).toMatchObject({ allowed: false });
    for (const role of ['analyst', 'supplier_admin', 'screening_admin'] as const) {
      expect(canReadSourcingTrail(viewer(role), 'them'), role).toEqual({
        allowed: false,
        reason: 'Only the customer itself (or a platform_admin) may read the audit trail of its sourcing.',
      });
    }
  });
  // Mutation P2: canAdministerPlatform also allows a supplier_admin.
  it('platform repairs (merging): platform_admin only', () => {
    expect(canAdministerPlatform(viewer('platform_admin'))).toEqual({ allowed: true });
    for (const role of ['analyst', 'supplier_admin', 'screening_admin'] as const) {
      expect(canAdministerPlatform(viewer(role)), role).toEqual({
        allowed: false,
        reason: 'Merging organizations requires the platform_admin role.',
      });
    }
  });
});

describe('supply chains walked from inside fragments', () => {
  // Mutation S4: src/api/operation-size.ts drops the traversals of a named fragment. The limit tests
  // put every walk in the operation's own selection set, so six chains in fragments went through.
  const schema = buildSchema();
  const refusals = (document: string) =>
    validate(schema, parse(document, { maxTokens: LIMITS.maxTokens }), [
      noSubscriptions,
      operationLimits,
    ]).map((error) => error.message);
  const chains = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `c${from + i}: supplyChain { depth }`).join(' ');

  it('counts the walks in named and inline fragments, and in fragments spread by fragments', () => {
    const tooMany = 'Query asks for more than 5 supply chains.';
    expect(refusals(`{ ...A } fragment A on Query { ${chains(0, 5)} }`)).toEqual([]);
    expect(refusals(`{ ...A } fragment A on Query { ${chains(0, 6)} }`)).toEqual([tooMany]);
    expect(refusals(`{ ${chains(0, 3)} ...A } fragment A on Query { ${chains(3, 6)} }`)).toEqual([tooMany]);
    expect(
      refusals(
        `{ ...A ...B } fragment A on Query { ${chains(0, 3)} } fragment B on Query { ${chains(3, 6)} }`,
      ),
    ).toEqual([tooMany]);
    expect(
      refusals(`{ ...A } fragment A on Query { ...B ...B } fragment B on Query { ${chains(0, 3)} }`),
    ).toEqual([tooMany]);
    expect(refusals(`{ ... on Query { ${chains(0, 6)} } }`)).toEqual([tooMany]);
  });
});

describe('the wait a rate-limited client is told', () => {
  // Mutation R2: Retry-After always 1 s. The tests only match /^[1-9]\d*$/, so a client told to come
  // back in 1 s when the window frees in 30 s passed them.
  it('is the time until the window frees, in whole seconds', async () => {
    const limits = new ClientLimits({
      perTokenPerSecond: 1,
      perAddressPerSecond: 1,
      windowSeconds: 30,
      concurrentPerToken: 0,
    });
    for (let i = 0; i < 30; i++) expect(await limits.admitToken('k')).toBeNull();
    const wait = await limits.admitToken('k');
    expect(wait).toBeGreaterThanOrEqual(29);
    expect(wait).toBeLessThanOrEqual(30);
    for (let i = 0; i < 30; i++) expect(await limits.admitAnonymous('192.0.2.1')).toBeNull();
    expect(await limits.admitAnonymous('192.0.2.1')).toBeGreaterThanOrEqual(29);
  });
});
