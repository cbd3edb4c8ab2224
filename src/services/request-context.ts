// Builds the per-request context: verifies the token, keeps the request off a store that an import is
// writing (import-gate.ts), checks that its organization exists, and wires fresh loaders and services
// so that nothing cached leaks from one request (or viewer) to another.
import type { Viewer } from '../auth/policy.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { RequestContext } from '../context.ts';
import { unauthenticated, type DomainError } from '../domain/errors.ts';
import type { Executor, QueryContext } from '../graph/executor.ts';
import { AnalysisRepository } from '../graph/repositories/analysis-repository.ts';
import { ImportRunRepository, localImportRunChanges } from '../graph/repositories/import-run-repository.ts';
import { OrganizationRepository } from '../graph/repositories/organization-repository.ts';
import { ShareRepository } from '../graph/repositories/share-repository.ts';
import { VisibilityRepository, type ViewerScope } from '../graph/repositories/visibility-repository.ts';
import { AnalysisService } from './analysis-service.ts';
import { ImportGate, type ImportGateOptions } from './import-gate.ts';
import { KnownOrganizations } from './known-organizations.ts';
import { createOrganizationLoaders } from './organization-loaders.ts';
import { ShareService } from './share-service.ts';
import { SupplyChainService } from './supply-chain-service.ts';

export interface Repositories {
  organizations: OrganizationRepository;
  visibility: VisibilityRepository;
  analysis: AnalysisRepository;
  shares: ShareRepository;
  known: KnownOrganizations;
  importGate: ImportGate;
}

export function createRepositories(
  executor: Executor,
  gateOptions: Omit<ImportGateOptions, 'localChanges'> = {},
): Repositories {
  const runs = new ImportRunRepository(executor);
  return {
    organizations: new OrganizationRepository(executor),
    visibility: new VisibilityRepository(executor),
    analysis: new AnalysisRepository(executor),
    shares: new ShareRepository(executor),
    known: new KnownOrganizations(),
    importGate: new ImportGate(() => runs.list(), { ...gateOptions, localChanges: localImportRunChanges }),
  };
}

export async function createRequestContext(
  repositories: Repositories,
  verifyToken: TokenVerifier,
  authorization: string | undefined,
  now: Date = new Date(),
): Promise<RequestContext | DomainError> {
  const token = await verifyToken(authorization, now);
  if (!('organizationId' in token)) return token;
  const importTicket = await repositories.importGate.admit();
  if ('code' in importTicket) return importTicket;
  const viewer: Viewer = token;
  const queryContext: QueryContext = { viewer: viewer.organizationId };
  const scope: ViewerScope = {
    viewerId: viewer.organizationId,
    instant: now,
    historical: false,
    context: queryContext,
  };
  const loaders = createOrganizationLoaders(
    repositories.organizations,
    repositories.visibility,
    repositories.analysis,
    repositories.shares,
    scope,
  );
  if (!repositories.known.has(viewer.organizationId)) {
    if ((await loaders.byId.load(viewer.organizationId)) === null) {
      return unauthenticated('The token names an organization that does not exist.');
    }
    repositories.known.remember(viewer.organizationId);
  }
  return {
    viewer,
    instant: now,
    loaders,
    supplyChains: new SupplyChainService(repositories.visibility, scope, loaders),
    analysis: new AnalysisService(repositories.analysis, scope, loaders),
    shares: new ShareService(repositories.shares, viewer, now, queryContext),
    roots: () => repositories.visibility.roots(scope),
    importTicket,
  };
}
