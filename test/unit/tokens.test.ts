import { describe, expect, it } from 'vitest';
import { parseTtl, signToken } from '../../src/auth/tokens.ts';
import { verifyToken } from '../../src/auth/verify-token.ts';

const secret = 'unit-test-secret-with-at-least-32-chars';
const key = new TextEncoder().encode(secret);

describe('tokens', () => {
  it('parses lifetimes', () => {
    expect([parseTtl('90s'), parseTtl('15m'), parseTtl('1h'), parseTtl('7d')]).toEqual([
      90, 900, 3600, 604_800,
    ]);
    expect([parseTtl('1y'), parseTtl('0h'), parseTtl('h'), parseTtl('400d')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('round-trips the contract claims', async () => {
    const token = await signToken(
      { sub: 'u1', org: 'se-atea', roles: ['analyst', 'supplier_admin'] },
      secret,
      60,
    );
    expect(await verifyToken(`Bearer ${token}`, key)).toEqual({
      userId: 'u1',
      organizationId: 'se-atea',
      roles: ['analyst', 'supplier_admin'],
    });
  });

  it('says what is wrong', async () => {
    const expired = await signToken(
      { sub: 'u', org: 'o', roles: ['analyst'] },
      secret,
      1,
      new Date(Date.now() - 3_600_000),
    );
    expect(await verifyToken(`Bearer ${expired}`, key)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has expired.',
    });
    expect(await verifyToken(undefined, key)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('Missing'),
    });
    expect(await verifyToken('Bearer a b', key)).toMatchObject({
      message: expect.stringContaining('Malformed'),
    });
  });
});
