// The floor: the least a database round trip can cost for a viewer's chain. One hand-written
// statement that keeps contract section 2 for "now" (the viewer as root), walks breadth-first with
// one block per tier (a loop bound must be a literal in Cypher), reads each reached organization's
// incoming links once, tests the cheap part of the disclosure rule before any link property, and
// returns nothing but ids: the organizations per tier and the links of rule 4. It lives here, not in
// src/, so that it stays the same yardstick whatever the API's own statement becomes.
import neo4j, { type Driver } from 'neo4j-driver';
import { toNeo4jDateTime } from '../src/graph/mappers.ts';

// A share of scope DISCLOSURES discloses no sourcing (rule 7), even though its linkIds are null.
const ACTIVE_SHARE =
  "sh.scope = 'SOURCING' AND sh.revokedAt IS NULL AND (sh.expiresAt IS NULL OR $t < sh.expiresAt)";
const HOLDS = '(l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)';

// `open`: the viewer is the customer or the customer shared all its sourcing with it, asked of the
// customer's own few shares (a list of every owner that shared with the viewer costs a scan per
// customer once it holds thousands). A partial share covers a link only when the share's owner is the
// link's customer, hence the EXISTS after the cheap list test.
const tier = `
CALL (v, partial, frontier) {
  UNWIND frontier AS c
  WITH c, c = v OR EXISTS {
      MATCH (c)-[:GRANTED]->(sh:Share)-[:TO]->(v) WHERE sh.linkIds IS NULL AND ${ACTIVE_SHARE} } AS open
  MATCH (c)<-[l:SUPPLIES]-(s)
  WHERE (open OR s = v OR (l.id IN partial AND EXISTS {
      MATCH (c)-[:GRANTED]->(sh:Share)-[:TO]->(v) WHERE ${ACTIVE_SHARE} AND l.id IN sh.linkIds }))
    AND ${HOLDS}
  RETURN collect(l.id) AS found, collect(DISTINCT s) AS next
}
WITH v, partial, seen, links + found AS links, tiers, [s IN next WHERE NOT s IN seen] AS frontier
WITH v, partial, frontier, seen + frontier AS seen, links, tiers + [[s IN frontier | s.id]] AS tiers`;

export function floorStatement(depth: number): string {
  return `
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (v)<-[:TO]-(sh:Share) WHERE sh.linkIds IS NOT NULL AND ${ACTIVE_SHARE}
WITH v, collect(sh.linkIds) AS partialLists
WITH v, reduce(ids = [], list IN partialLists | ids + list) AS partial,
     [v] AS frontier, [v] AS seen, [] AS links, [] AS tiers
${Array.from({ length: depth }, () => tier).join('\n')}
RETURN [t IN tiers WHERE size(t) > 0] AS tiers, links`;
}

export interface ChainIds {
  /** Organization ids per tier, tier 1 first, each sorted. */
  tiers: string[][];
  /** Link ids, sorted. */
  links: string[];
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

export function chainIds(tiers: readonly (readonly string[])[], links: readonly string[]): ChainIds {
  return { tiers: tiers.map(sorted), links: sorted(links) };
}

export const reachOf = (chain: ChainIds): number => chain.tiers.reduce((n, t) => n + t.length, 0);

export const sameChain = (a: ChainIds, b: ChainIds): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs the floor statement the cheapest way the driver has: an auto-commit transaction (one message,
 * no BEGIN and COMMIT), all records in one batch, as the API's executor runs a read.
 */
export function floorQuery(driver: Driver, depth: number) {
  const text = floorStatement(depth);
  return async (viewer: string): Promise<ChainIds> => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, fetchSize: -1 });
    const records = await session
      .run(text, { viewer, t: toNeo4jDateTime(new Date()) })
      .then((result) => result.records)
      .finally(() => session.close());
    const record = records[0];
    if (record === undefined) return { tiers: [], links: [] };
    return chainIds(record.get('tiers') as string[][], record.get('links') as string[]);
  };
}
