// Builds the per-request context of a verified token: keeps the request off a store that an import is
// writing (import-gate.ts), checks that its organization exists, and wires fresh loaders and services
// so that nothing cached leaks from one request (or viewer) to another.
import type { Viewer } from '../auth/policy.ts';
import type { VerifiedToken } from '../auth/verify-token.ts';
import type { RequestContext } from './context.ts';
import { unknownTokenOrganization, type DomainError } from '../domain/errors.ts';
import type { Executor } from '../graph/executor.ts';
import { AccessRequestRepository } from '../modules/access-requests/access-request-repository.ts';
import { createAccessRequestLoaders } from '../modules/access-requests/access-request-loaders.ts';
import { AccessRequestService } from '../modules/access-requests/access-request-service.ts';
import { DirectoryRepository } from '../modules/directory/directory-repository.ts';
import { DirectoryService } from '../modules/directory/directory-service.ts';
import { DisclosureRepository } from '../modules/disclosures/disclosure-repository.ts';
import { createDisclosureLoaders } from '../modules/disclosures/disclosure-loaders.ts';
import { DisclosureService } from '../modules/disclosures/disclosure-service.ts';
import { ExposureRepository } from '../modules/exposure/exposure-repository.ts';
import { FindingRepository } from '../modules/findings/finding-repository.ts';
import { FindingService } from '../modules/findings/finding-service.ts';
import { ImportRunRepository, localImportRunChanges } from '../import/import-run-repository.ts';
import { OrganizationRepository } from '../modules/organizations/organization-repository.ts';
import { MergedIdRepository } from '../modules/organizations/merged-id-repository.ts';
import { MergeRepository } from '../modules/merging/merge-repository.ts';
import { MergeService } from '../modules/merging/merge-service.ts';
import { ScreeningReviewRepository } from '../modules/screening/screening-review-repository.ts';
import { ScreeningReviewService } from '../modules/screening/screening-review-service.ts';
import { ShareRepository } from '../modules/sharing/share-repository.ts';
import { SupplyChainRepository } from '../modules/supply-chain/supply-chain-repository.ts';
import { ExposureService } from '../modules/exposure/exposure-service.ts';
import { RiskRepository } from '../modules/risk/risk-repository.ts';
import { RiskService } from '../modules/risk/risk-service.ts';
import type { RiskModel } from '../domain/risk-model.ts';
import { defaultRiskModel } from '../modules/risk/risk-model-file.ts';
import { ImportGate, type ImportGateOptions } from '../import/import-gate.ts';
import { KnownOrganizations } from '../modules/organizations/known-organizations.ts';
import { createOrganizationLoaders } from '../modules/organizations/organization-loaders.ts';
import { createSharePartyLoader } from '../modules/sharing/share-party-loader.ts';
import { ShareService } from '../modules/sharing/share-service.ts';
import { SourcingRepository } from '../modules/sourcing/sourcing-repository.ts';
import { SourcingService } from '../modules/sourcing/sourcing-service.ts';
import { SupplyChainService } from '../modules/supply-chain/supply-chain-service.ts';
import { presentScope } from '../domain/viewer-scope.ts';

export interface Repositories {
  organizations: OrganizationRepository;
  mergedIds: MergedIdRepository;
  merges: MergeRepository;
  visibility: SupplyChainRepository;
  analysis: ExposureRepository;
  shares: ShareRepository;
  accessRequests: AccessRequestRepository;
  disclosures: DisclosureRepository;
  sourcing: SourcingRepository;
  directory: DirectoryRepository;
  screeningReview: ScreeningReviewRepository;
  findings: FindingRepository;
  known: KnownOrganizations;
  importGate: ImportGate;
  risk: RiskRepository;
  /** The configured risk model (Config.riskModel). */
  riskModel: RiskModel;
}

export function createRepositories(
  executor: Executor,
  gateOptions: Omit<ImportGateOptions, 'localChanges'> = {},
  riskModel: RiskModel = defaultRiskModel(),
): Repositories {
  const runs = new ImportRunRepository(executor);
  return {
    organizations: new OrganizationRepository(executor),
    mergedIds: new MergedIdRepository(executor),
    merges: new MergeRepository(executor),
    visibility: new SupplyChainRepository(executor),
    analysis: new ExposureRepository(executor),
    shares: new ShareRepository(executor),
    accessRequests: new AccessRequestRepository(executor),
    disclosures: new DisclosureRepository(executor),
    sourcing: new SourcingRepository(executor),
    directory: new DirectoryRepository(executor),
    screeningReview: new ScreeningReviewRepository(executor),
    findings: new FindingRepository(executor),
    known: new KnownOrganizations(),
    importGate: new ImportGate(() => runs.list(), { ...gateOptions, localChanges: localImportRunChanges }),
    risk: new RiskRepository(executor),
    riskModel,
  };
}

/** The context of a request whose token verified (the route checks it before reading the body). */
export async function createRequestContext(
  repositories: Repositories,
  token: VerifiedToken,
  now: Date = new Date(),
): Promise<RequestContext | DomainError> {
  const importTicket = await repositories.importGate.admit();
  if ('code' in importTicket) return importTicket;
  const viewer: Viewer = token;
  const scope = presentScope(viewer.organizationId, now);
  const loaders = createOrganizationLoaders(repositories.organizations, repositories.mergedIds, scope);
  if (!repositories.known.has(viewer.organizationId)) {
    if ((await loaders.byId.load(viewer.organizationId)) === null) {
      return unknownTokenOrganization();
    }
    repositories.known.remember(viewer.organizationId);
  }
  return {
    viewer,
    instant: now,
    loaders,
    supplyChains: new SupplyChainService(repositories.visibility, scope, loaders),
    analysis: new ExposureService(repositories.analysis, scope, loaders),
    shares: new ShareService(repositories.shares, viewer, scope),
    shareParties: createSharePartyLoader(repositories.shares, scope),
    accessRequests: new AccessRequestService(repositories.accessRequests, viewer, scope),
    accessRequestLoaders: createAccessRequestLoaders(repositories.accessRequests, scope),
    disclosures: new DisclosureService(repositories.disclosures, viewer, scope),
    disclosureLoaders: createDisclosureLoaders(repositories.disclosures, scope, loaders),
    merges: new MergeService(repositories.merges, {
      actorUserId: viewer.userId,
      at: now,
      context: scope.context,
      gone: (id) => repositories.known.forget(id),
    }),
    sourcing: new SourcingService(repositories.sourcing, viewer, scope, loaders),
    directory: new DirectoryService(repositories.directory, viewer, scope),
    screeningReview: new ScreeningReviewService(repositories.screeningReview, viewer, now),
    roots: () => repositories.organizations.roots(scope),
    customers: () => repositories.organizations.customers(scope),
    risk: new RiskService(repositories.risk, scope, loaders, repositories.riskModel),
    findings: new FindingService(repositories.findings, viewer, scope, loaders),
    importTicket,
  };
}
