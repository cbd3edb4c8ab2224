import { inject } from 'vitest';

/** The Bolt URI of the run's Neo4j, provided by test/global-setup.ts. */
export function neo4jUri(): string {
  return inject('neo4jUri');
}
