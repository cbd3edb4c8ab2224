import { decodeJwt, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as tokenCommand } from '../../src/cli/commands/token.ts';
import { formatTtl, parseTtl, signToken } from '../../src/auth/tokens.ts';
import { createTokenVerifier } from '../../src/auth/verify-token.ts';

const secret = 'unit-test-secret-with-at-least-32-chars';
const verify = createTokenVerifier({ secret });
const now = () => Math.floor(Date.now() / 1000);
const claims = { sub: 'u', org: 'o', roles: ['analyst'] };
const hs256 = (times: { iat?: number; exp: number }) =>
  new SignJWT({ ...claims, ...times })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('tokens', () => {
  it('parses and prints lifetimes', () => {
    expect([parseTtl('90s'), parseTtl('15m'), parseTtl('1h'), parseTtl('7d')]).toEqual([
      90, 900, 3600, 604_800,
    ]);
    expect([parseTtl('1y'), parseTtl('0h'), parseTtl('h'), parseTtl('400d')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect([formatTtl(86_400), formatTtl(5_400), formatTtl(90)]).toEqual(['1d', '90m', '90s']);
  });

  it('round-trips the contract claims', async () => {
    const token = await signToken(
      { sub: 'u1', org: 'se-atea', roles: ['analyst', 'supplier_admin'] },
      secret,
      60,
    );
    expect(await verify(`Bearer ${token}`)).toEqual({
      principal: JSON.stringify(['local', 'u1', 'se-atea']),
      userId: 'u1',
      organizationId: 'se-atea',
      roles: ['analyst', 'supplier_admin'],
      expiresAt: decodeJwt(token).exp,
    });
  });

  it('says what is wrong', async () => {
    const expired = await signToken(
      { sub: 'u', org: 'o', roles: ['analyst'] },
      secret,
      1,
      new Date(Date.now() - 3_600_000),
    );
    expect(await verify(`Bearer ${expired}`)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has expired.',
    });
    expect(await verify(undefined)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('Missing'),
    });
    expect(await verify('Bearer a b')).toMatchObject({
      message: expect.stringContaining('Malformed'),
    });
  });
});

describe('token times (issue 8)', () => {
  it('refuses a token issued in the future, beyond the 30 s clock tolerance', async () => {
    expect(await verify(`Bearer ${await hs256({ iat: now() + 3600, exp: now() + 7200 })}`)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token is issued in the future (iat).',
    });
    expect(await verify(`Bearer ${await hs256({ iat: now() + 10, exp: now() + 600 })}`)).toMatchObject({
      organizationId: 'o',
    });
  });

  it('refuses a lifetime over the maximum (24 h unless configured), with or without iat', async () => {
    const tooLong = { code: 'UNAUTHENTICATED', message: expect.stringContaining('longer than the 1d') };
    expect(await verify(`Bearer ${await hs256({ iat: now(), exp: now() + 86_401 })}`)).toMatchObject(tooLong);
    expect(await verify(`Bearer ${await hs256({ exp: now() + 30 * 86_400 })}`)).toMatchObject(tooLong);
    expect(await verify(`Bearer ${await hs256({ iat: now(), exp: now() + 86_400 })}`)).toMatchObject({
      organizationId: 'o',
    });
    const strict = createTokenVerifier({ secret, maxLifetimeSeconds: 900 });
    expect(await strict(`Bearer ${await hs256({ iat: now(), exp: now() + 3600 })}`)).toMatchObject({
      message: expect.stringContaining('longer than the 15m'),
    });
  });

  it('`tiersight token` mints no token longer than JWT_MAX_LIFETIME', async () => {
    vi.stubEnv('JWT_SECRET', secret);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const args = ['--org', 'o', '--role', 'analyst', '--ttl'];
    await expect(tokenCommand([...args, '7d'])).rejects.toThrow(
      'token: --ttl 7d is longer than the 1d that the API accepts (JWT_MAX_LIFETIME)',
    );
    vi.stubEnv('JWT_MAX_LIFETIME', '2h');
    await expect(tokenCommand([...args, '3h'])).rejects.toThrow(/longer than the 2h/);
    await tokenCommand([...args, '2h']);
    const printed = vi.mocked(console.log).mock.calls[0]?.[0];
    expect(
      await createTokenVerifier({ secret, maxLifetimeSeconds: 7200 })(`Bearer ${printed}`),
    ).toMatchObject({
      organizationId: 'o',
    });
  });
});
