// The request-scoped reads an export runs for one viewer outside the API (the command line): the same
// repositories, service and loaders that src/app/request-context.ts wires for a token's organization.
import { presentScope } from '../domain/viewer-scope.ts';
import type { Executor } from '../graph/executor.ts';
import { DisclosureRepository } from '../modules/disclosures/disclosure-repository.ts';
import { createDisclosureLoaders } from '../modules/disclosures/disclosure-loaders.ts';
import { MergedIdRepository } from '../modules/organizations/merged-id-repository.ts';
import { OrganizationRepository } from '../modules/organizations/organization-repository.ts';
import { createOrganizationLoaders } from '../modules/organizations/organization-loaders.ts';
import { SupplyChainRepository } from '../modules/supply-chain/supply-chain-repository.ts';
import { SupplyChainService } from '../modules/supply-chain/supply-chain-service.ts';
import type { ChainReads } from './chain-export.ts';

export function viewerReads(executor: Executor, viewerId: string, now: Date = new Date()): ChainReads {
  const scope = presentScope(viewerId, now);
  const loaders = createOrganizationLoaders(
    new OrganizationRepository(executor),
    new MergedIdRepository(executor),
    scope,
  );
  return {
    viewerId,
    loaders,
    supplyChains: new SupplyChainService(new SupplyChainRepository(executor), scope, loaders),
    disclosureLoaders: createDisclosureLoaders(new DisclosureRepository(executor), scope, loaders),
  };
}
