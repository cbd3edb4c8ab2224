import { describe, expect, it } from 'vitest';
import {
  canAdministerPlatform,
  canAnswerAccessRequests,
  canEraseAccessRequestTexts,
  canListOrganization,
  canManageDisclosures,
  canManageFindings,
  canManageListing,
  canManageShares,
  canManageSourcing,
  canRead,
  canReadSourcingTrail,
  canReviewScreening,
  canRevoke,
  mayKnowActingUser,
  type Viewer,
} from '../../src/auth/policy.ts';
import type { Role } from '../../src/domain/roles.ts';

const viewer = (...roles: Role[]): Viewer => ({ userId: 'u', organizationId: 'me', roles });

describe('policy', () => {
  it('any role reads its own view; no role reads nothing', () => {
    for (const role of ['analyst', 'supplier_admin', 'platform_admin', 'screening_admin'] as const) {
      expect(canRead(viewer(role)).allowed).toBe(true);
    }
    expect(canRead(viewer())).toEqual({ allowed: false, reason: 'The token grants no role.' });
  });

  it.each([
    [
      canManageShares,
      'Granting and revoking shares requires the supplier_admin role of the owning organization.',
    ],
    [
      canManageDisclosures,
      'Publishing, updating and withdrawing disclosures requires the supplier_admin role of the publishing organization.',
    ],
    [
      canManageSourcing,
      'Declaring, amending and ending supply links requires the supplier_admin role of the customer.',
    ],
    [
      canManageListing,
      'Listing an organization in the directory requires the supplier_admin role of that organization.',
    ],
    [
      canManageFindings,
      'Recording, withdrawing and erasing findings requires the supplier_admin role of the monitor organization.',
    ],
    [
      canAnswerAccessRequests,
      'Answering access requests requires the supplier_admin role of the organization asked.',
    ],
    [
      canEraseAccessRequestTexts,
      "Erasing an access request's texts requires the supplier_admin role of the organization that wrote them.",
    ],
  ])('only supplier_admin makes its organization’s changes, refused saying which: %#', (decide, reason) => {
    expect(decide(viewer('supplier_admin')).allowed).toBe(true);
    expect(decide(viewer('analyst', 'platform_admin', 'screening_admin'))).toEqual({
      allowed: false,
      reason,
    });
  });

  it('screening_admin and platform_admin review screening candidates', () => {
    expect(canReviewScreening(viewer('screening_admin')).allowed).toBe(true);
    expect(canReviewScreening(viewer('platform_admin')).allowed).toBe(true);
    expect(canReviewScreening(viewer('analyst', 'supplier_admin'))).toEqual({
      allowed: false,
      reason: 'Reviewing screening matches requires the screening_admin or platform_admin role.',
    });
  });

  it("listing: only the organization's own supplier_admin, whatever other organization is named", () => {
    const admin = viewer('supplier_admin');
    expect(canListOrganization(admin, admin.organizationId)).toEqual({ allowed: true });
    expect(canListOrganization(admin, null)).toEqual({ allowed: true });
    expect(canListOrganization(admin, 'someone-else')).toEqual({
      allowed: false,
      reason: 'Only a supplier_admin of an organization may list it: organizationId must be your own.',
    });
    expect(canListOrganization(viewer('analyst'), null)).toMatchObject({ allowed: false });
  });

  it("revoking: the owner's supplier_admin may; the recipient is refused; anyone else is told NOT_FOUND", () => {
    const own = { ownerId: 'me', recipientId: 'them' };
    const received = { ownerId: 'them', recipientId: 'me' };
    const foreign = { ownerId: 'them', recipientId: 'others' };
    expect(canRevoke(viewer('supplier_admin'), own)).toEqual({ allowed: true });
    expect(canRevoke(viewer('analyst'), own)).toMatchObject({ allowed: false });
    expect(canRevoke(viewer('supplier_admin'), received)).toMatchObject({ allowed: false });
    expect(canRevoke(viewer('supplier_admin'), foreign)).toBe('NOT_FOUND');
  });

  it("names the acting user to the user's own organization and to a platform_admin only", () => {
    expect(mayKnowActingUser(viewer('analyst'), 'me')).toBe(true);
    expect(mayKnowActingUser(viewer('supplier_admin'), 'them')).toBe(false);
    expect(mayKnowActingUser(viewer('platform_admin'), 'them')).toBe(true);
  });
});

describe('the sourcing trail and platform repairs', () => {
  const viewer = (...roles: Role[]): Viewer => ({ userId: 'u', organizationId: 'me', roles });
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
