import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { resolvers } from '../../resolvers/index.ts';
import { REPO_ROOT } from '../runtime/paths.ts';
import { permissions } from './shield.ts';

const SCHEMA_DIR = join(REPO_ROOT, 'schema');

/** The SDL of every domain, in a stable order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(SCHEMA_DIR, file), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return applyMiddleware(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }), permissions);
}
