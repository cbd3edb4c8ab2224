// Shares and their audit trail. Grants and revokes run in one write transaction each: the checks
// (recipient exists, every link is the owner's own sourcing) and the write commit together, and every
// change leaves a ShareEvent that records who did it and when.
import type { Share, ShareAction, ShareEvent } from '../../domain/model.ts';
import { cypher, type CypherQuery } from '../cypher.ts';
import type { Executor, QueryContext } from '../executor.ts';
import neo4j from 'neo4j-driver';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { isoInstant, mapShare, toNeo4jDateTime } from './mappers.ts';

const SHARE_PROJECTION = `{.id, ownerId: owner.id, recipientId: recipient.id, .linkIds, .expiresAt, .revokedAt, .createdAt}`;

const RECIPIENT_EXISTS = cypher(
  'share.recipientExists',
  'MATCH (r:Organization {id: $recipientId}) RETURN count(r) > 0 AS exists',
);

/** For each requested id, the customer of the link with that id (null when there is none). */
const LINK_CUSTOMERS = cypher(
  'share.linkCustomers',
  `UNWIND $linkIds AS linkId
   OPTIONAL MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(c:Organization)
   RETURN linkId, c.id AS customerId`,
);

const CREATE = cypher(
  'share.create',
  `MATCH (owner:Organization {id: $ownerId}), (recipient:Organization {id: $recipientId})
   CREATE (owner)-[:GRANTED]->(share:Share {id: $id, linkIds: $linkIds, expiresAt: $expiresAt, createdAt: $now})
          -[:TO]->(recipient)
   CREATE (:ShareEvent {action: 'GRANTED', at: $now, actorUserId: $actorUserId,
                        actorOrganizationId: $ownerId})-[:OF]->(share)
   RETURN share ` +
    SHARE_PROJECTION +
    ` AS share`,
);

const FIND = cypher(
  'share.find',
  `MATCH (owner:Organization)-[:GRANTED]->(share:Share {id: $id})-[:TO]->(recipient:Organization)
   RETURN share ` +
    SHARE_PROJECTION +
    ` AS share`,
);

const REVOKE = cypher(
  'share.revoke',
  `MATCH (owner:Organization {id: $ownerId})-[:GRANTED]->(share:Share {id: $id})-[:TO]->(recipient:Organization)
   WHERE share.revokedAt IS NULL
   SET share.revokedAt = $now
   CREATE (:ShareEvent {action: 'REVOKED', at: $now, actorUserId: $actorUserId,
                        actorOrganizationId: $ownerId})-[:OF]->(share)
   RETURN share ` +
    SHARE_PROJECTION +
    ` AS share`,
);

const GIVEN = cypher(
  'share.given',
  `MATCH (owner:Organization {id: $org})-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization)
   WHERE $includeInactive OR (share.revokedAt IS NULL AND (share.expiresAt IS NULL OR $now < share.expiresAt))
   RETURN share ` +
    SHARE_PROJECTION +
    ` AS share
   ORDER BY share.createdAt DESC, share.id`,
);

const RECEIVED = cypher(
  'share.received',
  `MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization {id: $org})
   WHERE $includeInactive OR (share.revokedAt IS NULL AND (share.expiresAt IS NULL OR $now < share.expiresAt))
   RETURN share ` +
    SHARE_PROJECTION +
    ` AS share
   ORDER BY share.createdAt DESC, share.id`,
);

const EVENTS = cypher(
  'share.events',
  `MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization)
   WHERE owner.id = $org OR recipient.id = $org
   MATCH (event:ShareEvent)-[:OF]->(share)
   RETURN share ` +
    SHARE_PROJECTION +
    ` AS share, event.action AS action, event.at AS at,
          event.actorUserId AS actorUserId, event.actorOrganizationId AS actorOrganizationId
   ORDER BY event.at DESC, share.id
   LIMIT $limit`,
);

export interface NewShare {
  id: string;
  ownerId: string;
  recipientId: string;
  linkIds: string[] | null;
  expiresAt: Date | null;
  now: Date;
  actorUserId: string;
}

/** Why a grant was refused; the service turns these into BAD_USER_INPUT / NOT_FOUND. */
export type GrantRefusal = { kind: 'recipient-missing' } | { kind: 'links-not-owned'; linkIds: string[] };

/** Every query here returns its share as the `share` column (SHARE_PROJECTION). */
const shareOf = (record: Neo4jRecord): Share => mapShare(record.get('share') as Record<string, unknown>);

export class ShareRepository {
  constructor(private readonly executor: Executor) {}

  /** Checks and creates the share in one transaction; nothing is written when a check fails. */
  async grant(share: NewShare, context: QueryContext): Promise<Share | GrantRefusal> {
    return this.executor.writeTransaction('share.grant', context, async (tx) => {
      const [recipient] = await tx.run(RECIPIENT_EXISTS, { recipientId: share.recipientId });
      if (recipient?.get('exists') !== true) return { kind: 'recipient-missing' };
      if (share.linkIds !== null) {
        const rows = await tx.run(LINK_CUSTOMERS, { linkIds: share.linkIds });
        const notOwned = rows
          .filter((r) => r.get('customerId') !== share.ownerId)
          .map((r) => r.get('linkId') as string);
        if (notOwned.length > 0) return { kind: 'links-not-owned', linkIds: notOwned };
      }
      const [created] = await tx.run(CREATE, {
        id: share.id,
        ownerId: share.ownerId,
        recipientId: share.recipientId,
        linkIds: share.linkIds,
        expiresAt: share.expiresAt ? toNeo4jDateTime(share.expiresAt) : null,
        now: toNeo4jDateTime(share.now),
        actorUserId: share.actorUserId,
      });
      if (created === undefined) throw new Error('share.create returned nothing');
      return shareOf(created);
    });
  }

  async find(id: string, context: QueryContext): Promise<Share | null> {
    const [record] = await this.executor.read(FIND, { id }, context);
    return record ? shareOf(record) : null;
  }

  /** Sets revokedAt unless it is already set; returns the share as it now is. */
  async revoke(
    revoke: { id: string; ownerId: string; now: Date; actorUserId: string },
    context: QueryContext,
  ): Promise<Share | null> {
    return this.executor.writeTransaction('share.revoke', context, async (tx) => {
      const [revoked] = await tx.run(REVOKE, { ...revoke, now: toNeo4jDateTime(revoke.now) });
      if (revoked) return shareOf(revoked);
      const [existing] = await tx.run(FIND, { id: revoke.id });
      return existing ? shareOf(existing) : null;
    });
  }

  given(org: string, includeInactive: boolean, now: Date, context: QueryContext): Promise<Share[]> {
    return this.list(GIVEN, org, includeInactive, now, context);
  }

  received(org: string, includeInactive: boolean, now: Date, context: QueryContext): Promise<Share[]> {
    return this.list(RECEIVED, org, includeInactive, now, context);
  }

  private async list(
    query: CypherQuery,
    org: string,
    includeInactive: boolean,
    now: Date,
    context: QueryContext,
  ): Promise<Share[]> {
    const records = await this.executor.read(
      query,
      { org, includeInactive, now: toNeo4jDateTime(now) },
      context,
    );
    return records.map(shareOf);
  }

  async events(org: string, limit: number, context: QueryContext): Promise<ShareEvent[]> {
    const records = await this.executor.read(EVENTS, { org, limit: neo4j.int(limit) }, context);
    return records.map((r) => ({
      share: shareOf(r),
      action: r.get('action') as ShareAction,
      at: isoInstant(r.get('at')) ?? '',
      actorUserId: r.get('actorUserId') as string,
      actorOrganizationId: r.get('actorOrganizationId') as string,
    }));
  }
}
