// A feature module as the API sees it: its SDL, its resolvers and the permission rule of each of its
// fields. src/app/schema.ts joins the modules into one schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolvers } from '../../resolvers/types.ts';
import type { BaseContext } from './context.ts';
import type { TypeRules } from './shield.ts';

export interface ApiModule<Context extends BaseContext> {
  name: string;
  typeDefs: string[];
  resolvers: Resolvers<Context>;
  /** graphql-shield rules by type and field; a field that no module names is denied. */
  rules: TypeRules;
}

/** The SDL files in a module's folder, in a stable order. */
export function sdlIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(directory, file), 'utf8'));
}
