// The `tiersight/v1` bulk format (specification, section 6): the shapes a file holds once it has been
// validated. Optional fields beyond the contract carry location, provenance and sources so that the
// same records can later hold evidence without a format change.

import type { AccessRequestRecord } from './access-requests.ts';

export const FORMAT_V1 = 'tiersight/v1';

/**
 * The longest free text a record of the format holds. Whatever Tiersight stores from elsewhere (a
 * watch list, an Open Supply Hub file) keeps to it too, or the store could not be exported.
 */
export const MAX_TEXT = 2_000;

export const ORGANIZATION_TYPES = [
  'PURCHASER',
  'RESELLER',
  'BRAND',
  'MANUFACTURER',
  'FACTORY',
  'MONITOR',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Where a record's claim comes from: a public document, an illustration for the demo, or a generator. */
export const PROVENANCES = ['DOCUMENTED', 'REPORTED', 'ILLUSTRATIVE', 'SYNTHETIC'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** What a share event records: the grant, or the revoke. */
export const SHARE_ACTIONS = ['GRANTED', 'REVOKED'] as const;
export type ShareAction = (typeof SHARE_ACTIONS)[number];

/** What a share discloses: links of the owner's sourcing, or the owner's disclosures (contract §8). */
export const SHARE_SCOPES = ['SOURCING', 'DISCLOSURES'] as const;
export type ShareScope = (typeof SHARE_SCOPES)[number];

export const DISCLOSURE_KINDS = [
  'SELF_ASSESSMENT',
  'AUDIT_REPORT',
  'CORRECTIVE_ACTION_PLAN',
  'IMPROVEMENT',
  'CERTIFICATE',
] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** The kinds that carry corrective actions (a plan's actions, an audit's findings). */
export const KINDS_WITH_ACTIONS: readonly DisclosureKind[] = ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT'];

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'CLOSED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const VERIFICATIONS = ['DESKTOP', 'FOLLOW_UP_AUDIT'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const RISK_KINDS = ['WATCHLIST', 'REGION', 'AUDIT_FINDING', 'REPORT'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The human-rights topics a risk indicator may be about (RiskTopic in the SDL; docs/data-model.md says
 * why this set): the labour clauses of the ETI Base Code and the RBA Code, grouped as an analyst files
 * evidence, and the environment. In the order of the words, which is how an indicator stores them.
 */
export const RISK_TOPICS = [
  'CHILD_LABOUR',
  'DISCRIMINATION',
  'ENVIRONMENT',
  'FORCED_LABOUR',
  'FREEDOM_OF_ASSOCIATION',
  'HARSH_TREATMENT',
  'HEALTH_AND_SAFETY',
  'WAGES_AND_HOURS',
] as const;
export type RiskTopic = (typeof RISK_TOPICS)[number];

/** Topics as an indicator stores them: each once, in RISK_TOPICS's (alphabetical) order. */
export const storedTopics = (topics: Iterable<RiskTopic>): RiskTopic[] => {
  const given = new Set(topics);
  return RISK_TOPICS.filter((topic) => given.has(topic));
};

/** Fields every record may carry to say where its claim comes from. */
export interface Sourced {
  provenance?: Provenance;
  /** Citations: a title, a URL, or both in one string. */
  sources?: string[];
}

export interface OrganizationRecord extends Sourced {
  id: string;
  name: string;
  type: OrganizationType;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  city?: string;
  region?: string;
  latitude?: number;
  longitude?: number;
  /** Open Supply Hub id of a production site. */
  osId?: string;
  aliases?: string[];
  /** Street address, as Open Supply Hub gives it (docs/open-supply-hub.md). */
  address?: string;
  /** Open Supply Hub's facility attributes, several values each. */
  sectors?: string[];
  productTypes?: string[];
  facilityTypes?: string[];
  processingTypes?: string[];
  parentCompanies?: string[];
  /** A head count or a range, as Open Supply Hub gives it ("1001-5000"). */
  numberOfWorkers?: string;
  /** Open Supply Hub reports the facility closed. */
  closed?: boolean;
  /**
   * Any owner may name it as a share recipient, whether or not the owner may look it up (monitors such
   * as Electronics Watch). Issue 13's public directory will generalise this.
   */
  listed?: boolean;
  /**
   * When it was last listed (setListing records it; a transaction time, so not after the import).
   * Default for an organization an import lists: the import's instant; only for a listed organization.
   */
  listedAt?: string;
}

export interface LinkRecord extends Sourced {
  id: string;
  /** Organization id of the supplier (T in "T supplies C"). */
  supplier: string;
  /** Organization id of the customer (C). */
  customer: string;
  products: string[];
  /** ISO 8601 date or date-time; the link holds from this instant (inclusive). */
  validFrom?: string | null;
  /** ISO 8601 date or date-time; the link holds until this instant (exclusive). */
  validTo?: string | null;
  /**
   * When the link was first recorded (transaction time, not validity), if earlier than the import:
   * e.g. when the system it was exported from recorded it. Defaults to the import's instant.
   */
  recordedAt?: string | null;
  /** An amendment ended this link and link `supersededBy` holds from then on (specification, section 9). */
  supersededBy?: string | null;
  /**
   * The link's audit trail (declared, amended, ended through the API). Absent or null: the trail in
   * the database is left as it is; a list (even an empty one) replaces it. `tiersight export` writes
   * it for links that have one, so that a restore keeps the trail.
   */
  events?: SupplyLinkEventRecord[] | null;
}

export const SUPPLY_LINK_ACTIONS = ['DECLARED', 'AMENDED', 'ENDED'] as const;
export type SupplyLinkAction = (typeof SUPPLY_LINK_ACTIONS)[number];

/** A link's terms as an audit event records them. */
export interface SupplyLinkState {
  supplierId: string;
  products: string[];
  validFrom: string | null;
  validTo: string | null;
}

/**
 * One entry of a link's audit trail (specification, section 9): who declared, amended or ended it,
 * when, and its terms before and after. It belongs to the trail of the link's customer.
 */
export interface SupplyLinkEventRecord {
  action: SupplyLinkAction;
  at: string;
  /** The `sub` of the token that made the change. */
  actorUserId: string;
  actorOrganizationId: string;
  /** AMENDED: the link that holds from then on. */
  successorId?: string | null;
  /** DECLARED: whether the declaration created the supplier's record. */
  supplierCreated?: boolean | null;
  /** AMENDED and ENDED: the terms before the change. */
  before?: SupplyLinkState | null;
  after: SupplyLinkState;
}

/**
 * A duplicate organization merged into another (`mergeOrganizations`): its id resolves to `into` in
 * every lookup that was allowed before. No organization may have its id.
 */
export interface MergeRecord {
  /** The merged organization's former id. */
  id: string;
  /** The organization the id resolves to now (the kept one, or where that was merged in turn). */
  into: string;
  /** The organization this merge kept. */
  mergedInto: string;
  /** The merged record's name, for the operator. */
  name: string;
  mergedAt: string;
  /** The `sub` of the token that merged. */
  actorUserId: string;
  /** Whole shares the merge froze to the links or disclosures they covered then (docs/data-model.md). */
  frozenShareIds: string[];
}

export interface ShareRecord {
  id: string;
  owner: string;
  recipient: string;
  /** What the share discloses; SOURCING when the file leaves it out. */
  scope?: ShareScope;
  /** SOURCING: null for every link in which the owner is the customer, now and later. Null for DISCLOSURES. */
  linkIds: string[] | null;
  /** DISCLOSURES: null (or absent) for every disclosure of the owner, now and later. Null for SOURCING. */
  disclosureIds?: string[] | null;
  expiresAt?: string | null;
  revokedAt?: string | null;
  /** When the share was granted, which is also when it was recorded; defaults to the import's instant. */
  createdAt?: string | null;
  /**
   * The share's audit trail. Absent or null: the trail in the database is left as it is; a list
   * (even an empty one) replaces it. `tiersight export` writes it so that a restore keeps the trail.
   */
  events?: ShareEventRecord[] | null;
}

/** One entry of a share's audit trail: who granted or revoked it, and when. */
export interface ShareEventRecord {
  action: ShareAction;
  at: string;
  /** The `sub` of the token that made the change. */
  actorUserId: string;
  actorOrganizationId: string;
}

export interface RiskRecord {
  id: string;
  organization: string;
  kind: RiskKind;
  source: string;
  severity: Severity;
  description?: string | null;
  evidenceUrl?: string | null;
  observedAt?: string | null;
  /** When the indicator was first recorded, if earlier than the import (see LinkRecord.recordedAt). */
  recordedAt?: string | null;
  /** What it is about (storedTopics); absent or empty: not classified. */
  topics?: RiskTopic[];
  /** For an indicator `tiersight screen --apply` recorded: the watch list's own id of the entry. */
  listEntryId?: string;
  /** When the entry left its watch list; the indicator is kept but no longer a finding from then on. */
  delistedAt?: string;
  /**
   * A monitor's finding (recordFinding): the MONITOR organization that recorded it and its user (token
   * `sub`); both or neither.
   */
  recordedBy?: string;
  recordedByUserId?: string;
  /** When its monitor withdrew the finding, and which user did: it no longer counts from then on. */
  withdrawnAt?: string;
  withdrawnByUserId?: string;
  /** When its monitor erased a withdrawn finding's texts (redactFinding), and which user did. */
  redactedAt?: string;
  redactedByUserId?: string;
}

/** A corrective action of a disclosure version (specification, section 2, rule 8). */
export interface DisclosureActionRecord {
  id: string;
  finding: string;
  severity: Severity;
  action: string;
  dueAt: string;
  status: ActionStatus;
  verification: Verification | null;
  closedAt: string | null;
}

/** The content of one version of a disclosure, and when and by whom it was recorded. */
export interface DisclosureVersionRecord {
  title: string;
  summary: string | null;
  issuer: string | null;
  standard: string | null;
  /** Empty: every product. */
  products: string[];
  issuedAt: string;
  validUntil: string | null;
  documentUrl: string | null;
  /** 64 hexadecimal digits, in lower case once read. */
  documentSha256: string | null;
  actions: DisclosureActionRecord[];
  /**
   * When the version was recorded. Default, for the current content: publishedAt for a new
   * disclosure, the import's instant for a new version of a known one. Required in `history`.
   */
  recordedAt: string | null;
  /** Who recorded it (a token's `sub`); default `tiersight import`. */
  actorUserId: string | null;
  /**
   * When its owner erased its free texts (redactDisclosureVersion): its title, finding and action
   * texts are then empty and its other texts null. Absent: never redacted.
   */
  redactedAt?: string | null;
  /** Who erased them (a token's `sub`); only with redactedAt. */
  redactedBy?: string | null;
}

/**
 * A disclosure: the current content at the top level. Importing it again with other content adds a
 * version; `history` (its earlier versions, oldest first, as `tiersight export` writes them) replaces
 * every stored version instead.
 */
export interface DisclosureRecord extends Sourced, DisclosureVersionRecord {
  id: string;
  /** The publishing organization. */
  owner: string;
  /** Whom it is about: the owner, or the supplier of a link in which the owner is the customer. */
  subject: string;
  kind: DisclosureKind;
  /** Default: the import's instant, for a new disclosure. */
  publishedAt: string | null;
  withdrawnAt: string | null;
  /**
   * Who withdrew it (a token's `sub`); absent: unknown, e.g. a withdrawal from before Tiersight kept
   * who withdrew. Only with withdrawnAt.
   */
  withdrawnBy?: string | null;
  history?: DisclosureVersionRecord[] | null;
}

/** Where a watch-list match below the certain level stands in its review (docs/screening.md). */
export const CANDIDATE_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/**
 * A watch-list match kept for review (`tiersight screen --apply`), with the indicator it would become
 * and, once decided, the decision: `tiersight export` writes them so that a restore keeps the review
 * queue and does not propose a rejected namesake again.
 */
export interface ScreeningCandidateRecord {
  id: string;
  /** The organization it is about. */
  organization: string;
  /** The WATCHLIST indicator a confirmation records. */
  indicatorId: string;
  source: string;
  listEntryId: string;
  severity: Severity;
  /** The topics its indicator will carry (the list's); absent when none. */
  topics?: RiskTopic[];
  description: string;
  evidenceUrl: string | null;
  entryName: string;
  program: string | null;
  matchedName: string;
  matchedEntryName: string;
  /** 0 to 1. */
  score: number;
  explanation: string[];
  observedAt: string | null;
  status: CandidateStatus;
  /** When a run first kept it (a recording time). Default: the import's instant. */
  createdAt: string | null;
  /** When, by whom and for which organization it was decided; none while PENDING. */
  decidedAt: string | null;
  decidedByUserId: string | null;
  decidedForOrganizationId: string | null;
  note: string | null;
  delistedAt: string | null;
}

export interface TiersightFile {
  format: typeof FORMAT_V1;
  organizations: OrganizationRecord[];
  links: LinkRecord[];
  shares: ShareRecord[];
  risks: RiskRecord[];
  /** Contract section 9; optional so that files without requests stay as they were. */
  accessRequests?: AccessRequestRecord[];
  disclosures?: DisclosureRecord[];
  screeningCandidates?: ScreeningCandidateRecord[];
}

/** A record of any section of a tiersight/v1 file. */
export type BulkRecord =
  | OrganizationRecord
  | LinkRecord
  | ShareRecord
  | RiskRecord
  | DisclosureRecord
  | AccessRequestRecord
  | MergeRecord
  | ScreeningCandidateRecord;
