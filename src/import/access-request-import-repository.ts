// Bulk writes of `accessRequests` records, upserting by id like the rest of the importer: a request
// whose id names another requester or target is moved, its RESULTED_IN links and its events are
// replaced by what the record says (its `events`, or the trail an import records: SENT, then the
// closing event), so importing the same file twice leaves the same graph.
import { importedTrail, type AccessRequestRecord } from '../domain/access-requests.ts';
import { cypher, statement } from '../graph/cypher.ts';
import { text } from '../graph/decode.ts';
import { column } from '../graph/decode.ts';
import type { Executor } from '../graph/executor.ts';
import type { ShareEnds } from './access-request-rules.ts';
import { holdReferences, referencesOf } from './held-references-repository.ts';

const UPSERT = statement(
  'import.upsertAccessRequests',
  cypher`UNWIND $rows AS row
   MATCH (requester:Organization {id: row.requester}), (target:Organization {id: row.target})
   MERGE (r:AccessRequest {id: row.id})
   SET r.scope = row.scope, r.products = row.products, r.message = row.message, r.sentAt = datetime(row.sentAt),
       r.dueAt = datetime(row.dueAt), r.extended = row.extended, r.status = row.status,
       r.closedAt = datetime(row.closedAt), r.reason = row.reason
   WITH r, requester, target, row
   CALL (r, requester, target) {
     OPTIONAL MATCH (former:Organization)-[q:REQUESTED]->(r) WHERE former <> requester
     DELETE q
     WITH DISTINCT r
     OPTIONAL MATCH (r)-[o:OF]->(formerTarget:Organization) WHERE formerTarget <> target
     DELETE o
   }
   MERGE (requester)-[:REQUESTED]->(r)
   MERGE (r)-[:OF]->(target)
   WITH r, row
   CALL (r) {
     OPTIONAL MATCH (r)-[resulted:RESULTED_IN]->(:Share)
     DELETE resulted
   }
   CALL (r) {
     OPTIONAL MATCH (old:AccessRequestEvent)-[:OF]->(r)
     DETACH DELETE old
   }
   CALL (r, row) {
     UNWIND row.shareIds AS shareId
     MATCH (share:Share {id: shareId})
     CREATE (r)-[:RESULTED_IN]->(share)
   }
   CALL (r, row) {
     UNWIND row.events AS event
     CREATE (:AccessRequestEvent {action: event.action, at: datetime(event.at), actorUserId: event.actorUserId,
                                  actorOrganizationId: event.actorOrganizationId, note: event.note,
                                  previousDueAt: datetime(event.previousDueAt), dueAt: datetime(event.dueAt)})-[:OF]->(r)
   }`,
);

const SHARE_ENDS = statement(
  'import.existingShareEnds',
  cypher`UNWIND $ids AS id
   MATCH (owner:Organization)-[:GRANTED]->(:Share {id: id})-[:TO]->(recipient:Organization)
   RETURN id, owner.id AS owner, recipient.id AS recipient`,
);

export async function upsertAccessRequests(
  executor: Executor,
  records: AccessRequestRecord[],
): Promise<void> {
  const parties = {
    requester: (r: AccessRequestRecord) => r.requester,
    target: (r: AccessRequestRecord) => r.target,
  };
  await executor.writeTransaction(UPSERT.name, {}, async (tx) => {
    await holdReferences(tx, referencesOf('access request', records, parties));
    await tx.run(UPSERT, {
      rows: records.map((r) => ({
        id: r.id,
        requester: r.requester,
        target: r.target,
        scope: r.scope,
        products: r.products,
        message: r.message ?? null,
        sentAt: r.sentAt,
        dueAt: r.dueAt ?? null,
        extended: r.extended ?? false,
        status: r.status ?? 'OPEN',
        closedAt: r.closedAt ?? null,
        reason: r.reason ?? null,
        shareIds: r.shareIds ?? [],
        events: (r.events ?? importedTrail(r)).map((e) => ({
          ...e,
          note: e.note ?? null,
          previousDueAt: e.previousDueAt ?? null,
          dueAt: e.dueAt ?? null,
        })),
      })),
    });
  });
}

export async function existingShareEnds(executor: Executor, ids: string[]): Promise<ShareEnds> {
  const records = await executor.read(SHARE_ENDS, { ids });
  return new Map(
    records.map((r) => [
      column(r, 'id', text),
      { owner: column(r, 'owner', text), recipient: column(r, 'recipient', text) },
    ]),
  );
}
