// When a disclosed audit report or certificate counts as evidence, in one place: exposure's
// EXPIRED_EVIDENCE, the risk model's relief and its ASK_FOR_AUDIT / RENEW_EVIDENCE actions all ask it.
import type { StoredVersion } from './disclosures.ts';
import type { DisclosureKind } from './format.ts';

/** The kinds whose validity makes them evidence that holds or expires. */
const EVIDENCE_KINDS: readonly DisclosureKind[] = ['AUDIT_REPORT', 'CERTIFICATE'];

export const isEvidence = (kind: DisclosureKind): boolean => EVIDENCE_KINDS.includes(kind);

/**
 * Issued by `at`: evidence issued later did not exist then, even when its disclosure was recorded
 * ahead of it (an import can do that), and an assessment as of that day must not count it.
 */
export const issuedBy = (version: StoredVersion, at: Date): boolean => new Date(version.issuedAt) <= at;

/** Valid at `at`: issued by then, and without a validity or valid until `at` or later. */
export const validAt = (version: StoredVersion, at: Date): boolean =>
  issuedBy(version, at) && (version.validUntil === null || new Date(version.validUntil) >= at);
