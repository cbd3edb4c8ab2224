import type { DisclosuresContext } from '../disclosures/context.ts';
import type { SupplyChainContext } from '../supply-chain/context.ts';

export interface ChainExportContext extends SupplyChainContext, DisclosuresContext {}
