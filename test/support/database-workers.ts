/**
 * How many db-tier files run side by side, each on a bundled Neo4j of its own (vitest.config.ts,
 * test/global-setup.ts). One file keeps about one core busy, Node and Neo4j taking turns, so two use
 * both cores of a small machine. With NEO4J_URI there is one database, which files running side by
 * side would reset under each other, so one.
 */
export const DATABASE_WORKERS = (process.env['NEO4J_URI'] ?? '') === '' ? 2 : 1;
