// Access requests as statements of more than one module read them: the request's column
// (ACCESS_REQUEST), a request rebound as it stood at $t (REQUEST_AS_OF), and the subquery of the viewer's
// requests open at $t (OPEN_REQUESTS_OF_V) that exposure and the risk assessment share with the
// access-requests module.
import {
  ACCESS_REQUEST_STATUSES,
  ACCESS_SCOPES,
  ANSWER_DAYS,
  type AccessRequest,
} from '../domain/access-requests.ts';
import type { Column } from './columns.ts';
import { cypher, join } from './cypher.ts';
import { bool, fields, instant, list, nullable, oneOf, text } from './decode.ts';

/** Request `r`, sent by `requester` to `target`. */
export const ACCESS_REQUEST: Column<AccessRequest> = {
  projection: cypher`{.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason}`,
  decode: fields({
    id: text,
    requesterId: text,
    targetId: text,
    scope: oneOf(ACCESS_SCOPES),
    products: list(text),
    message: nullable(text),
    sentAt: instant,
    dueAt: instant,
    extended: bool,
    status: oneOf(ACCESS_REQUEST_STATUSES),
    closedAt: nullable(instant),
    reason: nullable(text),
  }),
};

/**
 * Request `r` was open at $t: for "now", its status says so; for an instant in the past (asOf), it had
 * been sent by then and was not yet granted, declined or withdrawn (closedAt).
 */
const OPEN_AT = cypher`CASE WHEN $historical THEN r.sentAt <= $t AND (r.closedAt IS NULL OR $t < r.closedAt)
  ELSE r.status = 'OPEN' END`;

/**
 * Rebinds `r` to the request as it stood at $t, a map (for "now", as stored): closed only when its
 * answer or withdrawal came by then (else open, with no closing), extended only when its EXTENDED event
 * came by then; before it, the due date it had (the event's `previousDueAt`; an extension recorded
 * before events kept it had the default, three weeks after sending) and no reason. Needs $answerDays.
 */
export const REQUEST_AS_OF = cypher`CALL (r) {
    OPTIONAL MATCH (e:AccessRequestEvent {action: 'EXTENDED'})-[:OF]->(r)
    RETURN e ORDER BY e.at LIMIT 1
  }
  WITH requester, target, r, e, $historical AND e IS NOT NULL AND $t < e.at AS extendedLater,
       $historical AND r.closedAt IS NOT NULL AND $t < r.closedAt AS closedLater
  WITH requester, target, r {.id, .scope, .products, .message, .sentAt,
    status: CASE WHEN closedLater THEN 'OPEN' ELSE r.status END,
    closedAt: CASE WHEN closedLater THEN null ELSE r.closedAt END,
    extended: r.extended AND NOT extendedLater,
    dueAt: CASE WHEN extendedLater THEN coalesce(e.previousDueAt, r.sentAt + duration({days: $answerDays})) ELSE r.dueAt END,
    reason: CASE WHEN NOT closedLater AND r.status <> 'OPEN' THEN r.reason
                 WHEN e IS NULL THEN CASE WHEN r.status = 'OPEN' THEN r.reason END
                 WHEN extendedLater THEN null ELSE e.note END} AS r`;

/**
 * A subquery binding `openRequests`: the access requests viewer `v` had open at $t, each as it stood
 * then (ACCESS_REQUEST rows, newest first). Exposure and the risk assessment both read it, so that a
 * blind spot's request is the same in both at any instant: one read of the viewer's requests, whatever
 * the size of the chain, read from v's side (a requester bound afresh and compared with v was planned
 * as a scan of every organization). Its parameters besides the scope's: OPEN_REQUESTS_PARAMS.
 */
export const OPEN_REQUESTS_OF_V = join(
  cypher`CALL (v) {
  MATCH (v)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization)
  WITH v AS requester, r, target
  WHERE `,
  OPEN_AT,
  cypher`
  `,
  REQUEST_AS_OF,
  cypher`
  ORDER BY r.sentAt DESC, r.id
  RETURN collect(r `,
  ACCESS_REQUEST.projection,
  cypher`) AS openRequests
}`,
);

/** The parameters OPEN_REQUESTS_OF_V needs besides the scope's (scopeParams). */
export const OPEN_REQUESTS_PARAMS = { answerDays: ANSWER_DAYS } as const;
