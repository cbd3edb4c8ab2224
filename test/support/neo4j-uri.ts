import { inject } from 'vitest';

/**
 * The Bolt URI of this worker's Neo4j, provided by test/global-setup.ts: files running side by side
 * (different VITEST_POOL_IDs) get different databases; with NEO4J_URI set there is one for all.
 */
export function neo4jUri(): string {
  const uris = inject('neo4jUris');
  const worker = Number(process.env['VITEST_POOL_ID'] ?? '1');
  const uri = uris[(worker - 1) % uris.length];
  if (uri === undefined) throw new Error(`no Neo4j for worker ${worker} among ${uris.length}`);
  return uri;
}
