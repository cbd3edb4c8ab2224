// The Cypher fragments that decide visibility (specification, section 2), shared by every query that
// walks a viewer's supply chains. Visibility is part of the traversal itself, hop by hop: nothing is
// fetched and then filtered in JavaScript. Values always travel as parameters: $viewer (organization
// id), $t (the instant, a DateTime), $historical and $product.
//
// $historical is false for "now": a share then counts while it is not revoked, whatever the clocks
// say, so a revoke (or grant) is seen by every request that starts after the mutation returns even
// when several API instances' clocks disagree by a few milliseconds; and every link recorded so far
// counts. For an instant in the past (asOf), grant and revoke times decide, and only what had been
// recorded by then counts (a link's recordedAt, a share's createdAt): asOf answers "what could we see
// at $t", never with what was learnt later.
import { MAX_DEPTH, presentScope, type ViewerScope } from '../domain/viewer-scope.ts';
import { LINK_ROW_AS_ASKED, ORGANIZATION_ROW_AS_ASKED, RISK_ROW } from './columns.ts';
import { cypher, join, statement, type Fragment, type Statement } from './cypher.ts';
import { toNeo4jDateTime } from './mappers.ts';

/** The parameters every visibility fragment reads. */
export const scopeParams = (scope: ViewerScope, product: string | null = null) => ({
  viewer: scope.viewerId,
  t: toNeo4jDateTime(scope.instant),
  historical: scope.historical,
  product,
});

/** The same for `viewer` at `now` as its present (a write, which never runs as of another instant). */
export const presentParams = (viewer: string, now: Date) => scopeParams(presentScope(viewer, now));

/**
 * Share `share` is active at $t: not revoked (for asOf: not by then), granted by then (asOf only), not
 * expired.
 */
export const SHARE_ACTIVE = cypher`(share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)`;

/** `v` (the viewer) and, one row each, the shares active for v at $t and their owners (none: nulls). */
const SHARES_TO_V = join(
  cypher`
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE `,
  SHARE_ACTIVE,
  cypher`
`,
);

const SOURCING_LISTS = cypher`
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial`;

const SHARED_LINKS = cypher`
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}
`;

/**
 * Binds `v` (the viewer), `owners` (owners of shares active for v at $t, of either scope: v's roots
 * besides itself, rule 2), `whole` (owners whose active SOURCING share covers all their links) and
 * `shared` (the links named by active partial SOURCING shares, each checked to have the share's owner
 * as its customer). A DISCLOSURES share makes its owner a root but discloses no link (rules 1 and 7).
 * Collected once per query so that the per-hop predicate only compares against lists, which the
 * shortest-path search evaluates while it expands; an EXISTS subquery per hop would only be applied
 * after the search. A named link is sought by its id (the hint): left to the planner, a statement that
 * gathers this in a subquery (disclosure.about) was planned as a scan of every link's id, whose work
 * grew with every link in the database (test/abuse/shown-subject-work.test.ts); a hint that only
 * asked for the index still let some plans scan it.
 */
export const VIEWER_GRANTS = join(SHARES_TO_V, cypher`WITH v,`, SOURCING_LISTS, SHARED_LINKS);

/**
 * Link `l` holds at $t: valid then (validFrom <= $t < validTo, a missing bound open) and, for an
 * instant in the past, recorded by then. The cheap parameter test comes first: for "now" it decides
 * the recording clause alone.
 */
export const HOLDS = cypher`(NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)`;

/**
 * Risk indicator `risk` counts at $t: recorded by then (always, for "now"), and not a finding its
 * monitor had withdrawn by then (src/modules/findings). For "now" a withdrawn finding is gone whatever
 * the clocks say, as a revoked share is: the instance that withdrew it may have stamped it ahead of this
 * one's clock (organization.risks reads it so too: RISKS_BY_ORGANIZATION).
 */
const RISK_RECORDED = cypher`(NOT $historical OR risk.recordedAt <= $t) AND (risk.withdrawnAt IS NULL OR ($historical AND $t < risk.withdrawnAt))`;

/**
 * Binds `risk` to each public risk indicator of organization `o`, keeping the row's other variables.
 * Only organizations labelled RiskSubject have any (docs/data-model.md): the label test skips the
 * others without walking their relationships, where most of a chain's reads went before.
 */
export const RISK_OF_O = cypher`
  WITH * WHERE o:RiskSubject
  MATCH (o)-[:HAS_RISK]->(risk:RiskIndicator)`;

/**
 * The end of a subquery whose rows bind organizations `o`: binds `risks`, their public risk indicators
 * that count at $t (RISK_RECORDED), as rows of [o.id, RISK_ROW] (decoded by ORGANIZATION_RISK_ROWS).
 */
export const RISKS_OF_O = join(
  RISK_OF_O,
  cypher`
  WHERE `,
  RISK_RECORDED,
  cypher`
  RETURN collect([o.id, `,
  RISK_ROW.projection,
  cypher`]) AS risks
}
`,
);

/**
 * Indicator `risk` is a finding at $t: recorded by then, and not an entry its watch list had dropped by
 * then (`delistedAt`, kept for the record by `tiersight screen --apply`).
 */
export const RISK_IN_EFFECT = join(
  RISK_RECORDED,
  cypher` AND (risk.delistedAt IS NULL OR risk.delistedAt > $t)`,
);

/**
 * A link carries $product (when one is asked for; null asks for every link). Names compare composed
 * ($product is, src/domain/products.ts productFilter): an import keeps a name as written, and a file
 * from a Mac writes "bärbara" decomposed, which the "ä" typed would otherwise never find.
 */
const IN_PRODUCT = cypher`($product IS NULL OR $product IN [p IN l.products | normalize(p)])`;

/**
 * Binds `opened` (inside a subquery of v, owners, whole and shared): every supplier of v and of a whole
 * share's owner through a link that holds, with repeats.
 */
const OPENED = join(
  cypher`
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE `,
  HOLDS,
  cypher`
    RETURN collect(n) AS opened
  }`,
);

/**
 * v, its roots, and every organization reachable from them at any depth (rules 2 and 3), with repeats,
 * after OPENED. One hop from the roots is every depth: a link is disclosed (rule 1) only when its
 * customer is v or the owner of a share to v, both roots, or when its supplier is v, a root itself; so
 * a walk from a root through disclosed links never leaves the roots and their disclosed suppliers,
 * which are `opened` and the suppliers of the links in `shared`.
 */
const REACHABLE_WITH_REPEATS = join(
  cypher`[v] + owners + opened + [l IN shared WHERE `,
  HOLDS,
  cypher` | startNode(l)]`,
);

/**
 * Binds `lookable`: every organization v may look up (rule 5), each once: v, its roots, everything
 * reachable from them, and v's direct customers through links that hold. A lookup then finds the asked
 * id in this list (reading the id of every element) instead of seeking the id and testing what it
 * found, so its work depends on the viewer alone, never on whether the id exists: a hidden organization
 * costs exactly what a missing one costs (rule 6; a search from a hidden organization towards the roots
 * had no counterpart for a missing id). Gathering it reads the links into every root.
 */
export const LOOKABLE = join(
  cypher`
CALL (v, owners, whole, shared) {`,
  OPENED,
  cypher`
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE `,
  HOLDS,
  cypher`
    RETURN collect(n) AS customers
  }
  UNWIND `,
  REACHABLE_WITH_REPEATS,
  cypher` + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}
`,
);

/**
 * After LOOKABLE, binds `x` to the organization $namedId that v may name as the other party of what it
 * creates (a share's recipient, a declared link's supplier): one it may look up (rule 5), or else a
 * listed one (the directory's addition to rule 5); null otherwise, a hidden id and a missing one alike.
 * $namedMerged says that $namedId is the kept organization of an old id the client named: only rule 5
 * lets that through, never the directory, so that the old id answers as it did before the merge.
 */
export const LOOKABLE_OR_LISTED = cypher`
OPTIONAL MATCH (listed:Organization) USING INDEX listed:Organization(listed, id)
  WHERE NOT $namedMerged AND listed.listed = true AND listed.id = $namedId
WITH v, coalesce(head([n IN lookable WHERE n.id = $namedId]), listed) AS x
`;

/**
 * Binds root `x` ($root) when the viewer may use it (rule 5: itself, one of its roots, or reachable
 * from them); no row otherwise, which callers report as "not found" whatever the reason. As in
 * LOOKABLE, $root is found among what the viewer reaches, so a hidden root and a missing one cost the
 * same; the viewer's own id, which it knows, needs no search.
 */
export const ALLOWED_ROOT = join(
  cypher`
CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer`,
  OPENED,
  cypher`
  UNWIND `,
  REACHABLE_WITH_REPEATS,
  cypher` AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x
`,
);

/**
 * One tier of the breadth-first walk of `chainWalk`: the disclosed links into the organizations of the
 * frontier (tier k), read once each, and the suppliers at the end of them that no earlier tier holds
 * (tier k+1). Only disclosed links are read, so that the work follows what the viewer may see (rule 6:
 * the number of suppliers an organization at the chain's edge has must not show in the time of the
 * viewer's answer): every link into an `open` organization (v itself, or a whole share's owner), and
 * of the `closed` links (tierWalk), the ones into the frontier, found in that list without reading any
 * other organization's links. Earlier tiers are subtracted with `NOT o IN reached`: Neo4j 5 answers
 * repeated `IN` tests against one list from a hash of it, not a scan (80,000 tests against 80,000
 * items: 33 ms), and a list comprehension is one operator where grouping by position took eight per
 * tier (measured against it, same answers: 7-17 % less time for chains of 1 to 100 organizations,
 * 8-10 % for 10,000).
 */
const tierStep = (crossed: Fragment, carried: Fragment): Fragment =>
  join(
    cypher`
// tier
CALL (v, whole, closed, frontier) {
  CALL (v, whole, closed, frontier) {
    UNWIND frontier AS c
    WITH c WHERE c = v OR c IN whole
    MATCH (c)<-[l:SUPPLIES]-(s)
    RETURN l, s, c
    UNION ALL
    UNWIND closed AS l
    WITH l, endNode(l) AS c WHERE c IN frontier
    RETURN l, startNode(l) AS s, c
  }
  WITH * WHERE `,
    HOLDS,
    cypher` AND `,
    IN_PRODUCT,
    cypher`
  RETURN collect(`,
    crossed,
    cypher`) AS crossed, collect(DISTINCT s) AS found
}
WITH `,
    carried,
    cypher`v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH `,
    carried,
    cypher`v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
`,
  );

/** Nothing besides what a walk always carries (see tierWalk). */
const NOTHING_MORE = cypher``;

/**
 * The breadth-first walk of `chainWalk` without its rows: binds `tiers` (tier k's organizations at
 * index k - 1), `reached` (x first, then every tier's) and `links` (`crossed` for every link of rule 4,
 * an expression over `l`, its supplier `s` and its customer `c`), for statements that need only part
 * of each link but the tiers of all of them. `closed` holds the disclosed links into organizations that
 * are not open (rule 1): those the viewer's partial shares name and the viewer's own links as a
 * supplier, each once. The viewer's own links are its own data, read once per walk. `carried` names
 * more variables for the walk to keep, each followed by a comma (DISCLOSURE_GRANT_LISTS).
 */
export const tierWalk = (depth: number, crossed: Fragment, carried: Fragment = NOTHING_MORE): Fragment =>
  walkFrom(cypher`[x]`, depth, crossed, carried);

/**
 * tierWalk from every root of v at once (v and the owners of its active shares, rule 2: tier 0 holds
 * them all; x is v). Which links are disclosed does not depend on the root (rule 1), so the links it
 * crosses hold every link of each root's own walk to `depth`: a shortest path from a root to an
 * organization within `depth` runs through organizations within `depth - 1` of that root, whose
 * disclosed links this walk reads too. One walk, where a walk per root would read what the roots'
 * chains share once per root; and a short one, since every disclosed link ends at a root or starts at
 * v: whatever the depth, it has read them all after two steps (test/abuse/chains-reaching-depth.test.ts).
 */
export const rootsWalk = (depth: number, crossed: Fragment): Fragment =>
  join(
    cypher`WITH *, v AS x
`,
    walkFrom(cypher`[v] + owners`, depth, crossed, NOTHING_MORE),
  );

const walkFrom = (start: Fragment, depth: number, crossed: Fragment, carried: Fragment): Fragment =>
  join(
    cypher`
CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH `,
    carried,
    cypher`v, owners, whole, shared, closed, x, `,
    start,
    cypher` AS frontier, `,
    start,
    cypher` AS reached, [] AS tiers, [] AS links
`,
    ...Array.from({ length: depth }, () => tierStep(crossed, carried)),
  );

/**
 * A column of chainWalk's answer besides the chain: `subquery` (a CALL that sees v and `tiers`) binds
 * `column` to one list.
 */
export interface ChainExtraColumn {
  column: Fragment;
  subquery: Fragment;
}

/**
 * The supply chain of root x to `depth` tiers (rules 3 and 4), breadth first: one tierStep per tier,
 * unrolled (`depth` is a whole number; Cypher has no loop), so every organization is expanded once, at
 * its smallest tier, and the links of rule 4 (into the root and every organization above the last
 * tier) are exactly those the steps cross. Returns one row: `root` (x as an ORGANIZATION_ROW_AS_ASKED),
 * `tiers` (tier k's organizations as ORGANIZATION_ROW_AS_ASKEDs at index k - 1, in no particular order),
 * `links` (as LINK_ROW_AS_ASKEDs: none unless $linkDetail asks for them) and the column of each of
 * `extras` (`carried`, as for tierWalk, keeps what their subqueries need). Everything is a list of positional lists: one big
 * record costs the driver (which reads a record of many chunks as one buffer, src/graph/bolt-messages.ts)
 * and Neo4j less than a row per item (measured through the repository: 461 against 608 ms for a chain
 * of 10,000 organizations, 102 against 147 ms for 1,000).
 */
export const chainWalk = (
  depth: number,
  extras: readonly ChainExtraColumn[] = [],
  carried: Fragment = NOTHING_MORE,
): Fragment => {
  const columns = join(...extras.map((extra) => join(cypher`, `, extra.column)));
  return join(
    tierWalk(depth, LINK_ROW_AS_ASKED.projection, carried),
    ...extras.map((extra) => extra.subquery),
    cypher`WITH x AS o, tiers, links`,
    columns,
    cypher`
RETURN `,
    ORGANIZATION_ROW_AS_ASKED.projection,
    cypher` AS root, [tier IN tiers | [o IN tier | `,
    ORGANIZATION_ROW_AS_ASKED.projection,
    cypher`]] AS tiers, links`,
    columns,
  );
};

/**
 * One statement per depth 1..MAX_DEPTH, named `<name>.depth<n>`: a quantifier bound must be a literal
 * in Cypher, so each depth is its own statement (and its own cached plan).
 */
export function byDepth(name: string, build: (depth: number) => readonly Fragment[]): readonly Statement[] {
  return Array.from({ length: MAX_DEPTH }, (_, i) => statement(`${name}.depth${i + 1}`, ...build(i + 1)));
}

/*
 * Rule 8 (specification, section 2): which disclosures a viewer may see. Written after VIEWER_GRANTS
 * and LOOKABLE, whose `lookable` decides rule 5 for the subject.
 */

const DISCLOSURE_LISTS = cypher`
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures`;

const SHARED_DISCLOSURES = cypher`
CALL (partialDisclosures) {
  UNWIND partialDisclosures AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.disclosureIds AS disclosureId
  MATCH (d:Disclosure {id: disclosureId})
  USING INDEX SEEK d:Disclosure(id)
  WITH shareOwner, d, [(d)<-[:PUBLISHED]-(publisher) | publisher] AS publishers
  WHERE shareOwner IN publishers
  RETURN collect(DISTINCT d) AS sharedDisclosures
}
`;

/**
 * Binds `disclosers` (owners whose active DISCLOSURES share to v covers every disclosure of theirs, now
 * and later) and `sharedDisclosures` (the disclosures named by active partial DISCLOSURES shares, each
 * checked to be published by the share's owner). A SOURCING share discloses no disclosure (rule 7).
 * Gathered once from v's side, at the cost of reading every share to v: where to start looking for what
 * is shared with v, and what DISCLOSURE_GRANTED tests each disclosure against. A named disclosure is
 * found by its id and its publisher read from it: found among the owner's disclosures instead, its
 * work grew with the disclosures the owner shares with others or with nobody (rule 6), whose number
 * is not v's to learn. Its ids are no secret from v: the share names them. Each is sought by its id
 * (the hint): left to the planner, disclosure.about was once planned as a scan of every disclosure's
 * id, whose work grew with every disclosure in the database (test/abuse/shown-subject-work.test.ts).
 */
export const DISCLOSURE_GRANTS = join(
  cypher`
CALL (v) {
  OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share {scope: 'DISCLOSURES'})-[:TO]->(v)
    WHERE `,
  SHARE_ACTIVE,
  cypher`
  WITH `,
  DISCLOSURE_LISTS,
  SHARED_DISCLOSURES,
  cypher`  RETURN disclosers, sharedDisclosures
}
`,
);

/**
 * VIEWER_AND_DISCLOSURE_GRANTS binds `sourcers` too: the owners of an active SOURCING share to v, of all
 * their links or of some. Only statements that tell both scopes apart need it (a blind spot is an
 * organization that shares none of its sourcing with v, whatever disclosures it shares: exposure and the
 * risk assessment); `owners` cannot tell it, and `whole` and `shared` (links that exist) miss a partial
 * share whose links are gone, which still counts as sharing.
 */
const SOURCER_LIST = cypher`,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers`;

/**
 * VIEWER_GRANTS and DISCLOSURE_GRANTS from one read of the shares to v, for a statement that needs
 * both: read twice, they were a ninth of the db hits of a 9,000-organization chain with its
 * disclosures. A walk carries the disclosure lists to where they are used (DISCLOSURE_GRANT_LISTS),
 * and `sourcers` (SOURCER_LIST) when asked to (SOURCERS).
 */
export const VIEWER_AND_DISCLOSURE_GRANTS = join(
  SHARES_TO_V,
  cypher`WITH v,`,
  SOURCING_LISTS,
  cypher`,`,
  DISCLOSURE_LISTS,
  SOURCER_LIST,
  SHARED_LINKS,
  SHARED_DISCLOSURES,
);

/** The variables DISCLOSURE_GRANTS binds, for a walk's WITH to carry (see tierWalk). */
export const DISCLOSURE_GRANT_LISTS = cypher`disclosers, sharedDisclosures, `;

/** `sourcers` (bound by VIEWER_AND_DISCLOSURE_GRANTS), for a walk's WITH to carry after DISCLOSURE_GRANT_LISTS. */
export const SOURCERS = cypher`sourcers, `;

/**
 * Disclosure `d` exists at $t: for "now", while it is not withdrawn; for asOf, once published and
 * until withdrawn, the instant of its withdrawal included (contract, rule 8: "not withdrawn before t"). (That a version had been recorded by then is decided by DISCLOSURE_VERSION.)
 */
export const DISCLOSURE_LIVE = cypher`(NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt))`;

/**
 * Disclosure `d` of `publisher` is v's own, or an active DISCLOSURES share of its owner to v covers it
 * (every disclosure of the owner, or a list naming d): a test against the lists DISCLOSURE_GRANTS
 * gathered once from v's side. Asked of the publisher's own shares instead, row by row, its work grew
 * with the shares the publisher gave other organizations (rule 6: about 9 db hits each, in v's chain,
 * exposure, risk assessment and an organization's disclosures;
 * test/abuse/shown-subject-work.test.ts).
 */
export const DISCLOSURE_GRANTED = cypher`(publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)`;

/**
 * Rule 8 for disclosure `d` published by `publisher` about `x`: it exists at $t, it is v's own or
 * shared with v (DISCLOSURE_GRANTS must be bound), and v may look its subject up (rule 5: `lookable`,
 * bound by LOOKABLE).
 */
export const DISCLOSURE_VISIBLE = join(
  DISCLOSURE_LIVE,
  cypher` AND `,
  DISCLOSURE_GRANTED,
  cypher` AND x IN lookable`,
);

/**
 * Binds `dv`, the version of `d` in effect at $t: the current one for "now", else the highest version
 * recorded by $t. A disclosure without one (asOf before its first recording) yields no row.
 */
export const DISCLOSURE_VERSION = cypher`
CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
`;

/**
 * Version `dv` is about $product (when one is asked for): its products are its scope, none meaning
 * all (contract, section 8), compared as the walk compares a link's products (composed). Exposure and the
 * risk assessment filtered by a product then read no indicator, expired evidence or audit from a plan,
 * certificate or report scoped to other products only.
 */
export const IN_DISCLOSED_PRODUCT = cypher`WITH * WHERE $product IS NULL OR size(dv.products) = 0 OR $product IN [p IN dv.products | normalize(p)]
`;
