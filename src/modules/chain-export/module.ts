// Files for other tools: a viewer's supply chain as GraphML, GEXF, CSV or JSON, and UNTP facility
// records (docs/exports.md). Everything is read through the supply-chain, organization and disclosure
// reads, which decide visibility in their Cypher.
import { allow } from 'graphql-shield';
import { sdlIn, type ApiModule } from '../../api/module.ts';
import { canReadOwnView } from '../../api/shield.ts';
import type { ChainExportContext } from './context.ts';
import { Query } from './resolvers/Query.ts';

export const chainExportModule: ApiModule<ChainExportContext> = {
  name: 'chain-export',
  typeDefs: sdlIn(import.meta.dirname),
  resolvers: { Query },
  rules: {
    Query: { chainExport: canReadOwnView, facilityRecord: canReadOwnView },
    ExportFile: allow,
  },
};
