// The share service's own checks, before and after the store: bad input is refused naming the bad
// value and writes nothing, and the store's refusals become the contract's errors. The store here is a
// script of answers; what the real one decides (recipients, owned links, revocation) is tested against
// Neo4j in test/api/shares.test.ts and test/abuse/share-recipients.test.ts.
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/policy.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { presentScope } from '../../src/domain/viewer-scope.ts';
import type { Share } from '../../src/domain/model.ts';
import type { GrantRefusal, NewShare } from '../../src/modules/sharing/share-repository.ts';
import { ShareService, type ShareInput, type ShareStore } from '../../src/modules/sharing/share-service.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const OWNER = 'o-owner';
const ADMIN: Viewer = { userId: 'u-admin', organizationId: OWNER, roles: ['supplier_admin'] };
const ANALYST: Viewer = { userId: 'u-analyst', organizationId: OWNER, roles: ['analyst'] };

const share = (overrides: Partial<Share> = {}): Share => ({
  id: 's-1',
  ownerId: OWNER,
  recipientId: 'o-recipient',
  scope: 'SOURCING',
  linkIds: null,
  disclosureIds: null,
  expiresAt: null,
  revokedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

/** A store that answers from a script and records what it was asked to write. */
function scriptedStore(answers: { grant?: Share | GrantRefusal; find?: Share | null } = {}) {
  const granted: NewShare[] = [];
  const revoked: string[] = [];
  const eventLimits: number[] = [];
  const store: ShareStore = {
    grant: async (newShare) => {
      granted.push(newShare);
      return answers.grant ?? share({ id: newShare.id, linkIds: newShare.linkIds });
    },
    find: async () => answers.find ?? null,
    revoke: async ({ id }) => {
      revoked.push(id);
      return answers.find ? { ...answers.find, revokedAt: NOW.toISOString() } : null;
    },
    given: async () => [],
    received: async () => [],
    events: async (_org, page) => {
      eventLimits.push(page.size);
      return [];
    },
  };
  return { store, granted, revoked, eventLimits };
}

const serviceFor = (viewer: Viewer, store: ShareStore) =>
  new ShareService(store, viewer, presentScope(viewer.organizationId, NOW));

const grant = (input: Partial<ShareInput>) => {
  const scripted = scriptedStore();
  const result = serviceFor(ADMIN, scripted.store).grant({
    recipientId: 'o-recipient',
    linkIds: null,
    expiresAt: null,
    ...input,
  });
  return { result, granted: scripted.granted };
};

describe('granting a share: the input checks', () => {
  it.each<[string, Partial<ShareInput>, RegExp]>([
    ['the owner as its own recipient', { recipientId: OWNER }, /recipientId must be another organization/],
    ['an empty linkIds', { linkIds: [] }, /linkIds is empty: list the links to share, or pass null/],
    [
      'more than 10,000 links',
      { linkIds: Array.from({ length: 10_001 }, (_, i) => `l-${i}`) },
      /linkIds may list at most 10000 links, got 10001/,
    ],
    ['an expiry that is not a date-time', { expiresAt: 'next Tuesday' }, /expiresAt .*"next Tuesday"/],
    ['an impossible date', { expiresAt: '2027-02-30' }, /expiresAt .*"2027-02-30"/],
    ['an expiry in the past', { expiresAt: '2026-02-28T00:00:00Z' }, /expiresAt must be in the future/],
    ['an expiry of exactly now', { expiresAt: NOW.toISOString() }, /expiresAt must be in the future/],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, input, message) => {
    const { result, granted } = grant(input);
    await expect(result).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(message),
    });
    expect(granted).toEqual([]);
  });

  it('passes null linkIds on as "every link", and a future expiry as an instant', async () => {
    const { result, granted } = grant({ linkIds: null, expiresAt: '2026-04-01T00:00:00+02:00' });
    await result;
    expect(granted).toEqual([
      expect.objectContaining({
        ownerId: OWNER,
        recipientId: 'o-recipient',
        linkIds: null,
        expiresAt: new Date('2026-03-31T22:00:00Z'),
        now: NOW,
        actorUserId: 'u-admin',
      }),
    ]);
    expect(granted[0]?.id).toMatch(/^s-[0-9a-f-]{36}$/);
  });

  it('counts links once: repeated ids collapse before the 10,000 limit is applied', async () => {
    const { result, granted } = grant({ linkIds: [...Array(10_000).fill('l-a'), 'l-b', 'l-a'] });
    await result;
    expect(granted[0]?.linkIds).toEqual(['l-a', 'l-b']);
  });
});

describe("granting a share: the store's refusals", () => {
  it('a recipient the owner may not name is NOT_FOUND, as a missing one is', async () => {
    const { store } = scriptedStore({ grant: { kind: 'recipient-not-found' } });
    await expect(
      serviceFor(ADMIN, store).grant({ recipientId: 'o-hidden', linkIds: null, expiresAt: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Organization "o-hidden" not found' });
  });

  it('links the owner is not the customer of are named, the first 20 and how many more', async () => {
    const notOwned = Array.from({ length: 23 }, (_, i) => `l-${i}`);
    const { store } = scriptedStore({ grant: { kind: 'links-not-owned', linkIds: notOwned } });
    const refusal = serviceFor(ADMIN, store).grant({
      recipientId: 'o-recipient',
      linkIds: notOwned,
      expiresAt: null,
    });
    const message = await refusal.then(
      () => '',
      (error: unknown) =>
        error instanceof DomainError && error.code === 'BAD_USER_INPUT' ? error.message : '',
    );
    expect(message).toMatch(
      /^linkIds must be links in which o-owner is the customer; not so for "l-0", "l-1", .*, "l-19" and 3 more$/,
    );
    expect(message).not.toContain('"l-20"');
  });
});

describe('revoking a share', () => {
  it('the owner with SUPPLIER_ADMIN revokes it', async () => {
    const { store, revoked } = scriptedStore({ find: share() });
    await expect(serviceFor(ADMIN, store).revoke('s-1')).resolves.toMatchObject({
      revokedAt: NOW.toISOString(),
    });
    expect(revoked).toEqual(['s-1']);
  });

  it.each<[string, Viewer, Share | null, string]>([
    ['a share that does not exist', ADMIN, null, 'NOT_FOUND'],
    [
      "someone else's share, which the viewer may not know of",
      ADMIN,
      share({ ownerId: 'o-other' }),
      'NOT_FOUND',
    ],
    ['a share the viewer only received', { ...ADMIN, organizationId: 'o-recipient' }, share(), 'FORBIDDEN'],
    ['its own share without SUPPLIER_ADMIN', ANALYST, share(), 'FORBIDDEN'],
  ])('refuses %s (%s) and writes nothing', async (_, viewer, found, code) => {
    const { store, revoked } = scriptedStore({ find: found });
    await expect(serviceFor(viewer, store).revoke('s-1')).rejects.toMatchObject({ code });
    expect(revoked).toEqual([]);
  });
});

describe('the share audit trail', () => {
  it.each([0, 501, 1.5, Number.NaN])(
    'refuses first %s, and the deprecated limit, naming each',
    async (size) => {
      const { store, eventLimits } = scriptedStore();
      for (const [name, call] of [
        ['first', () => serviceFor(ADMIN, store).events({ first: size })],
        ['limit', () => serviceFor(ADMIN, store).events({ first: 100, limit: size })],
      ] as const) {
        expect(call).toThrow(
          expect.objectContaining({
            code: 'BAD_USER_INPUT',
            message: `${name} must be a whole number from 1 to 500, got ${size}`,
          }),
        );
      }
      expect(eventLimits).toEqual([]);
    },
  );

  it('accepts 1 to 500, the deprecated limit counting instead of first when given', async () => {
    const { store, eventLimits } = scriptedStore();
    await serviceFor(ADMIN, store).events({ first: 1 });
    await serviceFor(ADMIN, store).events({ first: 500, after: null, limit: null });
    await serviceFor(ADMIN, store).events({ first: 100, limit: 7 });
    expect(eventLimits).toEqual([1, 500, 7]);
  });

  it.each([
    '',
    'nonsense',
    Buffer.from('["x","y"]').toString('base64url'),
    Buffer.from('[1,"a","GRANTED",2]').toString('base64url'),
  ])('refuses the cursor %j, naming it', (after) => {
    const { store, eventLimits } = scriptedStore();
    expect(() => serviceFor(ADMIN, store).events({ first: 100, after })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: `after must be the cursor of an earlier page's last item, got ${JSON.stringify(after)}`,
      }),
    );
    expect(eventLimits).toEqual([]);
  });
});
