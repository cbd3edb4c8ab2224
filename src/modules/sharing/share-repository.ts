// Shares and their audit trail. A grant is one statement: whether the owner may name the recipient,
// whether every link is the owner's own sourcing, and the write are decided together, so there is no
// check-then-write race and a refused grant writes nothing. Every change leaves a ShareEvent that
// records who did it and when. Rules: docs/data-model.md, "Sharing".
import type { Organization, Share, ShareEvent } from '../../domain/model.ts';
import { SHARE_ACTIONS, type ShareScope } from '../../domain/format.ts';
import { SHARE, type Column } from '../../graph/columns.ts';
import { cypher, statement, type Fragment, type Statement } from '../../graph/cypher.ts';
import {
  bool,
  column,
  fields,
  instant,
  list,
  nullable,
  oneOf,
  single,
  text,
  viewerRow,
} from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import { eventCursor, type EventPage } from '../../domain/event-pages.ts';
import { EVENT_PAGE, EVENT_PLACE, eventPageParameters } from '../../graph/event-page-cypher.ts';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { createOnce } from '../../graph/idempotency-repository.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';
import { LOCK_VIEWER } from '../../graph/write-locks.ts';
import { lockedInstant } from '../../graph/locked-instant.ts';
import type { IdempotencyClaim } from '../../domain/idempotency.ts';
import {
  LOOKABLE,
  LOOKABLE_OR_LISTED,
  VIEWER_GRANTS,
  presentParams,
  scopeParams,
} from '../../graph/visibility-cypher.ts';
import {
  CREATE_SHARE,
  ENDED_LINK,
  NOT_OWNED,
  PARTY_CARD,
  partyOf,
  sameShareActive,
} from '../../graph/share-cypher.ts';
import type { EndedLink } from '../../domain/ended-links.ts';
import type { QueryContext, ViewerScope } from '../../domain/viewer-scope.ts';

/**
 * After LOOKABLE_OR_LISTED, widens `x` to an organization the owner's own records already name: the
 * recipient of any share it gave (active, expired or revoked, of either scope) or the requester of any
 * access request sent to it (any status). Accepting one reveals nothing (rule 6): the owner's share
 * listing and request inbox show it by name. Without this a supplier could not share with its
 * customer's customer even after granting that buyer's request (the contract's "Dell shares its
 * factory links with Region Stockholm"). The list is gathered from the owner's side in a subquery that
 * never reads $namedId, and is searched for every id, known, hidden or missing, so the work depends on
 * the owner's records alone. An old id of a merged organization ($namedMerged) is not let through here,
 * as it is not through the directory: the kept organization's records may name it though the old id's
 * never did, and the old id answers as it did before the merge.
 */
const KNOWN_TO_OWNER = cypher`CALL (v) {
  RETURN [(v)-[:GRANTED]->(:Share)-[:TO]->(r:Organization) | r]
       + [(q:Organization)-[:REQUESTED]->(:AccessRequest)-[:OF]->(v) | q] AS known
}
WITH v, x, head([n IN known WHERE NOT $namedMerged AND n.id = $namedId]) AS knownRecipient
WITH v, coalesce(x, knownRecipient) AS x
`;

/**
 * With the owner as the viewer ($viewer): `recipient` is bound only when the owner may name it (rule 5,
 * listed and named by its own id, or named by its own records: KNOWN_TO_OWNER), so a hidden id and a
 * missing one take the same path; `notOwned`
 * and `disclosuresNotOwned` list the requested links and disclosures that are not the owner's to share
 * (NOT_OWNED). The share, of scope $scope, is created only when all allow.
 */
const GRANT = statement(
  'share.grant',
  LOCK_VIEWER,
  VIEWER_GRANTS,
  LOOKABLE,
  LOOKABLE_OR_LISTED,
  KNOWN_TO_OWNER,
  cypher`WITH v AS owner, CASE WHEN x <> v THEN x END AS recipient
`,
  NOT_OWNED,
  sameShareActive({
    scope: cypher`$scope`,
    linkIds: cypher`$linkIds`,
    disclosureIds: cypher`$disclosureIds`,
    expiresAt: cypher`$expiresAt`,
  }),
  cypher`WITH owner, recipient, notOwned, ended, notDisclosed AS disclosuresNotOwned, duplicate
CALL (owner, recipient, notOwned, ended, disclosuresNotOwned, duplicate) {
  WITH owner, recipient,
       {id: $id, scope: $scope, linkIds: $linkIds, disclosureIds: $disclosureIds, expiresAt: $expiresAt} AS spec
  WHERE recipient IS NOT NULL AND size(notOwned) = 0 AND size(ended) = 0 AND size(disclosuresNotOwned) = 0
    AND duplicate IS NULL
  `,
  CREATE_SHARE,
  cypher`
}
OPTIONAL MATCH (owner)-[:GRANTED]->(share:Share {id: $id})-[:TO]->(recipient)
RETURN recipient IS NOT NULL AS recipientNamed, notOwned, ended, disclosuresNotOwned, duplicate.id AS duplicate, share `,
  SHARE.projection,
  cypher` AS share`,
);

/**
 * The parties of the viewer's shares, given or received, as the viewer may see them: the whole record
 * when rule 5 lets it look the party up, otherwise only its identity (id, name, type, country). Ids
 * that are not a party of a share with the viewer return nothing. The parties are gathered from the
 * viewer's side once: a test per id from the party's side was planned as a walk of every share the
 * party received, from anybody, whose number the viewer's time would then tell.
 */
const PARTIES = statement(
  'share.parties',
  VIEWER_GRANTS,
  LOOKABLE,
  cypher`
CALL (v) {
  RETURN [(v)-[:GRANTED]->(:Share)-[:TO]->(p) | p] + [(p)-[:GRANTED]->(:Share)-[:TO]->(v) | p] AS parties
}
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WHERE x = v OR x IN parties
`,
  PARTY_CARD,
);

/**
 * Share $id when the viewer ($viewer) granted or received it; no row otherwise. It is found among the
 * viewer's shares, gathered in a subquery that does not read $id, so a share between two other
 * organizations costs what a missing id costs (rule 6); seeking the id and testing its parties
 * afterwards reads more for one that exists.
 */
const FIND = statement(
  'share.find',
  cypher`MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:GRANTED]->(given:Share) | given] + [(v)<-[:TO]-(received:Share) | received] AS shares
}
UNWIND [s IN shares WHERE s.id = $id] AS share
MATCH (owner:Organization)-[:GRANTED]->(share)-[:TO]->(recipient:Organization)
RETURN share `,
  SHARE.projection,
  cypher` AS share`,
);

/**
 * Locks share $id of $ownerId and returns it, so that of two revokes at once the second waits here and
 * then finds the first's revokedAt (tested before the lock, both wrote, and one answer showed a
 * revokedAt that was not stored). The share is picked from the owner's own by id, as FIND picks it,
 * never sought by the id's index: a share between two other organizations must cost what a missing
 * id costs (revokeShare runs this first).
 */
const LOCK_OWN = statement(
  'share.lockOwn',
  cypher`MATCH (owner:Organization {id: $ownerId})
   CALL (owner) {
     RETURN [(owner)-[:GRANTED]->(given:Share) | given] AS given
   }
   UNWIND [s IN given WHERE s.id = $id] AS share
   MATCH (share)-[:TO]->(recipient:Organization)
   SET share._lock = true
   REMOVE share._lock
   RETURN share `,
  SHARE.projection,
  cypher` AS share`,
);

/** Revokes share $id of $ownerId, locked by LOCK_OWN and found not revoked, at $now, with its REVOKED event. */
const REVOKE = statement(
  'share.revoke',
  cypher`MATCH (owner:Organization {id: $ownerId})-[:GRANTED]->(share:Share {id: $id})-[:TO]->(recipient:Organization)
   SET share.revokedAt = $now
   CREATE (:ShareEvent {key: randomUUID(), action: 'REVOKED', at: $now, actorUserId: $actorUserId,
                        actorOrganizationId: $ownerId})-[:OF]->(share)
   RETURN share `,
  SHARE.projection,
  cypher` AS share`,
);

/**
 * The shares that `match` binds (with $org as a party), active ones only unless $includeInactive, of
 * scope $scope unless it is null, newest first; of one instant (the two shares a BOTH grant makes), by
 * scope, as an access request lists them, then by id.
 */
const sharesOf = (name: string, match: Fragment) =>
  statement(
    name,
    match,
    cypher`
   WHERE ($includeInactive OR (share.revokedAt IS NULL AND (share.expiresAt IS NULL OR $now < share.expiresAt)))
     AND ($scope IS NULL OR share.scope = $scope)
   RETURN share `,
    SHARE.projection,
    cypher` AS share
   ORDER BY share.createdAt DESC, share.scope, share.id`,
  );

const GIVEN = sharesOf(
  'share.given',
  cypher`MATCH (owner:Organization {id: $org})-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization)`,
);
const RECEIVED = sharesOf(
  'share.received',
  cypher`MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization {id: $org})`,
);

/** One entry of a share's audit trail (the share itself is its own column). */
const SHARE_EVENT: Column<Omit<ShareEvent, 'share' | 'cursor'>> = {
  projection: cypher`{.action, .at, .actorUserId, .actorOrganizationId}`,
  decode: fields({ action: oneOf(SHARE_ACTIONS), at: instant, actorUserId: text, actorOrganizationId: text }),
};

const EVENTS = statement(
  'share.events',
  // From the organization's own shares, given and received: an OR of the two ends' ids was planned as a
  // scan of every share, whose work then grew with shares between other organizations.
  cypher`MATCH (o:Organization {id: $org})
   CALL (o) {
     MATCH (o)-[:GRANTED]->(share:Share)
     RETURN share
     UNION
     MATCH (o)<-[:TO]-(share:Share)
     RETURN share
   }
   MATCH (owner:Organization)-[:GRANTED]->(share)-[:TO]->(recipient:Organization)
   MATCH (event:ShareEvent)-[:OF]->(share)
   WITH *, event.at AS at, share.id AS placeId, event.action AS placeAction,
        coalesce(event.key, elementId(event)) AS placeKey`,
  EVENT_PAGE,
  cypher`RETURN share `,
  SHARE.projection,
  cypher` AS share, event `,
  SHARE_EVENT.projection,
  cypher` AS event, `,
  EVENT_PLACE.projection,
  cypher` AS place`,
);

export interface NewShare {
  id: string;
  ownerId: string;
  recipientId: string;
  /**
   * recipientId is the kept organization of an old id the client named: only rule 5 lets it receive the
   * share, never its directory card, so that the old id answers as it did before the merge.
   */
  recipientMerged: boolean;
  scope: ShareScope;
  /** SOURCING only: null for every link. */
  linkIds: string[] | null;
  /** DISCLOSURES only: null for every disclosure. */
  disclosureIds: string[] | null;
  expiresAt: Date | null;
  now: Date;
  actorUserId: string;
}

/**
 * Why a grant was refused; the service turns these into NOT_FOUND / BAD_USER_INPUT. A recipient that
 * the owner may not name is refused first, whatever the links, so it answers as a missing one does.
 */
export type GrantRefusal =
  | { kind: 'recipient-not-found' }
  | { kind: 'links-not-owned'; linkIds: string[] }
  | { kind: 'links-ended'; links: EndedLink[] }
  | { kind: 'disclosures-not-owned'; disclosureIds: string[] }
  | { kind: 'duplicate'; shareId: string };

/** Which of a party's shares to list. */
export interface ShareFilter {
  includeInactive: boolean;
  /** null: both scopes. */
  scope: ShareScope | null;
}

/** Every query here returns its share as the `share` column. */
const shareOf = (record: Neo4jRecord): Share => column(record, 'share', SHARE.decode);

/** What GRANT's one row says: the share, or why it was refused. */
function grantOutcome(record: Neo4jRecord): Share | GrantRefusal {
  if (!column(record, 'recipientNamed', bool)) return { kind: 'recipient-not-found' };
  const notOwned = column(record, 'notOwned', list(text));
  if (notOwned.length > 0) return { kind: 'links-not-owned', linkIds: notOwned };
  const ended = column(record, 'ended', list(ENDED_LINK));
  if (ended.length > 0) return { kind: 'links-ended', links: ended };
  const disclosuresNotOwned = column(record, 'disclosuresNotOwned', list(text));
  if (disclosuresNotOwned.length > 0)
    return { kind: 'disclosures-not-owned', disclosureIds: disclosuresNotOwned };
  const duplicate = column(record, 'duplicate', nullable(text));
  if (duplicate !== null) return { kind: 'duplicate', shareId: duplicate };
  return shareOf(record);
}

export class ShareRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Checks and creates the share in one statement; nothing is written when a check fails. With
   * `claim`, the share is created once per idempotency key (createOnce).
   */
  async grant(
    share: NewShare,
    context: QueryContext,
    claim: IdempotencyClaim | null = null,
  ): Promise<Share | GrantRefusal> {
    const params = {
      ...presentParams(share.ownerId, share.now),
      namedId: share.recipientId,
      namedMerged: share.recipientMerged,
      id: share.id,
      scope: share.scope,
      linkIds: share.linkIds,
      disclosureIds: share.disclosureIds,
      expiresAt: share.expiresAt ? toNeo4jDateTime(share.expiresAt) : null,
      actorUserId: share.actorUserId,
    };
    return createOnce<Share, GrantRefusal>(this.executor, GRANT.name, context, claim, {
      create: async (tx) => grantOutcome(viewerRow(await tx.run(GRANT, params), GRANT)),
      created: (outcome) => ('id' in outcome ? [outcome.id] : null),
      replay: async (tx, [id]) => {
        const [found] = await tx.run(FIND, { viewer: share.ownerId, id });
        return found ? shareOf(found) : null;
      },
    });
  }

  /** The parties among `ids` of shares with the viewer, each whole or as an identity card (PARTIES). */
  async parties(scope: ViewerScope, ids: readonly string[]): Promise<Organization[]> {
    const records = await this.executor.read(PARTIES, { ...scopeParams(scope), ids }, scope.context);
    return records.map(partyOf);
  }

  /**
   * Share `id` when `viewer` granted or received it; null otherwise, as for a share that does not
   * exist: anyone else is told NOT_FOUND (canRevoke).
   */
  async find(viewer: string, id: string, context: QueryContext): Promise<Share | null> {
    const [record] = await this.executor.read(FIND, { viewer, id }, context);
    return record ? shareOf(record) : null;
  }

  /** Sets revokedAt unless it is already set; returns the share as it now is. */
  async revoke(
    revoke: { id: string; ownerId: string; now: Date; actorUserId: string },
    context: QueryContext,
  ): Promise<Share | null> {
    return this.executor.writeTransaction('share.revoke', context, async (tx) => {
      const [locked] = await tx.run(LOCK_OWN, revoke);
      if (locked === undefined) {
        const [existing] = await tx.run(FIND, { viewer: revoke.ownerId, id: revoke.id });
        return existing ? shareOf(existing) : null;
      }
      const share = shareOf(locked);
      if (share.revokedAt !== null) return share;
      // Stamped once the lock is held, as an access request's answer is: a revoke that waited for a
      // write to the share (an amendment adding its successor link to it) is recorded after that
      // write, never before it, and asOf an instant in between shows the share as it then was. Nor
      // before the grant, which a replica whose clock runs ahead may have stamped.
      const now = toNeo4jDateTime(lockedInstant(revoke.now, share.createdAt));
      return shareOf(single(await tx.run(REVOKE, { ...revoke, now }), REVOKE));
    });
  }

  given(org: string, filter: ShareFilter, now: Date, context: QueryContext): Promise<Share[]> {
    return this.list(GIVEN, org, filter, now, context);
  }

  received(org: string, filter: ShareFilter, now: Date, context: QueryContext): Promise<Share[]> {
    return this.list(RECEIVED, org, filter, now, context);
  }

  private async list(
    query: Statement,
    org: string,
    filter: ShareFilter,
    now: Date,
    context: QueryContext,
  ): Promise<Share[]> {
    const records = await this.executor.read(
      query,
      { org, includeInactive: filter.includeInactive, scope: filter.scope, now: toNeo4jDateTime(now) },
      context,
    );
    return records.map(shareOf);
  }

  async events(org: string, page: EventPage, context: QueryContext): Promise<ShareEvent[]> {
    const records = await this.executor.read(EVENTS, { org, ...eventPageParameters(page) }, context);
    return records.map((r) => {
      const share = shareOf(r);
      const event = column(r, 'event', SHARE_EVENT.decode);
      const { at, key } = column(r, 'place', EVENT_PLACE.decode);
      return { share, ...event, cursor: eventCursor({ at, id: share.id, action: event.action, key }) };
    });
  }
}
