// The domain types that repositories return and resolvers receive (codegen mappers): plain data,
// with references to other organizations as ids that resolvers turn into objects through loaders.
import type { Role } from '../auth/roles.ts';
import type { OrganizationType, Provenance, RiskKind, Severity, ShareAction } from './format.ts';

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
}

export interface SupplyLink {
  id: string;
  supplierId: string;
  customerId: string;
  products: string[];
  validFrom: string | null;
  validTo: string | null;
  provenance: Provenance | null;
  sources: string[];
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
  links: SupplyLink[];
  summary: TierSummary[];
}

export interface RiskIndicator {
  id: string;
  kind: RiskKind;
  source: string;
  severity: Severity;
  description: string | null;
  evidenceUrl: string | null;
  observedAt: string | null;
}

export interface ExposureFinding {
  organization: Organization;
  tier: number;
  /** Organization ids, root first. */
  pathIds: string[];
  indicators: RiskIndicator[];
  severity: Severity;
}

export interface BlindSpot {
  organization: Organization;
  tier: number;
  recommendation: string;
}

export interface Exposure {
  root: Organization;
  findings: ExposureFinding[];
  closestTier: number | null;
  blindSpots: BlindSpot[];
}

export interface SupplyPath {
  organizationIds: string[];
  links: SupplyLink[];
}

export interface Share {
  id: string;
  ownerId: string;
  recipientId: string;
  linkIds: string[] | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export type { ShareAction };

export interface ShareEvent {
  share: Share;
  action: ShareAction;
  at: string;
  actorUserId: string;
  actorOrganizationId: string;
}

export interface Me {
  organizationId: string;
  userId: string;
  roles: Role[];
}
