// Links of a customer's own sourcing, declared, amended and ended through the API, and their audit
// trail (specification, section 9). A declared link is a SUPPLIES relationship like an imported one.
// Each write is decided and done in one transaction: a refused declaration writes nothing, and a link
// is locked before an amendment or end reads it, so two of them never both succeed on the same link.
// Rules: docs/sourcing.md.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { ShownLink, SupplyLink } from '../../domain/model.ts';
import {
  DECLARED_SUPPLIER_SOURCE,
  SUPPLY_LINK_ACTIONS,
  type NewSupplier,
  type SupplyLinkEvent,
  type SupplyLinkState,
} from '../../domain/sourcing.ts';
import type { IdempotencyClaim } from '../../domain/idempotency.ts';
import { eventCursor, type EventPage } from '../../domain/event-pages.ts';
import type { QueryContext, ViewerScope } from '../../domain/viewer-scope.ts';
import { LINK, ORGANIZATION, type Column } from '../../graph/columns.ts';
import { cypher, join, statement, type Fragment, type Statement } from '../../graph/cypher.ts';
import {
  bool,
  column,
  fields,
  instant,
  list,
  nullable,
  oneOf,
  text,
  UnexpectedRecordError,
  type Decoder,
  viewerRow,
} from '../../graph/decode.ts';
import type { Executor, Params, Transaction } from '../../graph/executor.ts';
import { createOnce } from '../../graph/idempotency-repository.ts';
import { EVENT_PAGE, EVENT_PLACE, eventPageParameters } from '../../graph/event-page-cypher.ts';
import { afterLastEvent, lockedInstant } from '../../graph/locked-instant.ts';
import { LOCK_VIEWER, TAKE_LISTED_OS_ID_LOCK } from '../../graph/write-locks.ts';
import { CALLED_OFF } from '../../graph/instant-cypher.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';
import {
  LOOKABLE,
  LOOKABLE_OR_LISTED,
  VIEWER_GRANTS,
  presentParams,
  scopeParams,
} from '../../graph/visibility-cypher.ts';
import { PARTY_CARD, partyOf } from '../../graph/share-cypher.ts';

/**
 * Creates link `$link` (a map of its properties) from `s` to the viewer `v`, recorded at $t, and its
 * DECLARED event ($event: the event's own properties).
 */
const CREATE_DECLARED = cypher`
  CREATE (s)-[l:SUPPLIES]->(v)
  SET l = $link, l.recordedAt = $t
  CREATE (v)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
  SET e = $event, e.key = randomUUID(), e.action = 'DECLARED', e.at = $t`;

/**
 * Declares a link from an existing supplier: `s` is bound only when the viewer may name it
 * (LOOKABLE_OR_LISTED: found in `lookable`, or listed, found through the organization_listed_id index,
 * in which an unlisted organization is absent as a missing one is), so a hidden id and a missing one
 * take the same path with the same work. Neither end may be a MONITOR; $namedId is never the viewer
 * (the service refuses that first).
 */
const DECLARE_EXISTING = statement(
  'sourcing.declareExisting',
  LOCK_VIEWER,
  VIEWER_GRANTS,
  LOOKABLE,
  LOOKABLE_OR_LISTED,
  cypher`WITH v, x AS s
CALL (v, s) {
  WITH v, s WHERE s IS NOT NULL AND s <> v AND s.type <> 'MONITOR' AND v.type <> 'MONITOR'`,
  CREATE_DECLARED,
  cypher`
}
OPTIONAL MATCH (s)-[l:SUPPLIES {id: $link.id}]->(v)
RETURN s IS NOT NULL AND s <> v AS supplierNamed, s.type AS supplierType, v.type AS customerType, l `,
  LINK.projection,
  cypher` AS link`,
);

/**
 * Declares a link from a new supplier, created unlisted with the properties $supplier. Refused when a
 * listed organization has the same osId (found through organization_listed_os_id, which holds no
 * unlisted record: a match with an unlisted one is never seen, so never told) or the viewer is a MONITOR.
 * With an osId it first takes the lock that setListing takes, so that no listing of it commits between
 * the test and the creation.
 */
const DECLARE_NEW = statement(
  'sourcing.declareNew',
  cypher`
CALL () {
  WITH 1 AS one WHERE $supplier.osId IS NOT NULL
  `,
  TAKE_LISTED_OS_ID_LOCK,
  cypher`
}
`,
  LOCK_VIEWER,
  cypher`MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (listed:Organization) USING INDEX listed:Organization(listed, osId)
  WHERE listed.listed = true AND listed.osId = $supplier.osId
WITH v, head(collect(listed.id)) AS listedId
CALL (v, listedId) {
  WITH v WHERE listedId IS NULL AND v.type <> 'MONITOR'
  CREATE (s:Organization)
  SET s = $supplier`,
  CREATE_DECLARED,
  cypher`
}
OPTIONAL MATCH (:Organization {id: $supplier.id})-[l:SUPPLIES {id: $link.id}]->(v)
RETURN listedId, v.type AS customerType, l `,
  LINK.projection,
  cypher` AS link`,
);

/**
 * Binds `l`, link $id when its customer is the viewer `v`: picked by id from the viewer's incoming
 * links, gathered in a subquery that does not read $id (as a disclosure's OWN_DISCLOSURE_BY_ID), so the
 * work depends on the viewer alone, not on whether the id exists elsewhere. A filter inside the
 * pattern (`WHERE l.id = $id |`) would leave the planner free to seek the id's index first, as it once
 * did for a finding's lock (5 db hits for another monitor's against 1).
 */
const VIEWERS_LINK = cypher`
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)<-[incoming:SUPPLIES]-() | incoming] AS incoming
}
UNWIND [own IN incoming WHERE own.id = $id] AS l`;

/**
 * Locks and returns link $id when its customer is the viewer (VIEWERS_LINK), written to (SET/REMOVE,
 * Neo4j's documented way to take a write lock in Cypher) so that a concurrent amendment or end waits
 * for this transaction; with the instant of its trail's latest event (`lastEventAt`: its own, and the
 * amendment that named it as successor), found by the events' linkId and successorId indexes: read
 * from the customer's trail, it cost 5 db hits per event of every link of the customer, under the
 * link's lock. An event of the link in another customer's trail (an import that moved the link
 * without its trail) is of its history too.
 */
const LOCK_OWN = statement(
  'sourcing.lockOwnLink',
  VIEWERS_LINK,
  cypher`
SET l._lock = true REMOVE l._lock
RETURN l `,
  LINK.projection,
  cypher` AS link,
       COLLECT { MATCH (e:SupplyLinkEvent) WHERE e.linkId = l.id OR e.successorId = l.id
                 RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt`,
);

/**
 * Link $id of the viewer's own sourcing as it is now, ended or not (the retry of a declaration or
 * amendment under its idempotency key); no row when the viewer is not its customer.
 */
const OWN_LINK = statement(
  'sourcing.ownLink',
  VIEWERS_LINK,
  cypher`
RETURN l `,
  LINK.projection,
  cypher` AS link`,
);

/** Adds the AMENDED, ENDED or DECLARED event $event (its own properties) to the viewer's trail. */
const RECORD_EVENT = cypher`
CREATE (v)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
SET e = $event, e.key = randomUUID(), e.at = $t`;

/**
 * Amends link $id (locked by LOCK_OWN): it ends at $endAt and its successor, $successor (properties),
 * holds from then on between the same ends; active shares of the viewer that named the link name the
 * successor too, so an amendment takes nothing away from a recipient.
 */
const AMEND = statement(
  'sourcing.amend',
  VIEWERS_LINK,
  cypher`
WITH v, l, startNode(l) AS s
SET l.validTo = $endAt, l.supersededBy = $successor.id
CREATE (s)-[n:SUPPLIES]->(v)
SET n = $successor, n.recordedAt = $t
WITH v, l, n
CALL (v, l, n) {
  MATCH (v)-[:GRANTED]->(share:Share)
  WHERE share.scope = 'SOURCING' AND share.revokedAt IS NULL AND (share.expiresAt IS NULL OR $t < share.expiresAt)
    AND l.id IN share.linkIds
  SET share.linkIds = share.linkIds + n.id
}`,
  RECORD_EVENT,
  cypher`
WITH n AS l
RETURN l `,
  LINK.projection,
  cypher` AS link`,
);

/** Ends link $id (locked by LOCK_OWN) at $validTo. */
const END = statement(
  'sourcing.end',
  VIEWERS_LINK,
  cypher`
SET l.validTo = $validTo`,
  RECORD_EVENT,
  cypher`
RETURN l `,
  LINK.projection,
  cypher` AS link`,
);

/**
 * Rows of the viewer's own links `l` (customer `v`) with their suppliers `x`, after VIEWER_GRANTS and
 * LOOKABLE: each link as it is now, its supplier as the viewer may see it (PARTY_CARD: whole while rule
 * 5 lets it look it up, otherwise its identity card) and the viewer as its customer, read by one
 * statement, so that a merge of the supplier between two reads cannot leave a link without its end.
 */
const shownOwnLinks = (name: string, rows: Fragment) =>
  statement(
    name,
    VIEWER_GRANTS,
    LOOKABLE,
    rows,
    cypher`
CALL (x, lookable) {
  `,
    PARTY_CARD,
    cypher`
}
RETURN l `,
    LINK.projection,
    cypher` AS link, visible, listed, organization, v `,
    ORGANIZATION.projection,
    cypher` AS customer
ORDER BY x.name, x.id, l.validFrom, l.id`,
  );

/**
 * The viewer's own links: those that hold now or later, or every one with $includeEnded. A link called
 * off before its start (validTo = validFrom, however far ahead) holds at no instant: it has ended, and
 * can no more be amended or ended than one whose end has passed.
 */
const OWN_LINKS = shownOwnLinks(
  'sourcing.ownLinks',
  join(
    cypher`MATCH (v)<-[l:SUPPLIES]-(x:Organization)
WHERE $includeEnded OR l.validTo IS NULL OR ($t < l.validTo AND NOT `,
    CALLED_OFF,
    cypher`)`,
  ),
);

/** The viewer's own links among $ids (those a write of this request made or changed). */
const OWN_LINKS_BY_ID = shownOwnLinks(
  'sourcing.shownLinks',
  cypher`UNWIND $ids AS id
MATCH (v)<-[l:SUPPLIES {id: id}]-(x:Organization)`,
);

/** A state stored as JSON text on an event (Neo4j properties hold no maps). */
const STATE_FIELDS = fields({
  supplierId: text,
  products: list(text),
  validFrom: nullable(text),
  validTo: nullable(text),
});
const jsonState: Decoder<SupplyLinkState> = (value, at) => {
  const json = text(value, at);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new UnexpectedRecordError(`${at}: expected JSON, got ${json.slice(0, 80)}`);
  }
  return STATE_FIELDS(parsed, at);
};

const EVENT: Column<Omit<SupplyLinkEvent, 'cursor'>> = {
  projection: cypher`{.action, .at, .actorUserId, .actorOrganizationId, .customerId, .linkId, .successorId,
  supplierCreated: coalesce(e.supplierCreated, false), .before, .after}`,
  decode: fields({
    action: oneOf(SUPPLY_LINK_ACTIONS),
    at: instant,
    actorUserId: text,
    actorOrganizationId: text,
    customerId: text,
    linkId: text,
    successorId: nullable(text),
    supplierCreated: bool,
    before: nullable(jsonState),
    after: jsonState,
  }),
};

/**
 * The trail of $org (the viewer's own, or any for a platform_admin), only the events of link $linkId
 * (as the link or its successor) when it is given. $linkId is tested on the trail gathered in a
 * subquery that does not read it: as a filter of the MATCH, it left the planner free to scan every
 * SupplyLinkEvent, test $linkId first and only then expand to $org, which reads more for a link of
 * another organization's trail than for one that exists nowhere (rule 6; forced with USING SCAN, 909
 * db hits against 904, in a store where that plan did less work than the planner's own choice).
 */
const EVENTS = statement(
  'sourcing.events',
  cypher`
MATCH (o:Organization {id: $org})
CALL (o) {
  RETURN [(o)-[:SOURCING_EVENT]->(event:SupplyLinkEvent) | event] AS trail
}
UNWIND [e IN trail WHERE $linkId IS NULL OR e.linkId = $linkId OR e.successorId = $linkId] AS e
WITH e, e.at AS at, e.linkId AS placeId, e.action AS placeAction, coalesce(e.key, elementId(e)) AS placeKey`,
  EVENT_PAGE,
  cypher`RETURN e `,
  EVENT.projection,
  cypher` AS event, `,
  EVENT_PLACE.projection,
  cypher` AS place`,
);

/** Who acted, for the audit trail. */
export interface Actor {
  viewer: string;
  userId: string;
  now: Date;
}

/** A declaration's link: its id, products, dates and citation. */
interface DeclaredLink {
  id: string;
  products: string[];
  validFrom: Date | null;
  validTo: Date | null;
}

export type DeclareRefusal =
  | { kind: 'supplier-unknown' }
  | { kind: 'monitor'; end: 'supplier' | 'customer' }
  | { kind: 'listed-os-id'; listedId: string };

const linkOf = (record: Neo4jRecord): SupplyLink => column(record, 'link', LINK.decode);
const shownOf = (record: Neo4jRecord): ShownLink =>
  Object.assign(linkOf(record), {
    supplier: partyOf(record),
    customer: column(record, 'customer', ORGANIZATION.decode),
  });
const dateTime = (date: Date | null) => (date === null ? null : toNeo4jDateTime(date));
const stateJson = (state: SupplyLinkState) => JSON.stringify(state);

/** A link's properties as stored, from what a declaration or amendment says. */
const linkProperties = (link: DeclaredLink, customerId: string) => ({
  id: link.id,
  products: link.products,
  ...(link.validFrom ? { validFrom: toNeo4jDateTime(link.validFrom) } : {}),
  ...(link.validTo ? { validTo: toNeo4jDateTime(link.validTo) } : {}),
  provenance: 'REPORTED',
  sources: [`declared by ${customerId}`],
});

/** The terms of a declared or amended link, as its event records them. */
const stateOf = (supplierId: string, link: DeclaredLink): SupplyLinkState => ({
  supplierId,
  products: link.products,
  validFrom: link.validFrom?.toISOString() ?? null,
  validTo: link.validTo?.toISOString() ?? null,
});

export class SourcingRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Declares a link from `supplierId`; refused, writing nothing, when the viewer may not name it.
   * `supplierMerged`: it is the kept organization of an old id the client named (LOOKABLE_OR_LISTED).
   */
  async declareExisting(
    supplierId: string,
    supplierMerged: boolean,
    link: DeclaredLink,
    actor: Actor,
    context: QueryContext,
    claim: IdempotencyClaim | null = null,
  ): Promise<SupplyLink | DeclareRefusal> {
    const params = {
      ...presentParams(actor.viewer, actor.now),
      namedId: supplierId,
      namedMerged: supplierMerged,
      link: linkProperties(link, actor.viewer),
      event: this.declaredEvent(actor, link.id, stateOf(supplierId, link), false),
    };
    return this.declareOnce(DECLARE_EXISTING, params, actor, context, claim, (record) => {
      if (!column(record, 'supplierNamed', bool)) return { kind: 'supplier-unknown' };
      if (column(record, 'customerType', text) === 'MONITOR') return { kind: 'monitor', end: 'customer' };
      if (column(record, 'supplierType', text) === 'MONITOR') return { kind: 'monitor', end: 'supplier' };
      return linkOf(record);
    });
  }

  /** Creates supplier `supplierId` and its link; refused when a listed organization has its osId. */
  async declareNew(
    supplierId: string,
    supplier: NewSupplier,
    link: DeclaredLink,
    actor: Actor,
    context: QueryContext,
    claim: IdempotencyClaim | null = null,
  ): Promise<SupplyLink | DeclareRefusal> {
    const params = {
      viewer: actor.viewer,
      t: toNeo4jDateTime(actor.now),
      supplier: {
        id: supplierId,
        ...supplier,
        provenance: 'REPORTED',
        sources: [DECLARED_SUPPLIER_SOURCE],
      },
      link: linkProperties(link, actor.viewer),
      event: this.declaredEvent(actor, link.id, stateOf(supplierId, link), true),
    };
    return this.declareOnce(DECLARE_NEW, params, actor, context, claim, (record) => {
      const listedId = column(record, 'listedId', nullable(text));
      if (listedId !== null) return { kind: 'listed-os-id', listedId };
      if (column(record, 'customerType', text) === 'MONITOR') return { kind: 'monitor', end: 'customer' };
      return linkOf(record);
    });
  }

  /** Runs a declaration's statement, once per idempotency key when there is `claim` (createOnce). */
  private declareOnce(
    declaration: Statement,
    params: Params,
    actor: Actor,
    context: QueryContext,
    claim: IdempotencyClaim | null,
    outcome: (record: Neo4jRecord) => SupplyLink | DeclareRefusal,
  ): Promise<SupplyLink | DeclareRefusal> {
    return createOnce<SupplyLink, DeclareRefusal>(this.executor, declaration.name, context, claim, {
      create: async (tx) => outcome(viewerRow(await tx.run(declaration, params), declaration)),
      created: (declared) => ('kind' in declared ? null : [declared.id]),
      replay: (tx, [id]) => this.ownLink(tx, actor.viewer, id),
    });
  }

  private async ownLink(tx: Transaction, viewer: string, id: string | undefined): Promise<SupplyLink | null> {
    const [found] = await tx.run(OWN_LINK, { viewer, id });
    return found ? linkOf(found) : null;
  }

  private declaredEvent(actor: Actor, linkId: string, after: SupplyLinkState, supplierCreated: boolean) {
    return {
      actorUserId: actor.userId,
      actorOrganizationId: actor.viewer,
      customerId: actor.viewer,
      linkId,
      supplierCreated,
      after: stateJson(after),
    };
  }

  /**
   * Locks the viewer's own link `id` and applies what `decide` makes of it. `decide` is given the
   * instant the lock is held (`lockedInstant`), to judge whether the link has ended: a change that
   * took the lock second then finds the end the first one made, where its own request's earlier
   * instant would have let it through (two successors of one link, an end undone by an amendment).
   * With `claim` (an amendment's idempotency key), the change is made once per key, and a retry
   * answers the successor the first call made, where judging the link again would find it ended.
   */
  async change(
    id: string,
    actor: Actor,
    decide: (link: SupplyLink, now: Date) => LinkChange,
    context: QueryContext,
    claim: IdempotencyClaim | null = null,
  ): Promise<SupplyLink | null> {
    return createOnce<SupplyLink, null>(this.executor, 'sourcing.change', context, claim, {
      create: (tx) => this.changeIn(tx, id, actor, decide),
      created: (changed) => (changed === null ? null : [changed.id]),
      replay: (tx, [successor]) => this.ownLink(tx, actor.viewer, successor),
    });
  }

  private async changeIn(
    tx: Transaction,
    id: string,
    actor: Actor,
    decide: (link: SupplyLink, now: Date) => LinkChange,
  ): Promise<SupplyLink | null> {
    const [locked] = await tx.run(LOCK_OWN, { viewer: actor.viewer, id });
    if (locked === undefined) return null;
    const link = linkOf(locked);
    // Judged, and stamped, at the instant the lock is held: the end it sets, the successor's record
    // and the event carry one instant, in the order the changes to the link were made, after its
    // recording and its trail's latest event whichever replica's clock stamped them (locked-instant.ts).
    const now = lockedInstant(actor.now, link.recordedAt, afterLastEvent(locked));
    const change = decide(link, now);
    if (change.kind === 'none') return link;
    const before = stateOf(link.supplierId, {
      id,
      products: link.products,
      validFrom: link.validFrom === null ? null : new Date(link.validFrom),
      validTo: link.validTo === null ? null : new Date(link.validTo),
    });
    const event = {
      actorUserId: actor.userId,
      actorOrganizationId: actor.viewer,
      customerId: actor.viewer,
      linkId: id,
      before: stateJson(before),
    };
    const common = { viewer: actor.viewer, id, t: toNeo4jDateTime(now) };
    if (change.kind === 'end') {
      const after = { ...before, validTo: change.validTo.toISOString() };
      const [ended] = await tx.run(END, {
        ...common,
        validTo: toNeo4jDateTime(change.validTo),
        event: { ...event, action: 'ENDED', after: stateJson(after) },
      });
      return ended ? linkOf(ended) : null;
    }
    const [amended] = await tx.run(AMEND, {
      ...common,
      endAt: dateTime(change.endAt),
      successor: linkProperties(change.successor, actor.viewer),
      event: {
        ...event,
        action: 'AMENDED',
        successorId: change.successor.id,
        after: stateJson(stateOf(link.supplierId, change.successor)),
      },
    });
    return amended ? linkOf(amended) : null;
  }

  async ownLinks(scope: ViewerScope, includeEnded: boolean): Promise<ShownLink[]> {
    const records = await this.executor.read(
      OWN_LINKS,
      { ...scopeParams(scope), includeEnded },
      scope.context,
    );
    return records.map(shownOf);
  }

  /**
   * The viewer's own links among `ids` as they are now, with their ends (OWN_LINKS_BY_ID): none once the
   * viewer's organization is gone (merged away: its links moved to the kept one).
   */
  async shownLinks(scope: ViewerScope, ids: readonly string[]): Promise<ShownLink[]> {
    const records = await this.executor.read(OWN_LINKS_BY_ID, { ...scopeParams(scope), ids }, scope.context);
    return records.map(shownOf);
  }

  async events(
    org: string,
    linkId: string | null,
    page: EventPage,
    context: QueryContext,
  ): Promise<SupplyLinkEvent[]> {
    const records = await this.executor.read(EVENTS, { org, linkId, ...eventPageParameters(page) }, context);
    return records.map((r) => {
      const event = column(r, 'event', EVENT.decode);
      const { at, key } = column(r, 'place', EVENT_PLACE.decode);
      return { ...event, cursor: eventCursor({ at, id: event.linkId, action: event.action, key }) };
    });
  }
}

/** What an amendment or end does to a locked link. */
export type LinkChange =
  | { kind: 'end'; validTo: Date }
  | { kind: 'amend'; endAt: Date; successor: DeclaredLink }
  /** An amendment to what the link already says, or an end at the end it has: nothing is written. */
  | { kind: 'none' };
