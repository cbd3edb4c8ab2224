import type { ChainExportFormat, QueryResolvers } from '../../../../resolvers/types.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import { readChainExport } from '../../../export/chain-export.ts';
import { readFacilityRecord } from '../../../export/chain-facility-record.ts';
import { writeChain, type ChainFormat } from '../../../export/chain-formats.ts';
import type { ChainExportContext } from '../context.ts';

const FORMATS: Record<ChainExportFormat, ChainFormat> = {
  GRAPHML: 'graphml',
  GEXF: 'gexf',
  CSV: 'csv',
  JSON: 'json',
};

export const Query: QueryResolvers<ChainExportContext> = {
  chainExport: async (
    _parent,
    { format, ...args },
    { viewer, instant, supplyChains, loaders, disclosureLoaders },
  ) => {
    const reads = { viewerId: viewer.organizationId, supplyChains, loaders, disclosureLoaders };
    return writeChain(await readChainExport(reads, args, instant), FORMATS[format]);
  },
  facilityRecord: (_parent, { organizationId, asOf }, { viewer, instant, loaders, disclosureLoaders }) =>
    readFacilityRecord(
      { viewerId: viewer.organizationId, loaders, disclosureLoaders },
      organizationId,
      instantArgument('asOf', asOf),
      instant,
    ),
};
