// The Cypher fragments that decide visibility (contract section 2), shared by every query that walks a
// viewer's supply chains. Visibility is part of the traversal itself, hop by hop: nothing is fetched
// and then filtered in JavaScript. Fragments are constant text joined with `+`; values always travel
// as parameters: $viewer (organization id), $t (the instant, a DateTime) and $historical.
//
// $historical is false for "now": a share then counts while it is not revoked, whatever the clocks
// say, so a revoke (or grant) is seen by every request that starts after the mutation returns even
// when several API instances' clocks disagree by a few milliseconds. For an instant in the past
// (asOf), grant and revoke times decide.

/**
 * Binds `v` (the viewer), `owners` (owners of shares active for v at $t: v's roots besides itself),
 * `whole` (owners whose active share covers all their links) and `shared` (the links named by active
 * partial shares, each checked to have the share's owner as its customer). Collected once per query so
 * that the per-hop predicate only compares against lists, which the shortest-path search evaluates
 * while it expands; an EXISTS subquery per hop would only be applied after the search.
 */
export const VIEWER_GRANTS = `
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  RETURN collect(DISTINCT l) AS shared
}
`;

/**
 * Rule 1 for link `l` from supplier `s` to customer `c`: it holds at $t (HOLDS), and v is one of its
 * ends or an active share of its customer covers it.
 */
export const HOLDS = '(l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)';
export const DISCLOSED = HOLDS + ' AND (s = v OR c = v OR c IN whole OR l IN shared)';

/** One hop upstream (customer to supplier) through a disclosed link, for quantified path patterns. */
export const UPSTREAM_HOP = '((c)<-[l:SUPPLIES]-(s) WHERE ' + DISCLOSED + ')';

/** One hop downstream (supplier to customer) through a disclosed link. */
export const DOWNSTREAM_HOP = '((s)-[l:SUPPLIES]->(c) WHERE ' + DISCLOSED + ')';

/**
 * True when organization `x` is reachable from one of v's roots at any depth (rules 3 and 5): a
 * shortest search downstream from x that stops at the first root it meets.
 */
export const X_REACHABLE_FROM_ROOTS =
  'EXISTS { MATCH ANY SHORTEST (x)' + DOWNSTREAM_HOP + '+(root) WHERE root = v OR root IN owners }';

/** Map projection of an organization's fields (see mapOrganization). */
export const ORGANIZATION_PROJECTION =
  '{.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources}';

/** The fields of link `l` from `s` to `c` (see mapLink). */
export const LINK_PROJECTION = `{id: l.id, supplierId: s.id, customerId: c.id, products: l.products,
  validFrom: l.validFrom, validTo: l.validTo, provenance: l.provenance, sources: l.sources}`;
