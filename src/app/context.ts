// Everything a resolver may use for one request: the core's viewer and instant, and the request-scoped
// services and loaders of every module (each resolver sees it through its own module's context type).
import type { ImportTicket } from '../import/import-gate.ts';
import type { AccessRequestsContext } from '../modules/access-requests/context.ts';
import type { DirectoryContext } from '../modules/directory/context.ts';
import type { ChainExportContext } from '../modules/chain-export/context.ts';
import type { DisclosuresContext } from '../modules/disclosures/context.ts';
import type { ExposureContext } from '../modules/exposure/context.ts';
import type { FindingsContext } from '../modules/findings/context.ts';
import type { MergingContext } from '../modules/merging/context.ts';
import type { ScreeningContext } from '../modules/screening/context.ts';
import type { RiskContext } from '../modules/risk/context.ts';
import type { SharingContext } from '../modules/sharing/context.ts';
import type { SourcingContext } from '../modules/sourcing/context.ts';
import type { SupplyChainContext } from '../modules/supply-chain/context.ts';

export interface RequestContext
  extends
    SupplyChainContext,
    ExposureContext,
    SharingContext,
    DisclosuresContext,
    AccessRequestsContext,
    MergingContext,
    SourcingContext,
    DirectoryContext,
    ChainExportContext,
    ScreeningContext,
    RiskContext,
    FindingsContext {
  /** The import state the request was admitted on; a query's answer is checked against it. */
  importTicket: ImportTicket;
}
