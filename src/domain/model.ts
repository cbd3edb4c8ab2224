// The domain types that repositories return and resolvers receive (codegen mappers): plain data,
// with references to other organizations as ids that resolvers turn into objects through loaders.
import type { Role } from '../auth/roles.ts';
import type { OrganizationType, Provenance } from './format.ts';

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

export interface SupplyChain {
  root: Organization;
  depth: number;
  tiers: Tier[];
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

export type ShareAction = 'GRANTED' | 'REVOKED';

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
