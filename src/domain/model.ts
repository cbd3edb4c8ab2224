// The domain types that repositories return and resolvers receive (codegen mappers): plain data,
// with references to other organizations as ids that resolvers turn into objects through loaders,
// except where an answer holds them already (a chain's, a path's and one's own links: ShownLink).
import type { AccessRequest } from './access-requests.ts';
import type { EvidencedIndicator } from './disclosed-indicators.ts';
import type { Role } from './roles.ts';
import type {
  OrganizationType,
  Provenance,
  RiskKind,
  RiskTopic,
  Severity,
  ShareAction,
  ShareScope,
} from './format.ts';

export interface Organization {
  id: string;
  name: string;
  type: OrganizationType;
  country: string;
  city: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  osId: string | null;
  provenance: Provenance | null;
  sources: string[];
  /**
   * Set on an organization that the viewer may not look up (rule 5) and holds only as a card: only id,
   * name, type and country (and a directory card's city and osId) are filled in, and nothing else is
   * resolved for it (no disclosures) except what `directoryCard` allows. See docs/data-model.md.
   */
  identityOnly?: true;
  /**
   * Set, with identityOnly, on a listed organization's directory card: being listed, it answers its
   * public risk indicators (contract section 7: visible wherever their organization is). An identity
   * card (identityOnly alone) names an organization that is neither lookable nor listed, and answers
   * none, so that nothing shows of it beyond its name (rule 6).
   */
  directoryCard?: true;
  /**
   * Set on an organization that a dated query (asOf) answered: its risk indicators and disclosures
   * default to that instant, since a request is evaluated at one instant (specification, section 2).
   */
  seenAt?: Date;
}

/** `organization` as a query dated `at` answers it (a copy: loaders keep the undated one). */
export const seenOneAt = <O extends { seenAt?: Date }>(organization: O, at: Date | null): O =>
  at === null ? organization : { ...organization, seenAt: at };

/** `organizations` as a query dated `at` answers them. */
export const seenAt = <O extends { seenAt?: Date }>(organizations: O[], at: Date | null): O[] =>
  at === null ? organizations : organizations.map((o) => seenOneAt(o, at));

export interface SupplyLink {
  id: string;
  supplierId: string;
  customerId: string;
  products: string[];
  validFrom: string | null;
  validTo: string | null;
  /** When Tiersight first recorded the link (transaction time); asOf t shows it only from then. */
  recordedAt: string;
  provenance: Provenance | null;
  sources: string[];
}

/**
 * A link as an answer shows it: with the organizations it joins, as the viewer may see them. Held by
 * the link rather than resolved per field: a resolver on each end of ten thousand links cost a big
 * chain a tenth of its API time in resolve-info objects and closures (issue 11's profile).
 */
export interface ShownLink extends SupplyLink {
  supplier: Organization;
  customer: Organization;
}

export interface Tier {
  tier: number;
  organizations: Organization[];
}

export interface TierSummary {
  tier: number;
  organizations: number;
  byType: { type: OrganizationType; count: number }[];
  byCountry: { country: string; count: number }[];
}

export interface SupplyChain {
  root: Organization;
  depth: number;
  tiers: Tier[];
  links: ShownLink[];
  summary: TierSummary[];
}

export interface RiskIndicator {
  id: string;
  kind: RiskKind;
  source: string;
  severity: Severity;
  /** The human-rights topics it is about, each once in RISK_TOPICS order; empty: not classified. */
  topics: RiskTopic[];
  description: string | null;
  evidenceUrl: string | null;
  observedAt: string | null;
  /** When Tiersight first recorded the indicator (transaction time). */
  recordedAt: string;
  /** WATCHLIST indicators recorded by screening: when their entry was found gone from its list. */
  delistedAt: string | null;
  /** A finding's monitor (src/modules/findings), as its identity card; null for an imported indicator. */
  recordedBy: Organization | null;
  /**
   * When its monitor erased a withdrawn finding's texts (redactFinding): `source` is then empty and
   * `description` and `evidenceUrl` null, at every instant. Null for every other indicator.
   */
  redactedAt: string | null;
}

export interface ExposureFinding {
  organization: Organization;
  tier: number;
  /** Organization ids, root first. */
  pathIds: string[];
  indicators: RiskIndicator[];
  /** What visible disclosures say (specification, section 2, rule 8), apart from the public indicators. */
  disclosedIndicators: EvidencedIndicator[];
  severity: Severity;
}

export interface BlindSpot {
  organization: Organization;
  tier: number;
  recommendation: string;
  /** The viewer's open access request to it (specification, section 8), the newest; null when none. */
  openAccessRequest: AccessRequest | null;
}

export interface Exposure {
  root: Organization;
  findings: ExposureFinding[];
  closestTier: number | null;
  blindSpots: BlindSpot[];
}

export interface SupplyPath {
  /** Its organizations from the root to the target, as the query answers them (a dated one: seenAt). */
  organizations: Organization[];
  links: ShownLink[];
}

export interface Share {
  id: string;
  ownerId: string;
  recipientId: string;
  /** What it discloses: links of the owner's sourcing, or the owner's disclosures. */
  scope: ShareScope;
  /** SOURCING: the shared links (null: all, now and later); always null for DISCLOSURES. */
  linkIds: string[] | null;
  /** DISCLOSURES: the shared disclosures (null: all, now and later); always null for SOURCING. */
  disclosureIds: string[] | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When the share was granted, which is when it was recorded: asOf t counts it only from then. */
  createdAt: string;
  /** The instant it is shown as of, when in the past: `active` is judged then. */
  asOf?: Date;
}

/** `share` as it stood at `at`: a revocation after it had not happened yet then. */
export const shareAt = (share: Share, at: Date): Share => ({
  ...share,
  revokedAt: share.revokedAt !== null && new Date(share.revokedAt) <= at ? share.revokedAt : null,
  asOf: at,
});

export type { ShareAction };

export interface ShareEvent {
  share: Share;
  action: ShareAction;
  at: string;
  actorUserId: string;
  actorOrganizationId: string;
  /** Its place in the trail, for the next page (src/domain/event-pages.ts). */
  cursor: string;
}

export interface Me {
  organizationId: string;
  userId: string;
  roles: Role[];
}

/**
 * Gives links the organizations they join, which the reader holds (a chain holds both ends of each of
 * its links: rule 4 reaches them; a path holds its organizations). In place: the links were decoded
 * for this request alone, and copying each of a big chain's tens of thousands of links was a tenth of
 * its API time (issue 11's profile). When the reader does not hold an end of a link, the link is
 * answered instead (`unheld`, the links before it already given their ends): whether that is a broken
 * read or an organization merged away between two reads is the reader's to say, never a link shown with
 * a hole.
 */
export function attachEnds(
  links: SupplyLink[],
  byId: ReadonlyMap<string, Organization>,
): ShownLink[] | { unheld: SupplyLink } {
  const shown: ShownLink[] = [];
  for (const link of links) {
    const supplier = byId.get(link.supplierId);
    const customer = byId.get(link.customerId);
    if (supplier === undefined || customer === undefined) return { unheld: link };
    shown.push(Object.assign(link, { supplier, customer }));
  }
  return shown;
}
