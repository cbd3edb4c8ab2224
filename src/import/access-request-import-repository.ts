// Bulk writes of `accessRequests` records, upserting by id like the rest of the importer: a request
// whose id names another requester or target is moved, its RESULTED_IN links and its events are
// replaced by what the record says (its `events`, or the trail an import records: SENT, then the
// closing event), so importing the same file twice leaves the same graph.
// An import never brings back texts a party erased (redactAccessRequest; a file written before it): the
// request is locked before its stored REDACTED events are read, so an erasure committing meanwhile is
// seen or waits, and a party's stored erasure that the record does not state is kept, with its event,
// and erases what the record says for that party (the requester's message, the target's reason, their
// events' notes: those that name it, and those of its actions, NOTES_WRITTEN_BY, whatever actor they
// name). A party is told by its role, the request's requester or target when it erased.
import { NOTES_WRITTEN_BY, importedTrail, type AccessRequestRecord } from '../domain/access-requests.ts';
import { cypher, statement } from '../graph/cypher.ts';
import { column, list, text } from '../graph/decode.ts';
import type { Executor } from '../graph/executor.ts';
import { FORGET_REQUEST_TEXTS } from '../graph/idempotency-repository.ts';
import type { ShareEnds } from './access-request-rules.ts';
import { holdReferences, referencesOf } from './held-references-repository.ts';

const UPSERT = statement(
  'import.upsertAccessRequests',
  cypher`UNWIND $rows AS row
   MATCH (requester:Organization {id: row.requester}), (target:Organization {id: row.target})
   MERGE (r:AccessRequest {id: row.id})
   SET r._lock = true
   REMOVE r._lock
   WITH r, requester, target, row
   CALL (r) {
     OPTIONAL MATCH (storedRequester:Organization)-[:REQUESTED]->(r)-[:OF]->(storedTarget:Organization)
     RETURN [(e:AccessRequestEvent {action: 'REDACTED'})-[:OF]->(r) |
             {role: CASE e.actorOrganizationId WHEN storedRequester.id THEN 'requester'
                                              WHEN storedTarget.id THEN 'target' END, event: e}] AS stored
   }
   WITH r, requester, target, row, stored,
        [e IN row.events WHERE e.action = 'REDACTED' |
         CASE e.actorOrganizationId WHEN row.requester THEN 'requester' WHEN row.target THEN 'target' END] AS brought
   WITH r, requester, target, row, brought,
        [s IN stored WHERE s.role IS NOT NULL AND NOT s.role IN brought] AS kept,
        [role IN brought WHERE role IS NOT NULL AND NOT role IN [s IN stored | s.role]] AS fresh
   WITH r, requester, target, row, brought + [s IN kept | s.role] AS erased, [s IN kept | s.event] AS keptEvents,
        fresh
   SET r.scope = row.scope, r.products = row.products, r.sentAt = datetime(row.sentAt),
       r.message = CASE WHEN 'requester' IN erased THEN null ELSE row.message END,
       r.dueAt = datetime(row.dueAt), r.extended = row.extended, r.status = row.status,
       r.closedAt = datetime(row.closedAt), r.reason = CASE WHEN 'target' IN erased THEN null ELSE row.reason END
   WITH r, requester, target, row, erased, keptEvents, fresh
   CALL (r, requester, target) {
     OPTIONAL MATCH (former:Organization)-[q:REQUESTED]->(r) WHERE former <> requester
     DELETE q
     WITH DISTINCT r
     OPTIONAL MATCH (r)-[o:OF]->(formerTarget:Organization) WHERE formerTarget <> target
     DELETE o
   }
   MERGE (requester)-[:REQUESTED]->(r)
   MERGE (r)-[:OF]->(target)
   WITH r, row, erased, keptEvents, fresh
   CALL (r) {
     OPTIONAL MATCH (r)-[resulted:RESULTED_IN]->(:Share)
     DELETE resulted
   }
   CALL (r, keptEvents) {
     OPTIONAL MATCH (old:AccessRequestEvent)-[:OF]->(r)
     WHERE NOT old IN keptEvents
     DETACH DELETE old
   }
   CALL (r, row) {
     UNWIND row.shareIds AS shareId
     MATCH (share:Share {id: shareId})
     CREATE (r)-[:RESULTED_IN]->(share)
   }
   CALL (r, row, erased) {
     UNWIND row.events AS event
     WITH event, CASE event.actorOrganizationId WHEN row.requester THEN 'requester' WHEN row.target THEN 'target' END AS role,
          [party IN erased WHERE event.action IN $notesWrittenBy[party]] AS writtenByEraser
     CREATE (:AccessRequestEvent {action: event.action, at: datetime(event.at), actorUserId: event.actorUserId,
                                  actorOrganizationId: event.actorOrganizationId,
                                  note: CASE WHEN role IN erased OR size(writtenByEraser) > 0 THEN null ELSE event.note END,
                                  previousDueAt: datetime(event.previousDueAt), dueAt: datetime(event.dueAt)})-[:OF]->(r)
   }
   WITH row, fresh WHERE size(fresh) > 0
   RETURN row.id AS id, fresh`,
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
    const erased = await tx.run(UPSERT, {
      notesWrittenBy: NOTES_WRITTEN_BY,
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
    // An erasure the file brings (the operator's) also removes the fingerprint that the idempotency keys of
    // the calls that wrote the texts kept of them, as redactAccessRequest does: only one the store did not
    // hold (`fresh`), whose keys an erasure has not yet seen to, not on every import of an export.
    const erasedBy = (role: 'requester' | 'target') =>
      erased.filter((r) => column(r, 'fresh', list(text)).includes(role)).map((r) => column(r, 'id', text));
    const forget = [
      { mutation: 'requestAccess', ids: erasedBy('requester') },
      { mutation: 'answerAccessRequest', ids: erasedBy('target') },
    ].filter((f) => f.ids.length > 0);
    for (const keys of forget) await tx.run(FORGET_REQUEST_TEXTS, keys);
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
