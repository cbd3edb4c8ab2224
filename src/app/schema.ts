// The API's one schema: the core's scalars and every feature module's SDL, resolvers and permission
// rules, joined. A module is added here and nowhere else.
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import { sdlIn } from '../api/module.ts';
import { DateTime } from '../api/scalars.ts';
import { joinRules, protect } from '../api/shield.ts';
import { chainExportModule } from '../modules/chain-export/module.ts';
import { accessRequestsModule } from '../modules/access-requests/module.ts';
import { directoryModule } from '../modules/directory/module.ts';
import { disclosuresModule } from '../modules/disclosures/module.ts';
import { exposureModule } from '../modules/exposure/module.ts';
import { findingsModule } from '../modules/findings/module.ts';
import { mergingModule } from '../modules/merging/module.ts';
import { organizationsModule } from '../modules/organizations/module.ts';
import { screeningModule } from '../modules/screening/module.ts';
import { riskModule } from '../modules/risk/module.ts';
import { sharingModule } from '../modules/sharing/module.ts';
import { sourcingModule } from '../modules/sourcing/module.ts';
import { supplyChainModule } from '../modules/supply-chain/module.ts';

export const MODULES = [
  organizationsModule,
  supplyChainModule,
  exposureModule,
  sharingModule,
  accessRequestsModule,
  disclosuresModule,
  mergingModule,
  sourcingModule,
  directoryModule,
  chainExportModule,
  screeningModule,
  riskModule,
  findingsModule,
] as const;

const API_DIR = join(import.meta.dirname, '../api');

/** The SDL of the core and of every module, in a stable order. */
const loadTypeDefs = (): string[] => [...sdlIn(API_DIR), ...MODULES.flatMap((module) => module.typeDefs)];

export const RULES = joinRules(MODULES.map((module) => module.rules));

export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime }, ...MODULES.map((module) => module.resolvers)],
  });
  return protect(schema, RULES);
}
