// Access requests and their events (specification, section 8). Sending decides whether the requester
// may name the target (rule 5), whether an open request of its already asks for a share it asks for
// (BOTH overlaps either scope), and writes, in one statement: a hidden target and a missing one take
// the same path and nothing is written for either.
// Answers and withdrawals lock the request first, so two answers at once cannot both find it open; a
// grant creates its shares and closes the request in the same transaction. Rules:
// docs/specification.md, section 8.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import {
  ACCESS_REQUEST_ACTIONS,
  ACCESS_SCOPES,
  NOTES_WRITTEN_BY,
  overlappingScopes,
  type AccessRequest,
  type AccessRequestEvent,
  type AccessRequestStatus,
  type AccessScope,
} from '../../domain/access-requests.ts';
import type { IdempotencyClaim } from '../../domain/idempotency.ts';
import type { Organization, Share } from '../../domain/model.ts';
import type { QueryContext, ViewerScope } from '../../domain/viewer-scope.ts';
import { SHARE, type Column } from '../../graph/columns.ts';
import { cypher, join, statement, type Fragment } from '../../graph/cypher.ts';
import {
  bool,
  column,
  fields,
  instant,
  integer,
  list,
  nullable,
  oneOf,
  single,
  text,
} from '../../graph/decode.ts';
import type { Executor, Transaction } from '../../graph/executor.ts';
import { createOnce, FORGET_REQUEST_TEXTS } from '../../graph/idempotency-repository.ts';
import { afterLastEvent, lockedInstant } from '../../graph/locked-instant.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';
import { LOOKABLE, VIEWER_GRANTS, presentParams, scopeParams } from '../../graph/visibility-cypher.ts';
import {
  CREATE_SHARE,
  ENDED_LINK,
  NOT_OWNED,
  PARTY_CARD,
  partyOf,
  sameShareActive,
} from '../../graph/share-cypher.ts';
import { LOCK_VIEWER } from '../../graph/write-locks.ts';
import { CALLED_OFF } from '../../graph/instant-cypher.ts';
import type { EndedLink } from '../../domain/ended-links.ts';
import { ACCESS_REQUEST, OPEN_REQUESTS_PARAMS, REQUEST_AS_OF } from '../../graph/access-request-cypher.ts';

/** Event `e`. */
const EVENT: Column<AccessRequestEvent> = {
  projection: cypher`{.action, .at, .actorUserId, .actorOrganizationId, .note}`,
  decode: fields({
    action: oneOf(ACCESS_REQUEST_ACTIONS),
    at: instant,
    actorUserId: text,
    actorOrganizationId: text,
    note: nullable(text),
  }),
};

/** An open request in the way of a new one (SEND's `open`). */
const OPEN_REQUEST = fields({ id: text, scope: oneOf(ACCESS_SCOPES) });

const RETURN_REQUEST = join(cypher`RETURN r `, ACCESS_REQUEST.projection, cypher` AS request`);

/** The viewer and instant of a read of requests as they stood (AS_OF). */
const asOfParams = (scope: ViewerScope) => ({ ...scopeParams(scope), ...OPEN_REQUESTS_PARAMS });

/** A request read as of the scope's instant carries it when it is in the past (`overdue` then). */
const requestAsOf = (record: Neo4jRecord, scope: ViewerScope): AccessRequest => {
  const request = requestOf(record);
  return scope.historical ? { ...request, asOf: scope.instant } : request;
};

/**
 * With the requester as the viewer: `x` is bound only when v may look the target up (rule 5) and it is
 * not v; `open` lists v's open requests to it (id and scope, oldest first) whose scope is among
 * $overlapping, those asking for a share the new one asks for too (overlappingScopes). The request (and
 * its SENT event) is created only when the target is bound and none is open. The target is found among what v may look
 * up (LOOKABLE), never by its id, so a hidden target costs what a missing one costs (rule 6). The
 * requester's node is locked first, so two sends at once cannot both find no open request.
 */
const SEND = statement(
  'accessRequest.send',
  VIEWER_GRANTS,
  LOOKABLE,
  cypher`
SET v._lock = true
REMOVE v._lock
WITH v, head([n IN lookable WHERE n.id = $targetId AND n <> v]) AS x
CALL (v, x) {
  OPTIONAL MATCH (v)-[:REQUESTED]->(open:AccessRequest {status: 'OPEN'})-[:OF]->(x)
  WHERE open.scope IN $overlapping
  WITH open ORDER BY open.sentAt, open.id
  RETURN collect(open {.id, .scope}) AS open
}
CALL (v, x, open) {
  WITH v, x WHERE x IS NOT NULL AND size(open) = 0
  CREATE (v)-[:REQUESTED]->(r:AccessRequest {id: $id, scope: $scope, products: $products, message: $message,
                                             sentAt: $t, dueAt: $dueAt, extended: false, status: 'OPEN'})
         -[:OF]->(x)
  CREATE (:AccessRequestEvent {action: 'SENT', at: $t, actorUserId: $actorUserId, actorOrganizationId: v.id,
                               note: $message})-[:OF]->(r)
}
OPTIONAL MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
RETURN x IS NOT NULL AS targetNamed, open, CASE WHEN r IS NULL THEN null ELSE r `,
  ACCESS_REQUEST.projection,
  cypher` END AS request`,
);

/**
 * Binds `r`, request $id, when it is among `requests` (an expression of `v`, the viewer's requests in
 * one or both directions); no row otherwise. The viewer's requests are gathered in a subquery that
 * does not read $id, so another organization's request costs what a missing id costs (rule 6); seeking
 * the id and then testing its parties reads more for one that exists.
 */
const viewersRequest = (requests: Fragment): Fragment =>
  join(
    cypher`MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN `,
    requests,
    cypher` AS requests
}
UNWIND [request IN requests WHERE request.id = $id] AS r
MATCH (requester:Organization)-[:REQUESTED]->(r)-[:OF]->(target:Organization)
`,
  );

const SENT_BY_V = cypher`[(v)-[:REQUESTED]->(sent:AccessRequest) | sent]`;
const SENT_TO_V = cypher`[(v)<-[:OF]-(received:AccessRequest) | received]`;

/** Sent by $t (asOf: by then; now: any), and shown as it stood then (REQUEST_AS_OF). */
const AS_OF = join(
  cypher`WITH requester, target, r WHERE NOT $historical OR r.sentAt <= $t
  `,
  REQUEST_AS_OF,
  cypher`
`,
);

/** Request $id if the viewer's organization sent or received it (by $t, as it stood then). */
const FIND = statement(
  'accessRequest.find',
  viewersRequest(join(SENT_BY_V, cypher` + `, SENT_TO_V)),
  AS_OF,
  RETURN_REQUEST,
);

/**
 * A locked request and the instant of its latest event (`lastEventAt`): what is written next is
 * stamped no earlier (locked-instant.ts), whichever replica's clock stamped that event, so that its
 * events keep the order in which they happened (a decline after the extension it follows).
 */
const RETURN_LOCKED = join(
  RETURN_REQUEST,
  cypher`,
       COLLECT { MATCH (e:AccessRequestEvent)-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt`,
);

/**
 * Request $id sent to the viewer's organization, locked until the transaction ends: an answer reads
 * its status after the lock, so a concurrent answer or withdrawal is either seen or waits.
 */
const LOCK_RECEIVED = statement(
  'accessRequest.lockReceived',
  viewersRequest(SENT_TO_V),
  cypher`SET r._lock = true
REMOVE r._lock
`,
  RETURN_LOCKED,
);

/** As LOCK_RECEIVED, for a request the viewer's organization sent. */
const LOCK_SENT = statement(
  'accessRequest.lockSent',
  viewersRequest(SENT_BY_V),
  cypher`SET r._lock = true
REMOVE r._lock
`,
  RETURN_LOCKED,
);

/**
 * As LOCK_SENT, with when the requester last reminded the target (`lastRemindedAt`), read once the lock
 * is held: of two reminders at once, the second sees the first's event and is refused as too soon.
 */
const LOCK_SENT_REMINDED = statement(
  'accessRequest.lockSentReminded',
  viewersRequest(SENT_BY_V),
  cypher`SET r._lock = true
REMOVE r._lock
`,
  RETURN_LOCKED,
  cypher`,
       COLLECT {
         MATCH (e:AccessRequestEvent {action: 'REMINDED'})-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1
       }[0] AS lastRemindedAt`,
);

/**
 * As LOCK_RECEIVED, for a request the viewer's organization sent or received, with whether it already
 * erased its texts on it (`redacted`: of two erasures at once, the second sees the first's event) and
 * whether it wrote any that are still there (`wrote`: the requester's message, the target's reason, a
 * note on one of its events, those of its actions too whatever actor they name: NOTES_WRITTEN_BY).
 */
const LOCK_EITHER = statement(
  'accessRequest.lockEither',
  viewersRequest(join(SENT_BY_V, cypher` + `, SENT_TO_V)),
  cypher`SET r._lock = true
REMOVE r._lock
`,
  RETURN_LOCKED,
  cypher`,
       EXISTS { (:AccessRequestEvent {action: 'REDACTED', actorOrganizationId: $viewer})-[:OF]->(r) } AS redacted,
       CASE $viewer WHEN requester.id THEN r.message WHEN target.id THEN r.reason END IS NOT NULL
         OR EXISTS {
           MATCH (e:AccessRequestEvent)-[:OF]->(r)
           WHERE e.note IS NOT NULL AND (e.actorOrganizationId = $viewer
             OR e.action IN $notesWrittenBy[CASE $viewer WHEN requester.id THEN 'requester' ELSE 'target' END])
         } AS wrote`,
);

/**
 * Erases what party $viewer wrote on request $id (locked and checked closed by the caller): the
 * requester's message, the target's reason, and the notes of its events, then records its REDACTED
 * event. The events' notes are erased by their organization, whichever user or import wrote them, and
 * by their action ($actions, the party's: NOTES_WRITTEN_BY), since a file may name another actor.
 * Nothing is written, and no row answered, when $viewer is no longer a party: a merge that moved the
 * request from it committed while the lock was awaited (its renaming of the events' actors ran before
 * this erasure's event, which would name an organization gone from the request).
 */
const REDACT = statement(
  'accessRequest.redact',
  cypher`MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
WHERE $viewer IN [requester.id, target.id]
SET r.message = CASE WHEN requester.id = $viewer THEN null ELSE r.message END,
    r.reason = CASE WHEN target.id = $viewer THEN null ELSE r.reason END
WITH requester, target, r
CALL (r) {
  MATCH (written:AccessRequestEvent)-[:OF]->(r)
  WHERE written.actorOrganizationId = $viewer OR written.action IN $actions
  SET written.note = null
}
CREATE (:AccessRequestEvent {action: 'REDACTED', at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: null})-[:OF]->(r)
`,
  RETURN_REQUEST,
);

/** Closes request $id (locked and checked open by the caller) with $status, $reason and its event. */
const CLOSE = statement(
  'accessRequest.close',
  cypher`MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
SET r.status = $status, r.closedAt = $t, r.reason = coalesce($reason, r.reason)
CREATE (:AccessRequestEvent {action: $status, at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: $reason})-[:OF]->(r)
`,
  RETURN_REQUEST,
);

/** Records the requester's reminder of request $id (locked and judged by the caller) with its $message. */
const REMIND = statement(
  'accessRequest.remind',
  cypher`MATCH (requester:Organization {id: $viewer})-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
CREATE (:AccessRequestEvent {action: 'REMINDED', at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: $message})-[:OF]->(r)
`,
  RETURN_REQUEST,
);

/** The EXTENDED event keeps the due date before and after, so that an `asOf` shows the one then. */
const EXTEND = statement(
  'accessRequest.extend',
  cypher`MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization {id: $viewer})
CREATE (:AccessRequestEvent {action: 'EXTENDED', at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: $reason, previousDueAt: r.dueAt, dueAt: $dueAt})-[:OF]->(r)
SET r.dueAt = $dueAt, r.extended = true, r.reason = $reason
`,
  RETURN_REQUEST,
);

/**
 * Grants request $id (locked and checked open by the caller): `notOwned` lists the $linkIds that are not
 * links in which the target is the customer, `notDisclosed` the $disclosureIds that are not the
 * target's own disclosures still published (NOT_OWNED). Only when both are empty is the request closed
 * and each share of $shares (target to requester) linked to it: the active shares that already give
 * the requester the same (sameShareActive: every one, so that revoking the request's shares ends the
 * access), else one created now. A second share would add nothing,
 * and revoking "the requester's access" would then leave it all it saw. The target is locked, as a
 * share's owner is by shareSourcing, so neither can create the share the other is creating.
 */
const GRANT = statement(
  'accessRequest.grant',
  LOCK_VIEWER,
  cypher`MATCH (recipient:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(owner:Organization {id: $viewer})`,
  NOT_OWNED,
  cypher`WITH r, owner, recipient, notOwned, ended, notDisclosed, endedOwned, published
CALL (r, owner, recipient, notOwned, ended, notDisclosed, endedOwned, published) {
  WITH r, owner, recipient, endedOwned, published
  WHERE size(notOwned) = 0 AND size(ended) = 0 AND size(notDisclosed) = 0
  SET r.status = 'GRANTED', r.closedAt = $t
  CREATE (:AccessRequestEvent {action: 'GRANTED', at: $t, actorUserId: $actorUserId, actorOrganizationId: owner.id,
                               note: $reason})-[:OF]->(r)
  WITH r, owner, recipient, endedOwned, published
  UNWIND $shares AS spec
  `,
  sameShareActive({
    scope: cypher`spec.scope`,
    linkIds: cypher`spec.linkIds`,
    disclosureIds: cypher`spec.disclosureIds`,
    expiresAt: cypher`spec.expiresAt`,
  }),
  cypher`  CALL (r, owner, recipient, spec, duplicate) {
    WITH r, owner, recipient, spec WHERE duplicate IS NULL
    `,
  CREATE_SHARE,
  cypher`
    CREATE (r)-[:RESULTED_IN]->(share)
  }
  CALL (r, duplicates) {
    UNWIND duplicates AS duplicate
    CREATE (r)-[:RESULTED_IN]->(duplicate)
  }
}
WITH r, recipient AS requester, owner AS target, notOwned, ended, notDisclosed
RETURN notOwned, ended, notDisclosed, r `,
  ACCESS_REQUEST.projection,
  cypher` AS request`,
);

/**
 * The ids of the viewer's own links (those in which it is the customer) that hold at $t or start later
 * and carry any of $products, in id order: what a GRANT without linkIds of a request naming products
 * shares. A link called off before its start (validTo = validFrom) holds at no instant, so it is not
 * one of them (GRANT would refuse it as ended). Names compare as stored (trimmed) and composed, as a `product` filter compares them.
 */
const LINKS_CARRYING = statement(
  'accessRequest.linksCarrying',
  cypher`MATCH (:Organization {id: $viewer})<-[l:SUPPLIES]-()
WHERE (l.validTo IS NULL OR ($t < l.validTo AND NOT `,
  CALLED_OFF,
  cypher`))
  AND any(product IN l.products WHERE normalize(product) IN [p IN $products | normalize(p)])
RETURN l.id AS id
ORDER BY id`,
);

/**
 * The viewer's requests, sent or received as `match` binds them, by $t and as they stood then, with
 * $status (then) if one is asked for.
 */
const listOf = (name: string, match: Fragment, order: Fragment) =>
  statement(
    name,
    match,
    cypher`
`,
    AS_OF,
    cypher`WITH requester, target, r WHERE $status IS NULL OR r.status = $status
`,
    RETURN_REQUEST,
    order,
  );

const SENT = listOf(
  'accessRequest.sent',
  cypher`MATCH (requester:Organization {id: $viewer})-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization)`,
  cypher`
ORDER BY r.sentAt DESC, r.id`,
);

const RECEIVED = listOf(
  'accessRequest.received',
  cypher`MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization {id: $viewer})`,
  cypher`
ORDER BY CASE WHEN r.status = 'OPEN' THEN 0 ELSE 1 END, CASE WHEN r.status = 'OPEN' THEN r.dueAt END,
         r.sentAt DESC, r.id`,
);

/**
 * Events and shares of requests the viewer already holds (a resolver only gets them from FIND/lists).
 * A REDACTED event shows at every instant, as the erasure it records holds at every instant. A share
 * shows from the grant on (closedAt, as REQUEST_AS_OF tells it), not from its own creation: a grant may
 * link an older active share it would have repeated (sameShareActive), which the request, still open
 * before, had not given. Only the events this version knows are read ($knownActions): during a rolling
 * upgrade a newer pod may record a kind of event an older one has no word for, and the older one then
 * answers the history without it rather than failing the whole request.
 */
const DETAILS = statement(
  'accessRequest.details',
  cypher`UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (r:AccessRequest {id: key.id})
RETURN i,
       COLLECT {
         MATCH (e:AccessRequestEvent)-[:OF]->(r)
         WHERE (key.at IS NULL OR e.at <= key.at OR e.action = 'REDACTED') AND e.action IN $knownActions
         WITH e ORDER BY e.at, e.action
         RETURN e `,
  EVENT.projection,
  cypher`
       } AS events,
       COLLECT {
         MATCH (r)-[:RESULTED_IN]->(share:Share)-[:TO]->(recipient:Organization),
               (owner:Organization)-[:GRANTED]->(share)
         WHERE key.at IS NULL OR (share.createdAt <= key.at AND NOT coalesce(key.at < r.closedAt, false))
         WITH share, owner, recipient ORDER BY share.scope, share.id
         RETURN share `,
  SHARE.projection,
  cypher`
       } AS shares`,
);

/**
 * The parties among $ids of requests with the viewer (as requester or target), whole or as identity
 * cards (PARTY_CARD). Gathered from the viewer's side once, as share.parties does: a test from the
 * party's side reads the requests it took part in with anybody, whenever the planner starts there.
 */
const PARTIES = statement(
  'accessRequest.parties',
  VIEWER_GRANTS,
  LOOKABLE,
  cypher`
CALL (v) {
  RETURN [(v)-[:REQUESTED]->(:AccessRequest)-[:OF]->(p) | p]
       + [(p)-[:REQUESTED]->(:AccessRequest)-[:OF]->(v) | p] AS parties
}
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WHERE x = v OR x IN parties
`,
  PARTY_CARD,
);

interface NewAccessRequest {
  id: string;
  requesterId: string;
  targetId: string;
  scope: AccessScope;
  products: string[];
  message: string | null;
  now: Date;
  dueAt: Date;
  actorUserId: string;
}

/** Why a send was refused. A target the requester may not name is refused first, as a missing one. */
type SendRefusal =
  | { kind: 'target-not-found' }
  /** An open request of the requester to the target asks for a share the new one asks for too. */
  | { kind: 'already-open'; openId: string; openScope: AccessScope }
  /** The requester is gone: merged away or removed after its token was vouched for (known-organizations.ts). */
  | { kind: 'requester-gone' };

/** A share that granting creates: scope, and the narrowing the target chose for it. */
export interface ShareSpec {
  id: string;
  scope: 'SOURCING' | 'DISCLOSURES';
  linkIds: string[] | null;
  disclosureIds: string[] | null;
}

export type GrantRefusal = { notOwned: string[]; ended: EndedLink[]; notDisclosed: string[] };

export interface AccessRequestDetails {
  events: AccessRequestEvent[];
  shares: Share[];
}

/** A reminder's step, run inside one write transaction with the request locked (see `remind`). */
export interface ReminderSteps {
  /** The request locked, or null when the viewer's organization did not send it. */
  request: AccessRequest | null;
  /** When the requester last reminded the target, read under the lock; null when it has not. */
  lastRemindedAt: string | null;
  /** The instant the reminder is recorded at, once the lock is held (locked-instant.ts). */
  at: Date;
  remind(message: string | null): Promise<AccessRequest>;
}

/** One request's party as a transaction sees it (the viewer, the acting user, the instant). */
export interface Actor {
  viewer: string;
  actorUserId: string;
  now: Date;
}

/** The answer steps that run inside one write transaction (see `answer`). */
export interface AnswerSteps {
  /** The request locked, or null when it was not sent to the viewer's organization. */
  request: AccessRequest | null;
  decline(reason: string): Promise<AccessRequest>;
  extend(dueAt: Date, reason: string): Promise<AccessRequest>;
  /** The viewer's links that hold now or start later and carry any of `products` (LINKS_CARRYING). */
  linksCarrying(products: readonly string[]): Promise<string[]>;
  /** `note`: what the target says with the grant, kept on the GRANTED event. */
  grant(
    shares: ShareSpec[],
    expiresAt: Date | null,
    note: string | null,
  ): Promise<AccessRequest | GrantRefusal>;
}

const requestOf = (record: Neo4jRecord): AccessRequest => column(record, 'request', ACCESS_REQUEST.decode);

/** Request `id` the viewer sent or received, as it is now (a retry under an idempotency key). */
async function requestNow(
  tx: Transaction,
  viewer: string,
  now: Date,
  id: string | undefined,
): Promise<AccessRequest | null> {
  const params = { ...presentParams(viewer, now), ...OPEN_REQUESTS_PARAMS, id };
  const [found] = await tx.run(FIND, params);
  return found ? requestOf(found) : null;
}

/** The parameters of a change by `actor` to request `id`, at its instant. */
const actorParams = (actor: Actor, id: string) => ({
  viewer: actor.viewer,
  id,
  t: toNeo4jDateTime(actor.now),
  actorUserId: actor.actorUserId,
});

export class AccessRequestRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Checks and creates the request in one statement; nothing is written when a check fails. With
   * `claim`, once per idempotency key (createOnce).
   */
  async send(
    request: NewAccessRequest,
    context: QueryContext,
    claim: IdempotencyClaim | null = null,
  ): Promise<AccessRequest | SendRefusal> {
    const params = {
      ...presentParams(request.requesterId, request.now),
      targetId: request.targetId,
      id: request.id,
      scope: request.scope,
      overlapping: overlappingScopes(request.scope),
      products: request.products,
      message: request.message,
      dueAt: toNeo4jDateTime(request.dueAt),
      actorUserId: request.actorUserId,
    };
    return createOnce<AccessRequest, SendRefusal>(this.executor, SEND.name, context, claim, {
      create: async (tx) => {
        const records = await tx.run(SEND, params);
        if (records.length === 0) return { kind: 'requester-gone' };
        const record = single(records, SEND);
        if (!column(record, 'targetNamed', bool)) return { kind: 'target-not-found' };
        const [open] = column(record, 'open', list(OPEN_REQUEST));
        if (open !== undefined) return { kind: 'already-open', openId: open.id, openScope: open.scope };
        return requestOf(record);
      },
      created: (outcome) => ('id' in outcome ? [outcome.id] : null),
      replay: (tx, [id]) => requestNow(tx, request.requesterId, request.now, id),
    });
  }

  /** Request `id` the viewer sent or received by the scope's instant, as it stood then. */
  async find(scope: ViewerScope, id: string): Promise<AccessRequest | null> {
    const [record] = await this.executor.read(FIND, { ...asOfParams(scope), id }, scope.context);
    return record ? requestAsOf(record, scope) : null;
  }

  async sent(scope: ViewerScope, status: AccessRequestStatus | null) {
    const records = await this.executor.read(SENT, { ...asOfParams(scope), status }, scope.context);
    return records.map((record) => requestAsOf(record, scope));
  }

  async received(scope: ViewerScope, status: AccessRequestStatus | null) {
    const records = await this.executor.read(RECEIVED, { ...asOfParams(scope), status }, scope.context);
    return records.map((record) => requestAsOf(record, scope));
  }

  /**
   * Runs `decide` in one write transaction with request $id locked (null when it was not sent to the
   * viewer's organization); what `decide` writes commits together, and a throw writes nothing. With
   * `claim`, once per idempotency key: a retried grant answers the request it granted, where judging it
   * again would refuse it as no longer open.
   */
  answer(
    actor: Actor,
    id: string,
    context: QueryContext,
    decide: (steps: AnswerSteps) => Promise<AccessRequest>,
    claim: IdempotencyClaim | null = null,
  ): Promise<AccessRequest> {
    return createOnce<AccessRequest, never>(this.executor, 'accessRequest.answer', context, claim, {
      create: (tx) => this.answerIn(tx, actor, id, decide),
      created: (answered) => [answered.id],
      replay: (tx, [answered]) => requestNow(tx, actor.viewer, actor.now, answered),
    });
  }

  private async answerIn(
    tx: Transaction,
    actor: Actor,
    id: string,
    decide: (steps: AnswerSteps) => Promise<AccessRequest>,
  ): Promise<AccessRequest> {
    const base = actorParams(actor, id);
    const [locked] = await tx.run(LOCK_RECEIVED, base);
    const request = locked ? requestOf(locked) : null;
    // Stamped once the lock is held, so that an answer that locked second is never recorded before
    // the one it follows (a decline after the extension it came after), nor before the sending.
    const lastEvent = locked ? afterLastEvent(locked) : null;
    const stamped = {
      ...base,
      t: toNeo4jDateTime(lockedInstant(actor.now, request?.sentAt ?? null, lastEvent)),
    };
    const one = async (records: Promise<Neo4jRecord[]>) => requestOf((await records)[0]!);
    return decide({
      request,
      decline: (reason) => one(tx.run(CLOSE, { ...stamped, status: 'DECLINED', reason })),
      extend: (dueAt, reason) => one(tx.run(EXTEND, { ...stamped, dueAt: toNeo4jDateTime(dueAt), reason })),
      linksCarrying: async (products) =>
        (await tx.run(LINKS_CARRYING, { ...stamped, products })).map((r) => column(r, 'id', text)),
      grant: async (shares, expiresAt, note) => {
        const expires = expiresAt ? toNeo4jDateTime(expiresAt) : null;
        const [record] = await tx.run(GRANT, {
          ...stamped,
          reason: note,
          linkIds: shares.find((s) => s.scope === 'SOURCING')?.linkIds ?? null,
          disclosureIds: shares.find((s) => s.scope === 'DISCLOSURES')?.disclosureIds ?? null,
          shares: shares.map((s) => ({ ...s, expiresAt: expires })),
        });
        const notOwned = column(record!, 'notOwned', list(text));
        const ended = column(record!, 'ended', list(ENDED_LINK));
        const notDisclosed = column(record!, 'notDisclosed', list(text));
        if (notOwned.length > 0 || ended.length > 0 || notDisclosed.length > 0)
          return { notOwned, ended, notDisclosed };
        return requestOf(record!);
      },
    });
  }

  /**
   * Runs `decide` in one write transaction with request $id, sent by the viewer's organization, locked
   * (null when it did not send it); a throw writes nothing. With `claim`, once per idempotency key: a
   * retried reminder answers the request, where judging it again would refuse it as too soon.
   */
  remind(
    actor: Actor,
    id: string,
    context: QueryContext,
    decide: (steps: ReminderSteps) => Promise<AccessRequest>,
    claim: IdempotencyClaim | null = null,
  ): Promise<AccessRequest> {
    return createOnce<AccessRequest, never>(this.executor, 'accessRequest.remind', context, claim, {
      create: async (tx) => {
        const base = actorParams(actor, id);
        const [locked] = await tx.run(LOCK_SENT_REMINDED, base);
        const request = locked ? requestOf(locked) : null;
        const at = lockedInstant(actor.now, request?.sentAt ?? null, locked ? afterLastEvent(locked) : null);
        return decide({
          request,
          lastRemindedAt: locked ? column(locked, 'lastRemindedAt', nullable(instant)) : null,
          at,
          remind: async (message) =>
            requestOf((await tx.run(REMIND, { ...base, t: toNeo4jDateTime(at), message }))[0]!),
        });
      },
      created: (reminded) => [reminded.id],
      replay: (tx, [reminded]) => requestNow(tx, actor.viewer, actor.now, reminded),
    });
  }

  /**
   * Withdraws request $id that the viewer's organization sent, if it is open: returns it as it now is
   * with whether it changed, or null when the viewer did not send it.
   */
  withdraw(actor: Actor, id: string, context: QueryContext) {
    return this.executor.writeTransaction('accessRequest.withdraw', context, async (tx) => {
      const base = actorParams(actor, id);
      const [locked] = await tx.run(LOCK_SENT, base);
      if (!locked) return null;
      const request = requestOf(locked);
      if (request.status !== 'OPEN') return { request, changed: false };
      const [closed] = await tx.run(CLOSE, {
        ...base,
        t: toNeo4jDateTime(lockedInstant(actor.now, request.sentAt, afterLastEvent(locked))),
        status: 'WITHDRAWN',
        reason: null,
      });
      return { request: requestOf(closed!), changed: true };
    });
  }

  /**
   * Erases the texts the viewer's organization wrote on request $id, sent or received, once it is
   * closed, with the fingerprint the idempotency keys of the calls that wrote them kept of them (its
   * requestAccess and remindAccessRequest as the requester, its answerAccessRequest as the target):
   * null when the viewer's organization is no party to it, `open` while it is open, else the request
   * as it now is (erased once: a second call changes nothing, nor does one by a party that wrote
   * nothing there, so that a REDACTED event always stands for texts erased).
   */
  redact(actor: Actor, id: string, context: QueryContext) {
    return this.executor.writeTransaction('accessRequest.redact', context, async (tx) => {
      const base = actorParams(actor, id);
      const [locked] = await tx.run(LOCK_EITHER, { ...base, notesWrittenBy: NOTES_WRITTEN_BY });
      if (!locked) return null;
      const request = requestOf(locked);
      if (request.status === 'OPEN') return { open: request };
      if (column(locked, 'redacted', bool) || !column(locked, 'wrote', bool)) return request;
      const asRequester = request.requesterId === actor.viewer;
      const [redacted] = await tx.run(REDACT, {
        ...base,
        // Never before the close nor the other party's erasure it follows, which another replica may
        // have stamped (locked-instant.ts).
        t: toNeo4jDateTime(lockedInstant(actor.now, request.closedAt, afterLastEvent(locked))),
        actions: NOTES_WRITTEN_BY[asRequester ? 'requester' : 'target'],
      });
      if (redacted === undefined) return null;
      const wrote = asRequester ? ['requestAccess', 'remindAccessRequest'] : ['answerAccessRequest'];
      for (const mutation of wrote) await tx.run(FORGET_REQUEST_TEXTS, { mutation, ids: [id] });
      return requestOf(redacted);
    });
  }

  /**
   * The events and shares of each request, those made by its `asOf` when it has one (a request read
   * as it stood then), in key order; a request that is not there has none.
   */
  async details(
    keys: readonly { id: string; asOf?: Date | undefined }[],
    context: QueryContext,
  ): Promise<AccessRequestDetails[]> {
    const params = keys.map(({ id, asOf }) => ({
      id,
      at: asOf === undefined ? null : toNeo4jDateTime(asOf),
    }));
    const records = await this.executor.read(
      DETAILS,
      { keys: params, knownActions: ACCESS_REQUEST_ACTIONS },
      context,
    );
    const found: AccessRequestDetails[] = keys.map(() => ({ events: [], shares: [] }));
    for (const r of records)
      found[column(r, 'i', integer)] = {
        events: column(r, 'events', list(EVENT.decode)),
        shares: column(r, 'shares', list(SHARE.decode)),
      };
    return found;
  }

  async parties(scope: ViewerScope, ids: readonly string[]): Promise<Organization[]> {
    const records = await this.executor.read(PARTIES, { ...scopeParams(scope), ids }, scope.context);
    return records.map(partyOf);
  }
}
