// Everything a resolver may use for one request: the verified viewer, the instant the request is
// evaluated at (contract section 2: one instant per query), and request-scoped services and loaders.
import type { Viewer } from './auth/policy.ts';
import type { Organization } from './domain/model.ts';
import type { AnalysisService } from './services/analysis-service.ts';
import type { ImportTicket } from './services/import-gate.ts';
import type { OrganizationLoaders } from './services/organization-loaders.ts';
import type { ShareService } from './services/share-service.ts';
import type { SupplyChainService } from './services/supply-chain-service.ts';

export interface RequestContext {
  viewer: Viewer;
  /** When the request started; "now" for every query in it. */
  instant: Date;
  loaders: OrganizationLoaders;
  supplyChains: SupplyChainService;
  analysis: AnalysisService;
  shares: ShareService;
  roots: () => Promise<Organization[]>;
  /** The import state the request was admitted on; a query's answer is checked against it. */
  importTicket: ImportTicket;
}
