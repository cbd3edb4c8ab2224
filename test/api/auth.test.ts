// Abuse of authentication and roles (specification, section 3): every bad token is UNAUTHENTICATED with
// no data; a valid token with the wrong role is FORBIDDEN.
import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes, TEST_SECRET } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const secret = new TextEncoder().encode(TEST_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const ME = '{ me { organization { id } roles } }';

const sign = (claims: Record<string, unknown>, alg = 'HS256', key: Uint8Array = secret) =>
  new SignJWT(claims).setProtectedHeader({ alg }).sign(key);

beforeAll(async () => {
  await loadGraph(t.db, graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build());
});

describe('bad tokens are UNAUTHENTICATED with no data', () => {
  const valid = { sub: 'u', org: 'v', roles: ['analyst'] };
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['not a Bearer header', async () => 'Basic dXNlcjpwYXNz'],
    ['garbage token', async () => 'Bearer not.a.jwt'],
    [
      'bad signature',
      async () =>
        `Bearer ${await sign({ ...valid, exp: now() + 60 }, 'HS256', new TextEncoder().encode('x'.repeat(40)))}`,
    ],
    ['expired', async () => `Bearer ${await sign({ ...valid, exp: now() - 3600 })}`],
    ['no exp', async () => `Bearer ${await sign(valid)}`],
    ['alg none', async () => `Bearer ${new UnsecuredJWT({ ...valid, exp: now() + 60 }).encode()}`],
    ['HS512 instead of HS256', async () => `Bearer ${await sign({ ...valid, exp: now() + 60 }, 'HS512')}`],
    [
      'organization that does not exist',
      async () => `Bearer ${await sign({ ...valid, org: 'ghost', exp: now() + 60 })}`,
    ],
    [
      'roles not an array of known roles',
      async () => `Bearer ${await sign({ ...valid, roles: ['root'], exp: now() + 60 })}`,
    ],
    ['no org claim', async () => `Bearer ${await sign({ sub: 'u', roles: ['analyst'], exp: now() + 60 })}`],
    [
      'issued in the future (iat)',
      async () => `Bearer ${await sign({ ...valid, iat: now() + 3600, exp: now() + 7200 })}`,
    ],
    [
      'lifetime over the 24 h maximum',
      async () => `Bearer ${await sign({ ...valid, iat: now(), exp: now() + 90 * 86_400 })}`,
    ],
    [
      'injection in org',
      async () => `Bearer ${await sign({ ...valid, org: "v' OR 1=1 //", exp: now() + 60 })}`,
    ],
  ];

  it.each(cases)('%s', async (_name, header) => {
    const authorization = await header();
    const response = await t.api.query(authorization === undefined ? {} : { authorization }, ME);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeUndefined();
    expect(response.status).toBe(401);
  });

  it('accepts a token whose exp passed within the clock tolerance', async () => {
    const response = await t.api.query(
      { authorization: `Bearer ${await sign({ ...valid, exp: now() - 5 })}` },
      ME,
    );
    expect(response.data).toEqual({ me: { organization: { id: 'v' }, roles: ['ANALYST'] } });
  });
});

describe('roles', () => {
  it('any role reads its own view', async () => {
    for (const role of ['analyst', 'supplier_admin', 'platform_admin'] as const) {
      const response = await t.api.query('v', ME, {}, [role]);
      expect(response.errors).toBeUndefined();
    }
  });

  it('a token with no role is FORBIDDEN', async () => {
    const response = await t.api.query('v', ME, {}, []);
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('an analyst may not share or revoke', async () => {
    const share = await t.api.query('v', 'mutation { shareSourcing(recipientId: "s") { id } }', {}, [
      'analyst',
    ]);
    expect(codes(share)).toEqual(['FORBIDDEN']);
    const revoke = await t.api.query('v', 'mutation { revokeShare(id: "x") { id } }', {}, ['platform_admin']);
    expect(codes(revoke)).toEqual(['FORBIDDEN']);
  });
});
