// mergeOrganizations: one write transaction of five statements (check and lock, freeze, move, rename
// the actors of audit events, record), so that a refused merge writes nothing and two merges of the
// same records run one after the other.
import { OVERLAPPING_SCOPES } from '../../domain/access-requests.ts';
import type { QueryContext } from '../../domain/viewer-scope.ts';
import { cypher, join, statement, type Fragment } from '../../graph/cypher.ts';
import {
  bool,
  column,
  integer,
  list,
  nullable,
  oneOf,
  positional,
  single,
  text,
} from '../../graph/decode.ts';
import type { Executor, Transaction } from '../../graph/executor.ts';
import { lockedInstant } from '../../graph/locked-instant.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';

/** The organizations of a merge, as the check statement found them. */
export interface MergeCheck {
  keepFound: boolean;
  mergeFound: boolean;
  /** Where an id that is no organization was merged into (null: never an organization here). */
  keepMergedInto: string | null;
  mergeMergedInto: string | null;
  /** Links, shares and access requests between the two, which a merge would turn on itself. */
  linksBetween: string[];
  sharesBetween: string[];
  requestsBetween: string[];
  /**
   * Open access requests, [the kept one's, the merged one's], that the merge would make two open
   * requests of one requester to one target for overlapping scopes (at most one may be open; BOTH
   * overlaps either scope: overlappingScopes).
   */
  openTwice: [string, string][];
  /**
   * The merged organization's supply links (either direction) when the kept one is a MONITOR, which
   * has none (specification, section 1); empty otherwise.
   */
  linksIntoMonitor: string[];
  /**
   * The findings the merged organization recorded (src/modules/findings) when the kept one is no
   * MONITOR, which may record none: merged, they would name it as their recorder; empty otherwise.
   */
  findingsOutOfMonitor: string[];
}

/** Relationships moved from the merged organization to the kept one, by direction and type. */
export interface MovedRelationship {
  direction: 'OUT' | 'IN';
  type: string;
  count: number;
}

const DIRECTION = oneOf(['OUT', 'IN']);

interface MergeOutcome {
  /** The instant the merge is recorded at: once it held both organizations' locks. */
  mergedAt: Date;
  frozenShareIds: string[];
  moved: MovedRelationship[];
  /** Ids merged earlier into the merged organization, which now resolve to the kept one. */
  formerlyMergedIds: string[];
}

const BOTH = cypher`MATCH (k:Organization {id: $keep}), (m:Organization {id: $merge})`;

/**
 * Finds both ids, and locks both organizations (a property write, Neo4j's documented way to take a
 * write lock in Cypher) so that a concurrent merge, declaration or share of either waits for this one.
 * The shares and requests between them are read from their two ends, each direction on its own: an
 * OR of the ends was planned as a scan of every share and request in the store.
 */
const CHECK = statement(
  'merge.check',
  cypher`OPTIONAL MATCH (k:Organization {id: $keep})
OPTIONAL MATCH (m:Organization {id: $merge})
OPTIONAL MATCH (keepRecord:MergedOrganization {id: $keep})
OPTIONAL MATCH (mergeRecord:MergedOrganization {id: $merge})
CALL (k, m) {
  WITH k, m WHERE k IS NOT NULL AND m IS NOT NULL
  SET k._lock = true, m._lock = true
  REMOVE k._lock, m._lock
}
RETURN k IS NOT NULL AS keepFound, m IS NOT NULL AS mergeFound,
       keepRecord.into AS keepMergedInto, mergeRecord.into AS mergeMergedInto,
       COLLECT { MATCH (k)-[l:SUPPLIES]-(m) RETURN l.id AS id ORDER BY id } AS linksBetween,
       COLLECT { MATCH (m)-[l:SUPPLIES]-() WHERE k.type = 'MONITOR' RETURN l.id AS id ORDER BY id }
         AS linksIntoMonitor,
       COLLECT { MATCH (m)-[:RECORDED]->(r:RiskIndicator) WHERE k.type <> 'MONITOR' RETURN r.id AS id ORDER BY id }
         AS findingsOutOfMonitor,
       COLLECT { UNWIND [(k)-[:GRANTED]->(s:Share)-[:TO]->(m) | s.id]
                      + [(m)-[:GRANTED]->(s:Share)-[:TO]->(k) | s.id] AS id
                 RETURN id ORDER BY id } AS sharesBetween,
       COLLECT { UNWIND [(k)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(m) | r.id]
                      + [(m)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(k) | r.id] AS id
                 RETURN id ORDER BY id } AS requestsBetween,
       COLLECT {
         MATCH (x:Organization)-[:REQUESTED]->(merged:AccessRequest {status: 'OPEN'})-[:OF]->(m)
         MATCH (x)-[:REQUESTED]->(kept:AccessRequest {status: 'OPEN'})-[:OF]->(k)
         WHERE kept.scope IN $overlapping[merged.scope]
         RETURN [kept.id, merged.id] AS pair
         UNION
         MATCH (m)-[:REQUESTED]->(merged:AccessRequest {status: 'OPEN'})-[:OF]->(y:Organization)
         MATCH (k)-[:REQUESTED]->(kept:AccessRequest {status: 'OPEN'})-[:OF]->(y)
         WHERE kept.scope IN $overlapping[merged.scope]
         RETURN [kept.id, merged.id] AS pair
       } AS openTwice`,
);

/**
 * Never widen: a share of either side that covers all its owner's links ("linkIds: null", now and
 * later) would also cover the other side's links once they are one organization's; it is frozen to
 * the links it could ever show its recipient, so that asOf answers as before: those that held at some
 * instant while the share was active and had been recorded by then (every start, the grant, validFrom
 * and recordedAt, before every end, the revoke, the expiry and validTo). A link that ended before the
 * grant, or was called off, was never the recipient's to see, and neither is its id in the frozen
 * share's linkIds, which the recipient reads (test/api/frozen-share-ids.test.ts). Only when
 * the other side has links of its own: otherwise there is nothing to widen to. DISCLOSURES shares with
 * disclosureIds null likewise, when the other side has published disclosures: frozen to those not
 * withdrawn before the grant nor published after the share ended. Revoked and expired shares too,
 * since asOf still counts them at instants when they were active.
 */
const FREEZE = statement(
  'merge.freeze',
  BOTH,
  cypher`
UNWIND [{owner: k, other: m}, {owner: m, other: k}] AS side
WITH side.owner AS owner, side.other AS other
CALL (owner, other) {
  MATCH (owner)-[:GRANTED]->(s:Share {scope: 'SOURCING'})
  WHERE s.linkIds IS NULL AND EXISTS { (other)<-[:SUPPLIES]-() }
  SET s.linkIds = COLLECT {
    MATCH (owner)<-[l:SUPPLIES]-()
    WITH l, [at IN [s.createdAt, l.validFrom, l.recordedAt] WHERE at IS NOT NULL] AS starts,
         [at IN [s.revokedAt, s.expiresAt, l.validTo] WHERE at IS NOT NULL] AS ends
    WHERE all(start IN starts WHERE all(end IN ends WHERE start < end))
    RETURN l.id AS id ORDER BY id
  }
  RETURN collect(s.id) AS sourcing
}
CALL (owner, other) {
  MATCH (owner)-[:GRANTED]->(s:Share {scope: 'DISCLOSURES'})
  WHERE s.disclosureIds IS NULL AND EXISTS { (other)-[:PUBLISHED]->(:Disclosure) }
  SET s.disclosureIds = COLLECT {
    MATCH (owner)-[:PUBLISHED]->(d:Disclosure)
    WHERE (d.withdrawnAt IS NULL OR s.createdAt IS NULL OR s.createdAt <= d.withdrawnAt)
      AND all(end IN [at IN [s.revokedAt, s.expiresAt] WHERE at IS NOT NULL] WHERE d.publishedAt < end)
    RETURN d.id AS id ORDER BY id
  }
  RETURN collect(s.id) AS disclosures
}
UNWIND sourcing + disclosures AS frozen
RETURN frozen ORDER BY frozen`,
);

/**
 * Re-attaches every relationship of the merged organization, whatever its type, to the kept one with
 * the same type and properties (a relationship's ends cannot change in Neo4j: it is deleted and made
 * again). Supply links keep their ids, so shares naming them still do; shares, requests, disclosures
 * and indicators are nodes and keep everything of theirs.
 */
const moveAll = (direction: Fragment, from: Fragment, to: Fragment): Fragment =>
  join(
    cypher`
  MATCH `,
    from,
    cypher`
  WITH k, x, r, type(r) AS kind, properties(r) AS props
  DELETE r
  CREATE `,
    to,
    cypher`
  SET moved = props
  RETURN `,
    direction,
    cypher` AS direction, kind, count(*) AS count`,
  );

const MOVE = statement(
  'merge.move',
  BOTH,
  cypher`
CALL (k, m) {`,
  moveAll(cypher`'OUT'`, cypher`(m)-[r]->(x)`, cypher`(k)-[moved:$(kind)]->(x)`),
  cypher`
  UNION ALL`,
  moveAll(cypher`'IN'`, cypher`(m)<-[r]-(x)`, cypher`(x)-[moved:$(kind)]->(k)`),
  cypher`
}
RETURN direction, kind, count`,
);

/**
 * Audit trails name the organization that acted by id: events of the merged organization's shares,
 * access requests and declared sourcing (now the kept one's) name the kept one, as every lookup of the
 * old id does. The kept organization is labelled a disclosure subject if disclosures about the merged
 * one moved to it, and a risk subject if its risk indicators did (the chain's reads of disclosures and
 * indicators only look at labelled subjects). The merged organization's idempotency keys become the
 * kept one's, so that its users' retries with a token of the kept organization find what they created
 * (where both organizations used one key for one mutation, the kept organization's stands).
 */
const RENAME_ACTORS = statement(
  'merge.renameActors',
  cypher`MATCH (k:Organization {id: $keep})
CALL (k) {
  MATCH (k)-[:GRANTED|TO]-(:Share)<-[:OF]-(e:ShareEvent {actorOrganizationId: $merge})
  SET e.actorOrganizationId = $keep
}
CALL (k) {
  MATCH (k)-[:REQUESTED|OF]-(:AccessRequest)<-[:OF]-(e:AccessRequestEvent {actorOrganizationId: $merge})
  SET e.actorOrganizationId = $keep
}
CALL (k) {
  WITH k WHERE EXISTS { (k)<-[:ABOUT]-(:Disclosure) }
  SET k:DisclosureSubject
}
CALL (k) {
  WITH k WHERE EXISTS { (k)-[:HAS_RISK]->(:RiskIndicator) }
  SET k:RiskSubject
}
CALL (k) {
  MATCH (k)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
  WHERE e.actorOrganizationId = $merge OR e.customerId = $merge
  SET e.actorOrganizationId = CASE e.actorOrganizationId WHEN $merge THEN $keep ELSE e.actorOrganizationId END,
      e.customerId = CASE e.customerId WHEN $merge THEN $keep ELSE e.customerId END
}
CALL () {
  // expiresAt is always set: the test lets the (organizationId, expiresAt) index find the keys.
  MATCH (key:IdempotencyKey {organizationId: $merge}) WHERE key.expiresAt IS NOT NULL
  OPTIONAL MATCH (kept:IdempotencyKey {organizationId: $keep, mutation: key.mutation, key: key.key})
  CALL (key, kept) {
    WITH key, kept WHERE kept IS NOT NULL
    DELETE key
  }
  CALL (key, kept) {
    WITH key, kept WHERE kept IS NULL
    SET key.organizationId = $keep
  }
}`,
);

/**
 * Removes the merged organization (a plain DELETE: it fails, and the transaction with it, if a
 * relationship were left) and keeps its record; records of earlier merges into it now point to the
 * kept organization, so that every old id resolves with one index seek.
 */
const RECORD = statement(
  'merge.record',
  cypher`MATCH (m:Organization {id: $merge})
WITH m, m.name AS name
DELETE m
CREATE (:MergedOrganization {id: $merge, into: $keep, mergedInto: $keep, name: name, mergedAt: $t,
                             actorUserId: $actorUserId, frozenShareIds: $frozen})
WITH 1 AS done
CALL () {
  MATCH (earlier:MergedOrganization {into: $merge})
  SET earlier.into = $keep
  WITH earlier ORDER BY earlier.id
  RETURN collect(earlier.id) AS formerlyMergedIds
}
RETURN formerlyMergedIds`,
);

interface MergeRequest {
  keepId: string;
  mergeId: string;
  at: Date;
  actorUserId: string;
}

export class MergeRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Merges in one transaction. `refuse` sees what the check found and throws to refuse the merge, in
   * which case nothing is written.
   */
  merge(
    request: MergeRequest,
    refuse: (check: MergeCheck) => void,
    context: QueryContext,
  ): Promise<MergeOutcome> {
    const asked = { keep: request.keepId, merge: request.mergeId, actorUserId: request.actorUserId };
    return this.executor.writeTransaction('merge.organizations', context, async (tx) => {
      refuse(await check(tx, asked));
      // Stamped once CHECK holds both organizations' locks, after any write to either that locked
      // them first (src/graph/locked-instant.ts).
      const mergedAt = lockedInstant(request.at);
      const params = { ...asked, t: toNeo4jDateTime(mergedAt) };
      const frozenShareIds = (await tx.run(FREEZE, params)).map((r) => column(r, 'frozen', text));
      const moved = (await tx.run(MOVE, params)).map((r) => ({
        direction: column(r, 'direction', DIRECTION),
        type: column(r, 'kind', text),
        count: column(r, 'count', integer),
      }));
      await tx.run(RENAME_ACTORS, params);
      const recorded = single(await tx.run(RECORD, { ...params, frozen: frozenShareIds }), RECORD);
      const formerlyMergedIds = column(recorded, 'formerlyMergedIds', list(text));
      return { mergedAt, frozenShareIds, moved, formerlyMergedIds };
    });
  }
}

async function check(tx: Transaction, params: Record<string, unknown>): Promise<MergeCheck> {
  const r = single(await tx.run(CHECK, { ...params, overlapping: OVERLAPPING_SCOPES }), CHECK);
  return {
    keepFound: column(r, 'keepFound', bool),
    mergeFound: column(r, 'mergeFound', bool),
    keepMergedInto: column(r, 'keepMergedInto', nullable(text)),
    mergeMergedInto: column(r, 'mergeMergedInto', nullable(text)),
    linksBetween: column(r, 'linksBetween', list(text)),
    sharesBetween: column(r, 'sharesBetween', list(text)),
    requestsBetween: column(r, 'requestsBetween', list(text)),
    linksIntoMonitor: column(r, 'linksIntoMonitor', list(text)),
    findingsOutOfMonitor: column(r, 'findingsOutOfMonitor', list(text)),
    openTwice: column(r, 'openTwice', list(positional({ kept: text, merged: text }))).map(
      ({ kept, merged }): [string, string] => [kept, merged],
    ),
  };
}
