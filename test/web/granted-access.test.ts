// A grant may link two identical active shares (an import held both): the request then says what access
// it gives once per scope and standing, not "to sourcing and sourcing", and while either holds, that
// access holds (found by adv39's review).
import { describe, expect, it } from 'vitest';
import { grantedAccess } from '../../web/src/granted-access.ts';

const share = { scope: 'SOURCING' as const, expiresAt: null, revokedAt: null, active: true };

describe('a request granted with two identical shares', () => {
  it('says the access once while both hold', () => {
    expect(grantedAccess('SOURCING', [share, share])).toBe('Access with no end date.');
    expect(grantedAccess('BOTH', [share, share, { ...share, scope: 'DISCLOSURES' }])).toBe(
      'Access to sourcing and disclosures with no end date.',
    );
  });

  it('says that one was revoked and the other still holds', () => {
    const revoked = { ...share, revokedAt: '2026-12-05T10:00:00.000Z', active: false };
    expect(grantedAccess('SOURCING', [revoked, share])).toBe(
      'Access to sourcing ended: revoked 2026-12-05; to sourcing with no end date.',
    );
  });
});
