// Every record that names one user id (a token's `sub`), for the operator who answers a data subject's
// access request (docs/privacy.md): read-only, over the whole store, whatever any organization shares.
// The audit trails keep user ids for as long as the records they belong to; this says where they are
// without changing any of them.
import { cypher, statement } from '../graph/cypher.ts';
import { column, fields, instant, list, nullable, oneOf, text } from '../graph/decode.ts';
import type { Executor } from '../graph/executor.ts';

/** The places a user id is recorded, one per property that holds one (docs/data-model.md). */
export const USER_RECORD_KINDS = [
  'SHARE_EVENT',
  'SUPPLY_LINK_EVENT',
  'ACCESS_REQUEST_EVENT',
  'DISCLOSURE_VERSION',
  'DISCLOSURE_WITHDRAWAL',
  'DISCLOSURE_REDACTION',
  'FINDING_RECORDED',
  'FINDING_WITHDRAWN',
  'FINDING_REDACTION',
  'SCREENING_DECISION',
  'MERGE',
] as const;
export type UserRecordKind = (typeof USER_RECORD_KINDS)[number];

/** One record naming the user: what it is, which record, what the user did, when, and for whom. */
export interface UserRecord {
  kind: UserRecordKind;
  /** The record's id: a share, link, access request, disclosure, finding, candidate or merged id. */
  recordId: string;
  /** What the user did (GRANTED, DECLARED, version 2, CONFIRMED, …). */
  action: string;
  at: string;
  /** The organization the user acted for, where the record keeps it. */
  organizationId: string | null;
  /** The organizations the record is between or about (owner and recipient, requester and target, …). */
  parties: string[];
}

// Each branch matches its label by the user id property, which has no index: a label scan, as
// suits a command run now and then (a few seconds for a million events). A party that a record no
// longer reaches (a trail kept after its organization was merged away) is left out, not invented.
const ACTIVITY = statement(
  'userActivity.records',
  cypher`CALL () {
  MATCH (e:ShareEvent {actorUserId: $userId})-[:OF]->(s:Share)
  RETURN 'SHARE_EVENT' AS kind, s.id AS recordId, e.action AS action, e.at AS at,
         e.actorOrganizationId AS organizationId,
         [(owner:Organization)-[:GRANTED]->(s) | owner.id] + [(s)-[:TO]->(recipient:Organization) | recipient.id] AS parties
  UNION ALL
  MATCH (e:SupplyLinkEvent {actorUserId: $userId})
  RETURN 'SUPPLY_LINK_EVENT' AS kind, e.linkId AS recordId, e.action AS action, e.at AS at,
         e.actorOrganizationId AS organizationId,
         [(customer:Organization)-[:SOURCING_EVENT]->(e) | customer.id] AS parties
  UNION ALL
  MATCH (e:AccessRequestEvent {actorUserId: $userId})-[:OF]->(r:AccessRequest)
  RETURN 'ACCESS_REQUEST_EVENT' AS kind, r.id AS recordId, e.action AS action, e.at AS at,
         e.actorOrganizationId AS organizationId,
         [(requester:Organization)-[:REQUESTED]->(r) | requester.id] + [(r)-[:OF]->(target:Organization) | target.id] AS parties
  UNION ALL
  CALL () {
    MATCH (d:Disclosure)-[:VERSION]->(dv:DisclosureVersion {actorUserId: $userId})
    RETURN d, 'DISCLOSURE_VERSION' AS kind, 'VERSION ' + toString(dv.version) AS action, dv.recordedAt AS at
    UNION ALL
    MATCH (d:Disclosure {withdrawnBy: $userId})
    RETURN d, 'DISCLOSURE_WITHDRAWAL' AS kind, 'WITHDRAWN' AS action, d.withdrawnAt AS at
    UNION ALL
    MATCH (d:Disclosure)-[:VERSION]->(dv:DisclosureVersion {redactedBy: $userId})
    RETURN d, 'DISCLOSURE_REDACTION' AS kind, 'REDACTED VERSION ' + toString(dv.version) AS action,
           dv.redactedAt AS at
  }
  WITH d, kind, action, at, [(owner:Organization)-[:PUBLISHED]->(d) | owner.id] AS owners
  RETURN kind, d.id AS recordId, action, at, head(owners) AS organizationId,
         owners + [(d)-[:ABOUT]->(subject:Organization) | subject.id] AS parties
  UNION ALL
  CALL () {
    MATCH (r:RiskIndicator {recordedByUserId: $userId})
    RETURN r, 'FINDING_RECORDED' AS kind, 'RECORDED' AS action, r.recordedAt AS at
    UNION ALL
    MATCH (r:RiskIndicator {withdrawnByUserId: $userId})
    RETURN r, 'FINDING_WITHDRAWN' AS kind, 'WITHDRAWN' AS action, r.withdrawnAt AS at
    UNION ALL
    MATCH (r:RiskIndicator {redactedByUserId: $userId})
    RETURN r, 'FINDING_REDACTION' AS kind, 'REDACTED' AS action, r.redactedAt AS at
  }
  WITH r, kind, action, at, [(monitor:Organization)-[:RECORDED]->(r) | monitor.id] AS monitors
  RETURN kind, r.id AS recordId, action, at, head(monitors) AS organizationId,
         monitors + [(about:Organization)-[:HAS_RISK]->(r) | about.id] AS parties
  UNION ALL
  MATCH (c:ScreeningCandidate {decidedByUserId: $userId})
  RETURN 'SCREENING_DECISION' AS kind, c.id AS recordId, c.status AS action, c.decidedAt AS at,
         c.decidedForOrganizationId AS organizationId,
         [(c)-[:ABOUT]->(about:Organization) | about.id] AS parties
  UNION ALL
  MATCH (m:MergedOrganization {actorUserId: $userId})
  RETURN 'MERGE' AS kind, m.id AS recordId, 'MERGED INTO ' + m.mergedInto AS action, m.mergedAt AS at,
         null AS organizationId, [m.id, m.mergedInto] AS parties
}
RETURN {kind: kind, recordId: recordId, action: action, at: at, organizationId: organizationId,
        parties: parties} AS record
ORDER BY at, kind, recordId, action`,
);

const RECORD = fields({
  kind: oneOf(USER_RECORD_KINDS),
  recordId: text,
  action: text,
  at: instant,
  organizationId: nullable(text),
  parties: list(text),
});

export class UserActivityRepository {
  constructor(private readonly executor: Executor) {}

  /** Every record naming `userId` exactly (ids are compared as stored: case and spaces count), oldest first. */
  async records(userId: string): Promise<UserRecord[]> {
    const rows = await this.executor.read(ACTIVITY, { userId });
    return rows.map((row) => column(row, 'record', RECORD));
  }
}
