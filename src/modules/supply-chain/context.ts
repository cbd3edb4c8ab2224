import type { DisclosuresContext } from '../disclosures/context.ts';
import type { OrganizationsContext } from '../organizations/context.ts';
import type { SupplyChainService } from './supply-chain-service.ts';

export interface SupplyChainContext
  extends OrganizationsContext, Pick<DisclosuresContext, 'disclosureLoaders'> {
  supplyChains: SupplyChainService;
}
