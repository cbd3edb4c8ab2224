// Who may do what (specification, section 3), as pure functions of the verified viewer so that they can
// be unit-tested without a server. Per-organization visibility is not decided here: it is part of every
// Cypher traversal (see src/graph/visibility-cypher.ts).
import type { Role } from '../domain/roles.ts';

export interface Viewer {
  userId: string;
  organizationId: string;
  roles: readonly Role[];
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

const hasRole = (viewer: Viewer, role: Role) => viewer.roles.includes(role);

/** Reading the viewer organization's own view: every role may. */
export function canRead(viewer: Viewer): Decision {
  return viewer.roles.length > 0 ? allow : deny('The token grants no role.');
}

/**
 * A change that only the viewer organization's supplier_admin may make: refused in words that say what
 * needed the role and whose role it is, so that a user knows what it was refused.
 */
const supplierAdmin =
  (change: string, of: string) =>
  (viewer: Viewer): Decision =>
    hasRole(viewer, 'supplier_admin') ? allow : deny(`${change} requires the supplier_admin role of ${of}.`);

/** Granting and revoking shares of the viewer's organization. */
export const canManageShares = supplierAdmin('Granting and revoking shares', 'the owning organization');

/** Publishing, updating and withdrawing the viewer organization's disclosures and their actions. */
export const canManageDisclosures = supplierAdmin(
  'Publishing, updating and withdrawing disclosures',
  'the publishing organization',
);

/** Declaring, amending and ending links of the viewer's own sourcing. */
export const canManageSourcing = supplierAdmin('Declaring, amending and ending supply links', 'the customer');

/**
 * Recording, withdrawing and erasing the findings of the viewer's organization (a MONITOR: the service
 * checks recording).
 * Listing them (findingsRecorded) is a read of its own records, open to every role as its other lists are.
 */
export const canManageFindings = supplierAdmin(
  'Recording, withdrawing and erasing findings',
  'the monitor organization',
);

/** Listing the viewer's organization in the directory. */
export const canManageListing = supplierAdmin(
  'Listing an organization in the directory',
  'that organization',
);

/**
 * Listing an organization: only its own supplier_admin (canManageListing), so an organizationId other
 * than the viewer's own is refused whatever it names, and the refusal tells nothing about it.
 */
export function canListOrganization(viewer: Viewer, organizationId: string | null | undefined): Decision {
  if (organizationId !== null && organizationId !== undefined && organizationId !== viewer.organizationId)
    return deny('Only a supplier_admin of an organization may list it: organizationId must be your own.');
  return canManageListing(viewer);
}

/** Answering access requests sent to the viewer's organization. */
export const canAnswerAccessRequests = supplierAdmin('Answering access requests', 'the organization asked');

/** Erasing the texts the viewer's organization wrote on its closed access requests (sent or received). */
export const canEraseAccessRequestTexts = supplierAdmin(
  "Erasing an access request's texts",
  'the organization that wrote them',
);

/**
 * A customer's audit trail of its own links: the customer itself, or a platform_admin. Anyone else is
 * refused whatever the organization named, so the refusal tells nothing about it.
 */
export function canReadSourcingTrail(viewer: Viewer, customerId: string): Decision {
  if (customerId === viewer.organizationId || hasRole(viewer, 'platform_admin')) return canRead(viewer);
  return deny('Only the customer itself (or a platform_admin) may read the audit trail of its sourcing.');
}

/**
 * Whether the viewer may know which user acted for `actingOrganizationId` in a trail: a user id (a
 * token's `sub`, often an e-mail address or an identity provider's id) is its own organization's
 * business, and a platform_admin's; the other party of a share or a request sees the organization.
 */
export const mayKnowActingUser = (viewer: Viewer, actingOrganizationId: string): boolean =>
  actingOrganizationId === viewer.organizationId || hasRole(viewer, 'platform_admin');

/**
 * Reviewing watch-list screening candidates (confirm or reject): screening_admin or platform_admin.
 * Screening runs over the whole platform, so the role is not tied to the token's organization.
 */
export function canReviewScreening(viewer: Viewer): Decision {
  return hasRole(viewer, 'screening_admin') || hasRole(viewer, 'platform_admin')
    ? allow
    : deny('Reviewing screening matches requires the screening_admin or platform_admin role.');
}

/** Repairs of the whole store, such as merging duplicate organizations: platform_admin only. */
export function canAdministerPlatform(viewer: Viewer): Decision {
  return hasRole(viewer, 'platform_admin')
    ? allow
    : deny('Merging organizations requires the platform_admin role.');
}

/**
 * A share may be revoked only by a supplier_admin of its owner. The recipient can see the share (so
 * it is told FORBIDDEN); anyone else is told NOT_FOUND, exactly as for a share that does not exist.
 */
export function canRevoke(
  viewer: Viewer,
  share: { ownerId: string; recipientId: string },
): Decision | 'NOT_FOUND' {
  if (share.ownerId === viewer.organizationId) return canManageShares(viewer);
  if (share.recipientId === viewer.organizationId) return deny('Only the owner of a share can revoke it.');
  return 'NOT_FOUND';
}
