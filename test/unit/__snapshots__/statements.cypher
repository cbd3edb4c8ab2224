// ---- accessRequest.close
MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
SET r.status = $status, r.closedAt = $t, r.reason = coalesce($reason, r.reason)
CREATE (:AccessRequestEvent {action: $status, at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: $reason})-[:OF]->(r)
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request

// ---- accessRequest.details
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (r:AccessRequest {id: key.id})
RETURN i,
       COLLECT {
         MATCH (e:AccessRequestEvent)-[:OF]->(r)
         WHERE (key.at IS NULL OR e.at <= key.at OR e.action = 'REDACTED') AND e.action IN $knownActions
         WITH e ORDER BY e.at, e.action
         RETURN e {.action, .at, .actorUserId, .actorOrganizationId, .note}
       } AS events,
       COLLECT {
         MATCH (r)-[:RESULTED_IN]->(share:Share)-[:TO]->(recipient:Organization),
               (owner:Organization)-[:GRANTED]->(share)
         WHERE key.at IS NULL OR (share.createdAt <= key.at AND NOT coalesce(key.at < r.closedAt, false))
         WITH share, owner, recipient ORDER BY share.scope, share.id
         RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt}
       } AS shares

// ---- accessRequest.extend
MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization {id: $viewer})
CREATE (:AccessRequestEvent {action: 'EXTENDED', at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: $reason, previousDueAt: r.dueAt, dueAt: $dueAt})-[:OF]->(r)
SET r.dueAt = $dueAt, r.extended = true, r.reason = $reason
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request

// ---- accessRequest.find
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:REQUESTED]->(sent:AccessRequest) | sent] + [(v)<-[:OF]-(received:AccessRequest) | received] AS requests
}
UNWIND [request IN requests WHERE request.id = $id] AS r
MATCH (requester:Organization)-[:REQUESTED]->(r)-[:OF]->(target:Organization)
WITH requester, target, r WHERE NOT $historical OR r.sentAt <= $t
  CALL (r) {
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
                 WHEN extendedLater THEN null ELSE e.note END} AS r
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request

// ---- accessRequest.grant
CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}
MATCH (recipient:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(owner:Organization {id: $viewer})
CALL (owner) {
  WITH owner WHERE $linkIds IS NOT NULL
  MATCH (owner)<-[l:SUPPLIES]-()
  WITH l, coalesce(l.validTo.epochSeconds = l.validFrom.epochSeconds AND l.validTo.nanosecond = l.validFrom.nanosecond, false) AS calledOff
  RETURN collect(l.id) AS owned,
         collect(CASE WHEN l.validTo <= $t OR calledOff
                      THEN {id: l.id, validTo: l.validTo, calledOff: calledOff, successor: l.supersededBy} END) AS endedOwned
}
CALL (owner) {
  WITH owner WHERE $disclosureIds IS NOT NULL
  MATCH (owner)-[:PUBLISHED]->(d:Disclosure)
  WHERE d.withdrawnAt IS NULL
  RETURN collect(d.id) AS published
}
WITH *, [linkId IN coalesce($linkIds, []) WHERE NOT linkId IN owned] AS notOwned,
     [linkId IN coalesce($linkIds, []) | head([e IN endedOwned WHERE e.id = linkId])] AS endedAsked,
     [disclosureId IN coalesce($disclosureIds, []) WHERE NOT disclosureId IN published] AS notDisclosed
WITH *, [e IN endedAsked WHERE e IS NOT NULL] AS ended
WITH r, owner, recipient, notOwned, ended, notDisclosed, endedOwned, published
CALL (r, owner, recipient, notOwned, ended, notDisclosed, endedOwned, published) {
  WITH r, owner, recipient, endedOwned, published
  WHERE size(notOwned) = 0 AND size(ended) = 0 AND size(notDisclosed) = 0
  SET r.status = 'GRANTED', r.closedAt = $t
  CREATE (:AccessRequestEvent {action: 'GRANTED', at: $t, actorUserId: $actorUserId, actorOrganizationId: owner.id,
                               note: $reason})-[:OF]->(r)
  WITH r, owner, recipient, endedOwned, published
  UNWIND $shares AS spec
  CALL (*) {
  WITH *, [e IN endedOwned | e.id] AS endedIds
  OPTIONAL MATCH (owner)-[:GRANTED]->(same:Share)-[:TO]->(recipient)
  WHERE same.scope = spec.scope AND same.revokedAt IS NULL AND (same.expiresAt IS NULL OR $t < same.expiresAt)
    AND coalesce(same.expiresAt.epochSeconds = spec.expiresAt.epochSeconds AND same.expiresAt.nanosecond = spec.expiresAt.nanosecond, same.expiresAt IS NULL AND spec.expiresAt IS NULL)
    AND coalesce(all(item IN [id IN same.linkIds WHERE NOT id IN endedIds] WHERE item IN spec.linkIds) AND all(item IN spec.linkIds WHERE item IN [id IN same.linkIds WHERE NOT id IN endedIds]), [id IN same.linkIds WHERE NOT id IN endedIds] IS NULL AND spec.linkIds IS NULL)
    AND coalesce(all(item IN [id IN same.disclosureIds WHERE id IN published] WHERE item IN spec.disclosureIds) AND all(item IN spec.disclosureIds WHERE item IN [id IN same.disclosureIds WHERE id IN published]), [id IN same.disclosureIds WHERE id IN published] IS NULL AND spec.disclosureIds IS NULL)
  WITH same ORDER BY same.id
  RETURN head(collect(same)) AS duplicate, collect(same) AS duplicates
}
  CALL (r, owner, recipient, spec, duplicate) {
    WITH r, owner, recipient, spec WHERE duplicate IS NULL
    CREATE (owner)-[:GRANTED]->(share:Share {id: spec.id, scope: spec.scope, linkIds: spec.linkIds,
                                          disclosureIds: spec.disclosureIds, expiresAt: spec.expiresAt,
                                          createdAt: $t})-[:TO]->(recipient)
  CREATE (:ShareEvent {key: randomUUID(), action: 'GRANTED', at: $t, actorUserId: $actorUserId,
                       actorOrganizationId: owner.id})-[:OF]->(share)
    CREATE (r)-[:RESULTED_IN]->(share)
  }
  CALL (r, duplicates) {
    UNWIND duplicates AS duplicate
    CREATE (r)-[:RESULTED_IN]->(duplicate)
  }
}
WITH r, recipient AS requester, owner AS target, notOwned, ended, notDisclosed
RETURN notOwned, ended, notDisclosed, r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request

// ---- accessRequest.linksCarrying
MATCH (:Organization {id: $viewer})<-[l:SUPPLIES]-()
WHERE (l.validTo IS NULL OR ($t < l.validTo AND NOT coalesce(l.validTo.epochSeconds = l.validFrom.epochSeconds AND l.validTo.nanosecond = l.validFrom.nanosecond, false)))
  AND any(product IN l.products WHERE product IN $products)
RETURN l.id AS id
ORDER BY id

// ---- accessRequest.lockEither
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:REQUESTED]->(sent:AccessRequest) | sent] + [(v)<-[:OF]-(received:AccessRequest) | received] AS requests
}
UNWIND [request IN requests WHERE request.id = $id] AS r
MATCH (requester:Organization)-[:REQUESTED]->(r)-[:OF]->(target:Organization)
SET r._lock = true
REMOVE r._lock
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request,
       COLLECT { MATCH (e:AccessRequestEvent)-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt,
       EXISTS { (:AccessRequestEvent {action: 'REDACTED', actorOrganizationId: $viewer})-[:OF]->(r) } AS redacted,
       CASE $viewer WHEN requester.id THEN r.message WHEN target.id THEN r.reason END IS NOT NULL
         OR EXISTS {
           MATCH (e:AccessRequestEvent)-[:OF]->(r)
           WHERE e.note IS NOT NULL AND (e.actorOrganizationId = $viewer
             OR e.action IN $notesWrittenBy[CASE $viewer WHEN requester.id THEN 'requester' ELSE 'target' END])
         } AS wrote

// ---- accessRequest.lockReceived
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)<-[:OF]-(received:AccessRequest) | received] AS requests
}
UNWIND [request IN requests WHERE request.id = $id] AS r
MATCH (requester:Organization)-[:REQUESTED]->(r)-[:OF]->(target:Organization)
SET r._lock = true
REMOVE r._lock
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request,
       COLLECT { MATCH (e:AccessRequestEvent)-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt

// ---- accessRequest.lockSent
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:REQUESTED]->(sent:AccessRequest) | sent] AS requests
}
UNWIND [request IN requests WHERE request.id = $id] AS r
MATCH (requester:Organization)-[:REQUESTED]->(r)-[:OF]->(target:Organization)
SET r._lock = true
REMOVE r._lock
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request,
       COLLECT { MATCH (e:AccessRequestEvent)-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt

// ---- accessRequest.lockSentReminded
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:REQUESTED]->(sent:AccessRequest) | sent] AS requests
}
UNWIND [request IN requests WHERE request.id = $id] AS r
MATCH (requester:Organization)-[:REQUESTED]->(r)-[:OF]->(target:Organization)
SET r._lock = true
REMOVE r._lock
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request,
       COLLECT { MATCH (e:AccessRequestEvent)-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt,
       COLLECT {
         MATCH (e:AccessRequestEvent {action: 'REMINDED'})-[:OF]->(r) RETURN e.at ORDER BY e.at DESC LIMIT 1
       }[0] AS lastRemindedAt

// ---- accessRequest.parties
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:REQUESTED]->(:AccessRequest)-[:OF]->(p) | p]
       + [(p)-[:REQUESTED]->(:AccessRequest)-[:OF]->(v) | p] AS parties
}
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WHERE x = v OR x IN parties
WITH x, x IN lookable AS visible, coalesce(x.listed, false) AS listed
RETURN visible, listed, CASE WHEN visible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} WHEN listed THEN x {.id, .name, .type, .country, .city, .osId} ELSE x {.id, .name, .type, .country} END AS organization

// ---- accessRequest.received
MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization {id: $viewer})
WITH requester, target, r WHERE NOT $historical OR r.sentAt <= $t
  CALL (r) {
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
                 WHEN extendedLater THEN null ELSE e.note END} AS r
WITH requester, target, r WHERE $status IS NULL OR r.status = $status
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request
ORDER BY CASE WHEN r.status = 'OPEN' THEN 0 ELSE 1 END, CASE WHEN r.status = 'OPEN' THEN r.dueAt END,
         r.sentAt DESC, r.id

// ---- accessRequest.redact
MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
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
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request

// ---- accessRequest.remind
MATCH (requester:Organization {id: $viewer})-[:REQUESTED]->(r:AccessRequest {id: $id})-[:OF]->(target:Organization)
CREATE (:AccessRequestEvent {action: 'REMINDED', at: $t, actorUserId: $actorUserId, actorOrganizationId: $viewer,
                             note: $message})-[:OF]->(r)
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request

// ---- accessRequest.send
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

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
RETURN x IS NOT NULL AS targetNamed, open, CASE WHEN r IS NULL THEN null ELSE r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} END AS request

// ---- accessRequest.sent
MATCH (requester:Organization {id: $viewer})-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization)
WITH requester, target, r WHERE NOT $historical OR r.sentAt <= $t
  CALL (r) {
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
                 WHEN extendedLater THEN null ELSE e.note END} AS r
WITH requester, target, r WHERE $status IS NULL OR r.status = $status
RETURN r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason} AS request
ORDER BY r.sentAt DESC, r.id

// ---- analysis.chainsReaching.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}
WITH *, v AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH v, owners, whole, shared, closed, x, [v] + owners AS frontier, [v] + owners AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect([s.id, c.id]) AS crossed, collect(DISTINCT s) AS found
}
WITH v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links

RETURN [r IN [v] + owners | r.id] AS rootIds,
       CASE WHEN any(n IN reached WHERE n.id = $toId) THEN links ELSE [] END AS crossed

// ---- analysis.exposure.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial,
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

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

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH disclosers, sharedDisclosures, sourcers, v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect([s.id, c.id]) AS crossed, collect(DISTINCT s) AS found
}
WITH disclosers, sharedDisclosures, sourcers, v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH disclosers, sharedDisclosures, sourcers, v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
WITH disclosers, sharedDisclosures, sourcers, v, x, tiers, links AS crossed
CALL (tiers) {
  UNWIND range(1, size(tiers)) AS tier
  UNWIND tiers[tier - 1] AS o
  WITH * WHERE o:RiskSubject
  MATCH (o)-[:HAS_RISK]->(risk:RiskIndicator)
  WHERE (NOT $historical OR risk.recordedAt <= $t) AND (risk.withdrawnAt IS NULL OR ($historical AND $t < risk.withdrawnAt)) AND (risk.delistedAt IS NULL OR risk.delistedAt > $t) AND ($topics IS NULL OR any(topic IN coalesce(risk.topics, []) WHERE topic IN $topics))
  WITH o, tier, collect([risk.id, risk.kind, risk.source, risk.severity, risk.description, risk.evidenceUrl,
  risk.observedAt.epochMillis, risk.recordedAt.epochMillis,
  CASE WHEN risk.delistedAt <= $t THEN risk.delistedAt.epochMillis END, head(COLLECT { MATCH (risk)<-[:RECORDED]-(m:Organization) RETURN [m.id, m.name, m.type, m.country] }), risk.redactedAt.epochMillis, coalesce(risk.topics, [])]) AS risks
  RETURN collect({organization: o {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources}, tier: tier, risks: risks}) AS findings
}
CALL (v, tiers, disclosers, sharedDisclosures) {
  UNWIND range(1, size(tiers)) AS tier
  UNWIND tiers[tier - 1] AS o
  WITH v, o, tier
  WHERE $topics IS NULL AND o:DisclosureSubject
  MATCH (o)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE d.kind IN ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT', 'CERTIFICATE'] AND (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)
CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH * WHERE $product IS NULL OR size(dv.products) = 0 OR $product IN dv.products
CALL (publisher) {
    WITH publisher AS o
    RETURN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] AS owner
  }
  RETURN collect({organization: o {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources}, tier: tier, disclosureId: d.id, kind: d.kind, publishedAt: d.publishedAt.epochMillis,
    withdrawnAt: d.withdrawnAt.epochMillis, withdrawnBy: d.withdrawnBy, owner: owner, version: [dv.version, dv.recordedAt.epochMillis, dv.actorUserId, dv.title, dv.summary, dv.issuer,
  dv.standard, dv.products, dv.issuedAt.epochMillis, dv.validUntil.epochMillis, dv.documentUrl, dv.documentSha256,
  dv.redactedAt.epochMillis, dv.redactedBy,
  COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position
    RETURN [a.id, a.finding, a.severity, a.action, a.dueAt.epochMillis, a.status, a.verification,
      a.closedAt.epochMillis] }]}) AS evidence
}
CALL (v) {
  MATCH (v)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization)
  WITH v AS requester, r, target
  WHERE CASE WHEN $historical THEN r.sentAt <= $t AND (r.closedAt IS NULL OR $t < r.closedAt)
  ELSE r.status = 'OPEN' END
  CALL (r) {
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
                 WHEN extendedLater THEN null ELSE e.note END} AS r
  ORDER BY r.sentAt DESC, r.id
  RETURN collect(r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason}) AS openRequests
}
CALL (v, sourcers, tiers) {
  UNWIND range(1, size(tiers)) AS tier
  UNWIND tiers[tier - 1] AS o
  WITH v, sourcers, o, tier
  WHERE tier < $depth AND o <> v AND NOT o IN sourcers
  RETURN collect({organization: o {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources}, tier: tier}) AS blindSpots
}
RETURN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS root, findings, evidence, openRequests, blindSpots, [tier IN tiers | [o IN tier | o.id]] AS tierIds,
  crossed

// ---- analysis.pathLinks
UNWIND $ids AS id
MATCH (s)-[l:SUPPLIES {id: id}]->(c)
RETURN [l.id, s.id, c.id, l.products, l.validFrom.epochMillis, l.validTo.epochMillis,
  l.recordedAt.epochMillis, l.provenance, l.sources] AS link

// ---- analysis.paths.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect([l.id, s.id, c.id]) AS crossed, collect(DISTINCT s) AS found
}
WITH v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links

RETURN x.id AS rootId, CASE WHEN any(n IN reached[1..] WHERE n.id = $toId) THEN links ELSE [] END AS crossed

// ---- analysis.risk.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial,
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

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

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH disclosers, sharedDisclosures, sourcers, v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect([s.id, l.products, c.id]) AS crossed, collect(DISTINCT s) AS found
}
WITH disclosers, sharedDisclosures, sourcers, v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH disclosers, sharedDisclosures, sourcers, v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
WITH disclosers, sharedDisclosures, sourcers, v, whole, shared, x, tiers, links AS supplied, reached[1..] AS reached
CALL (reached) {
  UNWIND reached AS o
  WITH * WHERE o:RiskSubject
  MATCH (o)-[:HAS_RISK]->(risk:RiskIndicator)
  WHERE (NOT $historical OR risk.recordedAt <= $t) AND (risk.withdrawnAt IS NULL OR ($historical AND $t < risk.withdrawnAt))
  RETURN collect([o.id, [risk.id, risk.kind, risk.source, risk.severity, risk.description, risk.evidenceUrl,
  risk.observedAt.epochMillis, risk.recordedAt.epochMillis,
  CASE WHEN risk.delistedAt <= $t THEN risk.delistedAt.epochMillis END, head(COLLECT { MATCH (risk)<-[:RECORDED]-(m:Organization) RETURN [m.id, m.name, m.type, m.country] }), risk.redactedAt.epochMillis, coalesce(risk.topics, [])]]) AS risks
}
CALL (v, reached, disclosers, sharedDisclosures) {
  UNWIND reached AS x
  WITH v, x
  WHERE x:DisclosureSubject
  MATCH (x)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)
CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH * WHERE $product IS NULL OR size(dv.products) = 0 OR $product IN dv.products
RETURN collect([x.id, d.id, d.kind, publisher.id, publisher.name, [dv.version, dv.recordedAt.epochMillis, dv.actorUserId, dv.title, dv.summary, dv.issuer,
  dv.standard, dv.products, dv.issuedAt.epochMillis, dv.validUntil.epochMillis, dv.documentUrl, dv.documentSha256,
  dv.redactedAt.epochMillis, dv.redactedBy,
  COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position
    RETURN [a.id, a.finding, a.severity, a.action, a.dueAt.epochMillis, a.status, a.verification,
      a.closedAt.epochMillis] }], [(d)-[:VERSION]->(old:DisclosureVersion)-[:HAS_ACTION]->(oa:CorrectiveAction)
    WHERE old.version < dv.version | [old.version, oa.id, oa.dueAt]]]) AS evidence
}
CALL (v) {
  MATCH (v)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization)
  WITH v AS requester, r, target
  WHERE CASE WHEN $historical THEN r.sentAt <= $t AND (r.closedAt IS NULL OR $t < r.closedAt)
  ELSE r.status = 'OPEN' END
  CALL (r) {
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
                 WHEN extendedLater THEN null ELSE e.note END} AS r
  ORDER BY r.sentAt DESC, r.id
  RETURN collect(r {.id, requesterId: requester.id, targetId: target.id, .scope, .products, .message, .sentAt,
  .dueAt, .extended, .status, .closedAt, .reason}) AS openRequests
}
RETURN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS root, risks, evidence, supplied, openRequests, v.id AS viewerId,
  [o IN sourcers | o.id] AS sourcingOwnerIds, [o IN whole | o.id] AS wholeSourcingOwnerIds,
  [l IN shared | endNode(l).id] AS partialSourcingOwnerIds,
  [tier IN tiers | [o IN tier | CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END]] AS tiers

// ---- analysis.risksByOrganization
UNWIND range(0, size($keys) - 1) AS i
   WITH i, $keys[i] AS key, $keys[i].asOf AS riskAt
   MATCH (:RiskSubject {id: key.id})-[:HAS_RISK]->(risk:RiskIndicator)
   WHERE (key.asOf IS NULL OR risk.recordedAt <= key.asOf)
     AND (risk.withdrawnAt IS NULL OR key.asOf < risk.withdrawnAt)
   RETURN i, collect(risk {.id, .kind, .source, .severity, .description, .evidenceUrl, .observedAt, .recordedAt,
  delistedAt: CASE WHEN riskAt IS NULL OR risk.delistedAt <= riskAt THEN risk.delistedAt END,
  recordedBy: head(COLLECT { MATCH (risk)<-[:RECORDED]-(m:Organization) RETURN m {.id, .name, .type, .country} }), .redactedAt, topics: coalesce(risk.topics, [])}) AS risks

// ---- constraint.accessRequestId
CREATE CONSTRAINT access_request_id IF NOT EXISTS FOR (r:AccessRequest) REQUIRE r.id IS UNIQUE

// ---- constraint.disclosureId
CREATE CONSTRAINT disclosure_id IF NOT EXISTS FOR (d:Disclosure) REQUIRE d.id IS UNIQUE

// ---- constraint.idempotencyKey
CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE (k.organizationId, k.mutation, k.key) IS UNIQUE

// ---- constraint.importRunId
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE

// ---- constraint.linkId
CREATE CONSTRAINT supplies_id IF NOT EXISTS FOR ()-[l:SUPPLIES]-() REQUIRE l.id IS UNIQUE

// ---- constraint.mergedOrganizationId
CREATE CONSTRAINT merged_organization_id IF NOT EXISTS FOR (m:MergedOrganization) REQUIRE m.id IS UNIQUE

// ---- constraint.migrationId
CREATE CONSTRAINT tiersight_migration_id IF NOT EXISTS FOR (m:TiersightMigration) REQUIRE m.id IS UNIQUE

// ---- constraint.organizationId
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE

// ---- constraint.riskId
CREATE CONSTRAINT risk_indicator_id IF NOT EXISTS FOR (r:RiskIndicator) REQUIRE r.id IS UNIQUE

// ---- constraint.screeningCandidateId
CREATE CONSTRAINT screening_candidate_id IF NOT EXISTS FOR (c:ScreeningCandidate) REQUIRE c.id IS UNIQUE

// ---- constraint.shareId
CREATE CONSTRAINT share_id IF NOT EXISTS FOR (s:Share) REQUIRE s.id IS UNIQUE

// ---- constraint.tiersightLockId
CREATE CONSTRAINT tiersight_lock_id IF NOT EXISTS FOR (k:TiersightLock) REQUIRE k.id IS UNIQUE

// ---- directory.listedWithOsId
OPTIONAL MATCH (x:Organization) USING INDEX x:Organization(listed, osId)
WHERE x.listed = true AND x.osId = $osId AND x.id <> $viewer
RETURN collect(x.id) AS ids

// ---- directory.listing
MATCH (o:Organization {id: $viewer}) RETURN o.id AS organizationId, coalesce(o.listed, false) AS listed, o.listedAt AS listedAt

// ---- directory.lockListedOsIds
MERGE (lock:TiersightLock {id: 'listed-os-id'})
SET lock._lock = true REMOVE lock._lock

// ---- directory.lockOwn
MATCH (o:Organization {id: $viewer})
SET o._lock = true REMOVE o._lock
RETURN o.name AS name, o.aliases AS aliases, o.city AS city, o.osId AS osId

// ---- directory.page
CALL () {
  MATCH (o:Organization) USING INDEX o:Organization(listed, id)
  WHERE o.listed = true AND o.id IS NOT NULL
    AND ($country IS NULL OR o.country = $country)
    AND ($type IS NULL OR o.type = $type)
    AND any(search IN CASE WHEN $splitTerms = $terms THEN [$terms] ELSE [$terms, $splitTerms] END
        WHERE all(term IN search WHERE any(word IN coalesce(o.directoryTerms,
          split(toLower(o.name + ' ' + coalesce(o.city, '') + ' ' + coalesce(o.osId, '')), ' '))
        WHERE word STARTS WITH term)))
  RETURN count(o) AS total
}
CALL () {
  MATCH (o:Organization) USING INDEX o:Organization(listed, id)
  WHERE o.listed = true AND o.id IS NOT NULL
    AND ($country IS NULL OR o.country = $country)
    AND ($type IS NULL OR o.type = $type)
    AND any(search IN CASE WHEN $splitTerms = $terms THEN [$terms] ELSE [$terms, $splitTerms] END
        WHERE all(term IN search WHERE any(word IN coalesce(o.directoryTerms,
          split(toLower(o.name + ' ' + coalesce(o.city, '') + ' ' + coalesce(o.osId, '')), ' '))
        WHERE word STARTS WITH term)))
    AND ($after IS NULL OR o.name > $after[0] OR (o.name = $after[0] AND o.id > $after[1]))
  WITH o ORDER BY o.name, o.id LIMIT $limit
  RETURN collect(o {.id, .name, .type, .country, .city, .osId}) AS cards
}
RETURN total, cards

// ---- directory.setListing
MATCH (o:Organization {id: $viewer})
SET o.listedAt = CASE WHEN NOT $listed THEN null WHEN o.listed = true THEN o.listedAt ELSE $t END,
    o.listed = $listed, o.city = $city, o.osId = $osId, o.directoryTerms = $terms
RETURN o.id AS organizationId, coalesce(o.listed, false) AS listed, o.listedAt AS listedAt

// ---- disclosure.about
MATCH (v:Organization {id: $viewer})
CALL (v) {
  OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share {scope: 'DISCLOSURES'})-[:TO]->(v)
    WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
  WITH 
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures
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
  RETURN disclosers, sharedDisclosures
}
CALL (v, disclosers, sharedDisclosures) {
  UNWIND $ids AS key
  MATCH (x:DisclosureSubject {id: key})<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  USING INDEX SEEK x:DisclosureSubject(id)
  WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)
  RETURN collect([key, d, publisher, x]) AS candidates
}
CALL (v, candidates) {
  WITH v, candidates WHERE size(candidates) > 0
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}
  RETURN lookable
}
UNWIND candidates AS candidate
WITH v, candidate[0] AS key, candidate[1] AS d, candidate[2] AS publisher, candidate[3] AS x, lookable
WHERE x IN lookable

CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH *, true AS subjectVisible
RETURN key AS key, {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.byIds
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial,
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

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

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v, lookable, disclosers, sharedDisclosures) {
  CALL (v, disclosers, sharedDisclosures) {
    UNWIND [v] + disclosers AS publisher
    MATCH (publisher)-[:PUBLISHED]->(d:Disclosure)
    RETURN d
    UNION
    UNWIND sharedDisclosures AS d
    RETURN d
  }
CALL (d) {
  MATCH (publisher:Organization)-[:PUBLISHED]->(d)-[:ABOUT]->(x:Organization)
  RETURN publisher, x
}
  WITH * WHERE (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND x IN lookable
  RETURN collect({d: d, publisher: publisher, x: x}) AS shown
}
UNWIND shown AS row
WITH row.d AS d, row.publisher AS publisher, row.x AS x
WHERE d.id IN $ids
WITH d.id AS key, d, publisher, x

CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH *, true AS subjectVisible
RETURN key, {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.given
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
UNWIND [d IN own WHERE $id IS NULL OR d.id = $id] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t)
  AND ($includeWithdrawn OR d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt))

CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.history
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (:Disclosure {id: key.id})-[:VERSION]->(dv:DisclosureVersion)
WHERE dv.version <= key.version
WITH i, dv ORDER BY dv.version DESC
RETURN i, collect(dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}) AS versions

// ---- disclosure.lock
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
UNWIND [d IN own WHERE d.id = $id] AS d
SET d._lock = true
REMOVE d._lock
WITH d
MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
RETURN d.kind AS kind, d.withdrawnAt AS withdrawnAt, dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }} AS current

// ---- disclosure.newVersion
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
UNWIND [d IN own WHERE d.id = $id] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
SET d.version = d.version + 1
WITH *
CREATE (d)-[:VERSION]->(dv:DisclosureVersion)
SET dv += $content, dv.version = d.version, dv.recordedAt = $t, dv.actorUserId = $actorUserId
WITH *
CALL (dv) {
  UNWIND $actions AS action
  CREATE (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
  SET a = action
}
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.publish
CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}

MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}
CALL (v) {
  OPTIONAL MATCH (v)<-[:SUPPLIES]-(s:Organization)
  RETURN collect(DISTINCT s) AS suppliers
}
WITH v, lookable, head([s IN [v] + suppliers WHERE s.id = $subjectId]) AS x
CALL (v, x) {
  WITH v, x WHERE x IS NOT NULL
  CREATE (v)-[:PUBLISHED]->(d:Disclosure {id: $id, kind: $kind, publishedAt: $t, version: 1})-[:ABOUT]->(x)
  SET x:DisclosureSubject
  WITH d
CREATE (d)-[:VERSION]->(dv:DisclosureVersion)
SET dv += $content, dv.version = d.version, dv.recordedAt = $t, dv.actorUserId = $actorUserId
WITH *
CALL (dv) {
  UNWIND $actions AS action
  CREATE (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
  SET a = action
}
}
WITH *
OPTIONAL MATCH (v)-[:PUBLISHED]->(d:Disclosure {id: $id})-[:ABOUT]->(x)
OPTIONAL MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN x IS NOT NULL AS subjectAllowed, CASE WHEN d IS NULL THEN null ELSE {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} END AS disclosure

// ---- disclosure.publishedBy
MATCH (v:Organization {id: $viewer})
CALL (v) {
  OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share {scope: 'DISCLOSURES'})-[:TO]->(v)
    WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
  WITH 
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures
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
  RETURN disclosers, sharedDisclosures
}
CALL (v, disclosers, sharedDisclosures) {
  UNWIND $ids AS key
  MATCH (publisher:Organization {id: key})-[:PUBLISHED]->(d:Disclosure)-[:ABOUT]->(x:Organization)
  USING INDEX SEEK publisher:Organization(id)
  WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)
  RETURN collect([key, d, publisher, x]) AS candidates
}
CALL (v, candidates) {
  WITH v, candidates WHERE size(candidates) > 0
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}
  RETURN lookable
}
UNWIND candidates AS candidate
WITH v, candidate[0] AS key, candidate[1] AS d, candidate[2] AS publisher, candidate[3] AS x, lookable
WHERE x IN lookable

CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH *, true AS subjectVisible
RETURN key AS key, {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.received
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial,
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

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

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (disclosers, sharedDisclosures) {
  UNWIND disclosers AS discloser
  MATCH (discloser)-[:PUBLISHED]->(d:Disclosure)
  RETURN d
  UNION
  UNWIND sharedDisclosures AS d
  RETURN d
}
CALL (d) {
  MATCH (publisher:Organization)-[:PUBLISHED]->(d)-[:ABOUT]->(x:Organization)
  RETURN publisher, x
}
WITH * WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures) AND x IN lookable
WITH *, null AS key

CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
WITH *, true AS subjectVisible
RETURN key AS key, {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.redact
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
UNWIND [d IN own WHERE d.id = $id] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
CALL (d) {
  MATCH (d)-[:VERSION]->(rv:DisclosureVersion {version: toInteger($version)})
  WHERE rv.redactedAt IS NULL
  SET rv += $texts, rv.redactedAt = $t, rv.redactedBy = $actorUserId
  WITH rv
  MATCH (rv)-[:HAS_ACTION]->(a:CorrectiveAction)
  SET a += $actionTexts
}
WITH *
MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.sharedWith
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
CALL (v) {
  MATCH (v)-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
  RETURN collect({share: share, recipient: recipient}) AS active
}
CALL (v) {
  MATCH (v)<-[l:SUPPLIES]-(:Organization)
  WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
  RETURN collect(l) AS held
}
UNWIND [d IN own WHERE d.id IN $ids] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
WHERE (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt))
UNWIND [a IN active WHERE a.share.scope = 'DISCLOSURES'
          AND (a.share.disclosureIds IS NULL OR d.id IN a.share.disclosureIds)] AS covering
WITH d, v AS owner, covering.share AS share, covering.recipient AS recipient,
     CASE WHEN x = v OR x = covering.recipient THEN null
          ELSE any(l IN held WHERE startNode(l) = x
                   AND any(a IN active WHERE a.recipient = covering.recipient AND a.share.scope = 'SOURCING'
                           AND (a.share.linkIds IS NULL OR l.id IN a.share.linkIds))) END AS ownLinkShared
ORDER BY share.disclosureIds IS NULL DESC, recipient.name, recipient.id, share.createdAt, share.id
RETURN d.id AS key, collect({share: share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt}, ownLinkShared: ownLinkShared}) AS audience

// ---- disclosure.unchanged
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
UNWIND [d IN own WHERE d.id = $id] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- disclosure.withdraw
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}
UNWIND [d IN own WHERE d.id = $id] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
CALL (d) {
  WITH d WHERE d.withdrawnAt IS NULL
  SET d.withdrawnAt = $t, d.withdrawnBy = $actorUserId
}
WITH *
MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN {id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources},
  subject: CASE WHEN subjectVisible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END,
  version: dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }}} AS disclosure

// ---- export.accessRequests
MATCH (r:AccessRequest) USING INDEX SEEK r:AccessRequest(id)
     WHERE r.id > $after
     WITH r ORDER BY r.id LIMIT $limit
     OPTIONAL MATCH (requester:Organization)-[:REQUESTED]->(r)
     OPTIONAL MATCH (r)-[:OF]->(target:Organization)
     RETURN r {.id, requester: requester.id, target: target.id, .scope, .products, .message,
               sentAt: toString(r.sentAt), dueAt: toString(r.dueAt), .extended, .status,
               closedAt: toString(r.closedAt), .reason,
               shareIds: CASE WHEN r.status = 'GRANTED'
                 THEN COLLECT { MATCH (r)-[:RESULTED_IN]->(s:Share) RETURN s.id ORDER BY s.id } END,
               events: COLLECT {
                 MATCH (e:AccessRequestEvent)-[:OF]->(r)
                 WITH e ORDER BY e.at, e.action
                 RETURN e {.action, at: toString(e.at), .actorUserId, .actorOrganizationId, .note,
                           previousDueAt: toString(e.previousDueAt), dueAt: toString(e.dueAt)}
               }} AS record

// ---- export.counts
CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
   CALL () { MATCH ()-[l:SUPPLIES]->() RETURN count(l) AS links }
   CALL () { MATCH (s:Share) RETURN count(s) AS shares }
   CALL () { MATCH (r:RiskIndicator) RETURN count(r) AS risks }
   CALL () { MATCH (d:Disclosure) RETURN count(d) AS disclosures }
   CALL () { MATCH (r:AccessRequest) RETURN count(r) AS accessRequests }
   CALL () { MATCH (m:MergedOrganization) RETURN count(m) AS merges }
   CALL () { MATCH (c:ScreeningCandidate) RETURN count(c) AS screeningCandidates }
   RETURN organizations, links, shares, risks, disclosures, accessRequests, merges, screeningCandidates

// ---- export.disclosures
MATCH (d:Disclosure) USING INDEX SEEK d:Disclosure(id)
     WHERE d.id > $after
     WITH d ORDER BY d.id LIMIT $limit
     OPTIONAL MATCH (owner:Organization)-[:PUBLISHED]->(d)
     OPTIONAL MATCH (d)-[:ABOUT]->(subject:Organization)
     RETURN {disclosure: d {.id, owner: owner.id, subject: subject.id, .kind, publishedAt: toString(d.publishedAt),
               withdrawnAt: toString(d.withdrawnAt), .withdrawnBy, .provenance, .sources},
             current: COLLECT { MATCH (d)-[:VERSION]->(dv:DisclosureVersion) WHERE dv.version = d.version RETURN dv {.title, .summary, .issuer, .standard, .products, issuedAt: toString(dv.issuedAt),
               validUntil: toString(dv.validUntil), .documentUrl, .documentSha256,
               recordedAt: toString(dv.recordedAt), .actorUserId, redactedAt: toString(dv.redactedAt), .redactedBy,
               actions: COLLECT {
                 MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
                 WITH a ORDER BY a.position
                 RETURN a {.id, .finding, .severity, .action, dueAt: toString(a.dueAt), .status, .verification,
                           closedAt: toString(a.closedAt)}
               }} },
             history: COLLECT {
               MATCH (d)-[:VERSION]->(dv:DisclosureVersion) WHERE dv.version < d.version
               WITH dv ORDER BY dv.version
               RETURN dv {.title, .summary, .issuer, .standard, .products, issuedAt: toString(dv.issuedAt),
               validUntil: toString(dv.validUntil), .documentUrl, .documentSha256,
               recordedAt: toString(dv.recordedAt), .actorUserId, redactedAt: toString(dv.redactedAt), .redactedBy,
               actions: COLLECT {
                 MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
                 WITH a ORDER BY a.position
                 RETURN a {.id, .finding, .severity, .action, dueAt: toString(a.dueAt), .status, .verification,
                           closedAt: toString(a.closedAt)}
               }}
             }} AS record

// ---- export.links
MATCH ()-[l:SUPPLIES]->() USING INDEX SEEK l:SUPPLIES(id)
     WHERE l.id > $after
     WITH l ORDER BY l.id LIMIT $limit
     RETURN l {.id, supplier: startNode(l).id, customer: endNode(l).id, .products,
               validFrom: toString(l.validFrom), validTo: toString(l.validTo),
               recordedAt: toString(l.recordedAt), .provenance, .sources, .supersededBy,
               events: COLLECT {
                 MATCH (e:SupplyLinkEvent {linkId: l.id})
                 WITH e ORDER BY e.at, e.action
                 RETURN e {.action, at: toString(e.at), .actorUserId, .actorOrganizationId, .successorId,
                           .supplierCreated, .before, .after}
               }} AS record

// ---- export.merges
MATCH (m:MergedOrganization) USING INDEX SEEK m:MergedOrganization(id)
     WHERE m.id > $after
     WITH m ORDER BY m.id LIMIT $limit
     RETURN m {.id, .into, .mergedInto, .name, mergedAt: toString(m.mergedAt), .actorUserId, .frozenShareIds} AS record

// ---- export.organizations
MATCH (o:Organization) USING INDEX SEEK o:Organization(id)
     WHERE o.id > $after
     WITH o ORDER BY o.id LIMIT $limit
     RETURN o {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .aliases,
               .listed, listedAt: toString(o.listedAt), .provenance, .sources, .address, .sectors, .productTypes, .facilityTypes,
               .processingTypes, .parentCompanies, .numberOfWorkers, .closed} AS record

// ---- export.risks
MATCH (r:RiskIndicator) USING INDEX SEEK r:RiskIndicator(id)
     WHERE r.id > $after
     WITH r ORDER BY r.id LIMIT $limit
     OPTIONAL MATCH (o:Organization)-[:HAS_RISK]->(r)
     RETURN r {.id, organization: o.id, .kind, .source, .severity, .topics, .description, .evidenceUrl,
               observedAt: toString(r.observedAt), recordedAt: toString(r.recordedAt),
               .listEntryId, delistedAt: toString(r.delistedAt),
               recordedBy: head(COLLECT { MATCH (monitor:Organization)-[:RECORDED]->(r) RETURN monitor.id }),
               .recordedByUserId, withdrawnAt: toString(r.withdrawnAt), .withdrawnByUserId,
               redactedAt: toString(r.redactedAt), .redactedByUserId} AS record

// ---- export.screeningCandidates
MATCH (c:ScreeningCandidate) USING INDEX SEEK c:ScreeningCandidate(id)
     WHERE c.id > $after
     WITH c ORDER BY c.id LIMIT $limit
     OPTIONAL MATCH (c)-[:ABOUT]->(o:Organization)
     RETURN c {.id, organization: o.id, .indicatorId, .source, .listEntryId, .severity, .topics, .description,
               .evidenceUrl, .entryName, .program, .matchedName, .matchedEntryName, .score, .explanation,
               observedAt: toString(c.observedAt), .status, createdAt: toString(c.createdAt),
               decidedAt: toString(c.decidedAt), .decidedByUserId, .decidedForOrganizationId, .note,
               delistedAt: toString(c.delistedAt)} AS record

// ---- export.shares
MATCH (s:Share) USING INDEX SEEK s:Share(id)
     WHERE s.id > $after
     WITH s ORDER BY s.id LIMIT $limit
     OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(s)
     OPTIONAL MATCH (s)-[:TO]->(recipient:Organization)
     RETURN s {.id, owner: owner.id, recipient: recipient.id, .scope, .linkIds, .disclosureIds, expiresAt: toString(s.expiresAt),
               revokedAt: toString(s.revokedAt), createdAt: toString(s.createdAt),
               events: COLLECT {
                 MATCH (e:ShareEvent)-[:OF]->(s)
                 WITH e ORDER BY e.at, e.action
                 RETURN e {.action, at: toString(e.at), .actorUserId, .actorOrganizationId}
               }} AS record

// ---- finding.lockOwn
MATCH (m:Organization {id: $viewer})
CALL (m) {
  RETURN [(m)-[:RECORDED]->(recorded:RiskIndicator) | recorded] AS recorded
}
UNWIND [r IN recorded WHERE r.id = $id] AS risk
SET risk._lock = true
REMOVE risk._lock
RETURN risk.recordedAt AS recordedAt, risk.withdrawnAt AS withdrawnAt, risk.redactedAt IS NOT NULL AS redacted

// ---- finding.own
MATCH (:Organization {id: $viewer})-[:RECORDED]->(risk:RiskIndicator)<-[:HAS_RISK]-(o:Organization)
WHERE $id IS NULL OR risk.id = $id
RETURN risk {.id, .kind, .severity, .source, topics: coalesce(risk.topics, []), .description, .evidenceUrl,
  .observedAt, .recordedAt, .recordedByUserId, .withdrawnAt, .redactedAt, .redactedByUserId, organization: o {.id, .name, .type, .country}} AS finding
ORDER BY risk.recordedAt DESC, risk.id

// ---- finding.record
CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}

MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

OPTIONAL MATCH (listed:Organization) USING INDEX listed:Organization(listed, id)
  WHERE NOT $namedMerged AND listed.listed = true AND listed.id = $namedId
WITH v, coalesce(head([n IN lookable WHERE n.id = $namedId]), listed) AS x
CALL (v, x) {
  WITH v, x WHERE x IS NOT NULL AND v.type = 'MONITOR'
  CREATE (v)-[:RECORDED]->(risk:RiskIndicator {id: $id, kind: $kind, severity: $severity, source: $source,
    topics: $topics, description: $description, evidenceUrl: $evidenceUrl, observedAt: $observedAt, recordedAt: $t,
    recordedByUserId: $actorUserId})
  CREATE (x)-[:HAS_RISK]->(risk)
  SET x:RiskSubject
}
RETURN x IS NOT NULL AS subjectNamed

// ---- finding.redact
MATCH (:Organization {id: $viewer})-[:RECORDED]->(risk:RiskIndicator {id: $id})
SET risk += $erased, risk.redactedAt = $at, risk.redactedByUserId = $actorUserId

// ---- finding.withdraw
MATCH (:Organization {id: $viewer})-[:RECORDED]->(risk:RiskIndicator {id: $id})
SET risk.withdrawnAt = $at, risk.withdrawnByUserId = $actorUserId

// ---- health.appliedMigrations
OPTIONAL MATCH (m:TiersightMigration) RETURN collect(m.id) AS applied

// ---- idempotency.claim
CALL () {
  MATCH (expired:IdempotencyKey)
  WHERE expired.organizationId = $organizationId AND expired.expiresAt <= $now
  WITH expired LIMIT 100
  DELETE expired
}
CALL () {
  MATCH (own:IdempotencyKey {organizationId: $organizationId, mutation: $mutation, key: $key})
  WHERE own.expiresAt <= $now
  DELETE own
}
MERGE (k:IdempotencyKey {organizationId: $organizationId, mutation: $mutation, key: $key})
  ON CREATE SET k.claim = $claim, k.fingerprint = $fingerprint, k.erasedFingerprint = $erasedFingerprint,
    k.createdAt = $now, k.expiresAt = $expiresAt
RETURN coalesce(k.claim = $claim, false) AS ours,
       coalesce(k.fingerprint = $fingerprint, k.erasedFingerprint = $erasedFingerprint, false) AS sameRequest,
       k.resultIds AS resultIds

// ---- idempotency.forgetRequestTexts
MATCH (k:IdempotencyKey {mutation: $mutation})
WHERE k.fingerprint IS NOT NULL AND any(id IN k.resultIds WHERE id IN $ids)
REMOVE k.fingerprint

// ---- idempotency.record
MATCH (k:IdempotencyKey {organizationId: $organizationId, mutation: $mutation, key: $key})
WHERE k.claim = $claim
SET k.resultIds = $resultIds
REMOVE k.claim
RETURN k.key AS key

// ---- import.createDisclosures
UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner})
   MATCH (subject:Organization {id: row.subject})
   CREATE (owner)-[:PUBLISHED]->(:Disclosure {id: row.id, kind: row.kind,
       publishedAt: coalesce(datetime(row.publishedAt), datetime(row.firstRecordedAt), $importedAt), version: 0,
       withdrawnAt: datetime(row.withdrawnAt), withdrawnBy: row.withdrawnBy, provenance: row.provenance,
       sources: row.sources})-[:ABOUT]->(subject)
   SET subject:DisclosureSubject

// ---- import.createLinks
UNWIND $rows AS row
   MATCH (s:Organization {id: row[1]})
   MATCH (c:Organization {id: row[2]})
   CREATE (s)-[:SUPPLIES {id: row[0], products: row[3], validFrom: CASE WHEN row[4] IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(row[4])}) ELSE row[4] END, validTo: CASE WHEN row[5] IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(row[5])}) ELSE row[5] END,
       provenance: row[6], sources: row[7], recordedAt: coalesce(CASE WHEN row[8] IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(row[8])}) ELSE row[8] END, $importedAt), supersededBy: row[9]}]->(c)
   RETURN count(*) AS written

// ---- import.createOrganizations
UNWIND $rows AS row
   CREATE (o:Organization)
   SET o = row

// ---- import.createShares
UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner})
   MATCH (recipient:Organization {id: row.recipient})
   CREATE (owner)-[:GRANTED]->(s:Share {id: row.id, scope: row.scope, linkIds: row.linkIds,
       disclosureIds: row.disclosureIds, expiresAt: datetime(row.expiresAt), revokedAt: datetime(row.revokedAt),
       createdAt: coalesce(datetime(row.createdAt), $importedAt)})-[:TO]->(recipient)
   WITH s, owner, row
   WHERE row.events IS NULL
     AND NOT EXISTS { MATCH (e:ShareEvent)-[:OF]->(s) WHERE e.actorUserId <> $importActor }
   CALL (s) {
     MATCH (old:ShareEvent)-[:OF]->(s)
     DETACH DELETE old
   }
   CREATE (:ShareEvent {key: randomUUID(), action: 'GRANTED', at: s.createdAt, actorUserId: $importActor,
                        actorOrganizationId: owner.id})-[:OF]->(s)
   FOREACH (_ IN CASE WHEN s.revokedAt IS NULL THEN [] ELSE [1] END |
     CREATE (:ShareEvent {key: randomUUID(), action: 'REVOKED', at: s.revokedAt, actorUserId: $importActor,
                          actorOrganizationId: owner.id})-[:OF]->(s))

// ---- import.currentDisclosureVersions
UNWIND $ids AS id
   MATCH (d:Disclosure {id: id})-[:VERSION]->(dv:DisclosureVersion {version: d.version})
   RETURN id, d.publishedAt AS publishedAt, dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }} AS current

// ---- import.deleteDataBatch
MATCH (n) WHERE NOT n:TiersightMigration AND NOT n:ImportRun
   WITH n LIMIT $limit
   DETACH DELETE n
   RETURN count(*) AS deleted

// ---- import.deleteRelationshipBatch
MATCH ()-[r]->()
   WITH r LIMIT $limit
   DELETE r
   RETURN count(*) AS deleted

// ---- import.existingDisclosureOwners
UNWIND $ids AS id
   MATCH (owner:Organization)-[:PUBLISHED]->(:Disclosure {id: id})
   RETURN id, owner.id AS owner

// ---- import.existingDisclosures
UNWIND $ids AS id
   MATCH (owner:Organization)-[:PUBLISHED]->(d:Disclosure {id: id})-[:ABOUT]->(subject:Organization)
   MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
   MATCH (d)-[:VERSION]->(first:DisclosureVersion {version: 1})
   RETURN id, owner.id AS owner, subject.id AS subject, d.publishedAt AS publishedAt,
          first.recordedAt AS firstRecordedAt,
          [(d)-[:VERSION]->(rv:DisclosureVersion) WHERE rv.redactedAt IS NOT NULL
           | rv {.version, .recordedAt, .redactedAt}] AS redacted, dv {.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a {.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt} }} AS current

// ---- import.existingFindingRecorders
MATCH (o:Organization)-[:RECORDED]->(r:RiskIndicator)
   WITH o.id AS id, r.id AS finding ORDER BY finding
   RETURN id, collect(finding) AS findings

// ---- import.existingLinkCustomers
UNWIND $ids AS id
   MATCH (:Organization)-[l:SUPPLIES {id: id}]->(c:Organization)
   RETURN id, c.id AS customer

// ---- import.existingLinkedPairs
UNWIND $pairs AS pair
   MATCH (:Organization {id: pair.supplier})-[:SUPPLIES]->(:Organization {id: pair.customer})
   RETURN DISTINCT pair.supplier AS supplier, pair.customer AS customer

// ---- import.existingMergedIds
MATCH (m:MergedOrganization) WHERE m.id IN $ids RETURN m.id AS id, m.into AS into

// ---- import.existingMonitors
MATCH (o:Organization) WHERE o.id IN $ids AND o.type = 'MONITOR' RETURN o.id AS id

// ---- import.existingMovedLinks
UNWIND $links AS link
   MATCH (s:Organization)-[:SUPPLIES {id: link.id}]->(c:Organization)
   WHERE s.id <> link.supplier OR c.id <> link.customer
   RETURN link.id AS id, s.id AS supplier, c.id AS customer,
     COLLECT {
       MATCH (c)-[:GRANTED]->(share:Share)
       WHERE c.id <> link.customer AND link.id IN share.linkIds
       RETURN share.id ORDER BY share.id
     } AS shares,
     COLLECT { MATCH (c)-[:PUBLISHED]->(d:Disclosure)-[:ABOUT]->(s) RETURN d.id ORDER BY d.id } AS disclosures,
     COLLECT { MATCH (s)-[other:SUPPLIES]->(c) RETURN other.id } AS pairLinks

// ---- import.existingOpenAccessRequests
UNWIND $triples AS triple
   MATCH (:Organization {id: triple.requester})-[:REQUESTED]->(r:AccessRequest {status: 'OPEN'})
         -[:OF]->(:Organization {id: triple.target})
   WHERE r.scope IN triple.scopes
   RETURN triple.requester AS requester, triple.target AS target, triple.scope AS scope, r.id AS id,
          r.scope AS requestScope

// ---- import.existingOrganizationIds
MATCH (o:Organization) WHERE o.id IN $ids RETURN o.id AS id

// ---- import.existingRequestErasures
UNWIND $ids AS id
   MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: id})-[:OF]->(target:Organization)
   MATCH (e:AccessRequestEvent {action: 'REDACTED'})-[:OF]->(r)
   RETURN id, e.actorOrganizationId AS by,
          CASE e.actorOrganizationId WHEN requester.id THEN 'requester' WHEN target.id THEN 'target' END AS role,
          e.at AS at

// ---- import.existingShareEnds
UNWIND $ids AS id
   MATCH (owner:Organization)-[:GRANTED]->(:Share {id: id})-[:TO]->(recipient:Organization)
   RETURN id, owner.id AS owner, recipient.id AS recipient

// ---- import.existingSupplyLinksOf
UNWIND $ids AS id
   MATCH (:Organization {id: id})-[l:SUPPLIES]-(:Organization)
   WITH id, l.id AS link ORDER BY link
   RETURN id, collect(link) AS links

// ---- import.goneReferences
UNWIND $references AS ref
   OPTIONAL MATCH (o:Organization {id: ref[3]})
   CALL (o) {
     WITH o WHERE o IS NOT NULL
     SET o._lock = true REMOVE o._lock
   }
   WITH ref WHERE o IS NULL
   RETURN ref
   LIMIT 5

// ---- import.hasData
MATCH (o:Organization) RETURN count(o) > 0 AS hasData

// ---- import.redactedDisclosureVersions
UNWIND $ids AS id
   MATCH (d:Disclosure {id: id})-[:VERSION]->(dv:DisclosureVersion)
   WHERE dv.redactedAt IS NOT NULL
   RETURN id, dv.version AS version, dv.recordedAt AS recordedAt, dv.version = d.version AS current

// ---- import.replaceLinkEvents
UNWIND $rows AS row
   MATCH ()-[:SUPPLIES {id: row.id}]->(c:Organization)
   CALL (row) {
     MATCH (old:SupplyLinkEvent {linkId: row.id})
     DETACH DELETE old
   }
   WITH c, row
   UNWIND row.events AS event
   CREATE (c)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
   SET e = event, e.key = randomUUID(), e.at = datetime(event.at), e.customerId = c.id, e.linkId = row.id

// ---- import.replaceShareEvents
UNWIND $rows AS row
   MATCH (s:Share {id: row.id})
   CALL (s) {
     MATCH (old:ShareEvent)-[:OF]->(s)
     DETACH DELETE old
   }
   WITH s, row
   UNWIND row.events AS event
   CREATE (:ShareEvent {key: randomUUID(), action: event.action, at: datetime(event.at), actorUserId: event.actorUserId,
                        actorOrganizationId: event.actorOrganizationId})-[:OF]->(s)

// ---- import.upsertAccessRequests
UNWIND $rows AS row
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
   RETURN row.id AS id, fresh

// ---- import.upsertDisclosures
UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner}), (subject:Organization {id: row.subject})
   MERGE (d:Disclosure {id: row.id})
   ON CREATE SET d.publishedAt = coalesce(datetime(row.publishedAt), datetime(row.firstRecordedAt), $importedAt),
       d.version = 0
   WITH row, owner, subject, d, CASE
       WHEN row.withdrawnAt IS NULL THEN null
       WHEN row.withdrawnBy IS NOT NULL THEN row.withdrawnBy
       WHEN coalesce(d.withdrawnAt.epochSeconds = datetime(row.withdrawnAt).epochSeconds AND d.withdrawnAt.nanosecond = datetime(row.withdrawnAt).nanosecond, false) THEN d.withdrawnBy
       WHEN d.withdrawnAt IS NULL AND d.version > 0 THEN $importActor
     END AS withdrawnBy
   SET d.kind = row.kind, d.publishedAt = coalesce(datetime(row.publishedAt), d.publishedAt),
       d.withdrawnAt = datetime(row.withdrawnAt), d.withdrawnBy = withdrawnBy,
       d.provenance = row.provenance, d.sources = row.sources
   MERGE (owner)-[:PUBLISHED]->(d)
   MERGE (d)-[:ABOUT]->(subject)
   SET subject:DisclosureSubject

// ---- import.upsertLinks
UNWIND $rows AS row
   OPTIONAL MATCH (a:Organization)-[moved:SUPPLIES {id: row[0]}]->(b:Organization)
     WHERE a.id <> row[1] OR b.id <> row[2]
   DELETE moved
   WITH row
   MATCH (s:Organization {id: row[1]}), (c:Organization {id: row[2]})
   MERGE (s)-[l:SUPPLIES {id: row[0]}]->(c)
   WITH l, row, coalesce(CASE WHEN row[8] IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(row[8])}) ELSE row[8] END, $importedAt) AS recorded
   SET l.products = row[3], l.validFrom = CASE WHEN row[4] IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(row[4])}) ELSE row[4] END, l.validTo = CASE WHEN row[5] IS :: FLOAT NOT NULL THEN datetime({epochMillis: toInteger(row[5])}) ELSE row[5] END, l.provenance = row[6], l.sources = row[7],
       l.supersededBy = row[9],
       l.recordedAt = CASE WHEN l.recordedAt <= recorded THEN l.recordedAt ELSE recorded END
   RETURN count(*) AS written

// ---- import.upsertMerges
UNWIND $rows AS row
   MERGE (m:MergedOrganization {id: row.id})
   SET m.into = row.into, m.mergedInto = row.mergedInto, m.name = row.name, m.mergedAt = datetime(row.mergedAt),
       m.actorUserId = row.actorUserId, m.frozenShareIds = row.frozenShareIds

// ---- import.upsertOrganizations
UNWIND $rows AS row
   MERGE (o:Organization {id: row.id})
   SET o.listedAt = CASE WHEN NOT coalesce(row.listed, o.listed, false) THEN null
                         WHEN row.listedAt IS NOT NULL THEN datetime(row.listedAt)
                         WHEN o.listed = true THEN o.listedAt
                         ELSE $importedAt END,
       o.name = row.name, o.type = row.type, o.country = row.country,
       o.city = row.city, o.region = row.region, o.latitude = row.latitude, o.longitude = row.longitude,
       o.osId = row.osId, o.aliases = row.aliases, o.listed = coalesce(row.listed, o.listed),
       o.provenance = row.provenance, o.sources = row.sources,
       o.directoryTerms = CASE WHEN coalesce(row.listed, o.listed) THEN row.directoryTerms END,
       o.address = row.address, o.sectors = row.sectors,
       o.productTypes = row.productTypes, o.facilityTypes = row.facilityTypes,
       o.processingTypes = row.processingTypes, o.parentCompanies = row.parentCompanies,
       o.numberOfWorkers = row.numberOfWorkers, o.closed = row.closed

// ---- import.upsertRisks
UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   MERGE (r:RiskIndicator {id: row.id})
   SET r._lock = true
   REMOVE r._lock
   WITH r, o, row, coalesce(datetime(row.recordedAt), $importedAt) AS recorded,
        EXISTS { MATCH (former:Organization)-[:HAS_RISK]->(r) WHERE former <> o } AS moved,
        r.redactedAt IS NOT NULL AS erased,
        CASE WHEN r.redactedAt IS NULL THEN row ELSE r {.source, .description, .evidenceUrl,
          withdrawnAt: toString(r.withdrawnAt), .withdrawnByUserId, redactedAt: toString(r.redactedAt),
          .redactedByUserId} END AS kept
   SET r.kind = row.kind, r.source = kept.source, r.severity = row.severity, r.topics = coalesce(row.topics, []),
       r.description = kept.description,
       r.evidenceUrl = kept.evidenceUrl, r.observedAt = datetime(row.observedAt),
       r.listEntryId = row.listEntryId, r.delistedAt = datetime(row.delistedAt),
       r.recordedByUserId = row.recordedByUserId, r.withdrawnAt = datetime(kept.withdrawnAt),
       r.withdrawnByUserId = kept.withdrawnByUserId, r.redactedAt = datetime(kept.redactedAt),
       r.redactedByUserId = kept.redactedByUserId,
       r.recordedAt = CASE WHEN erased OR NOT moved AND r.recordedAt <= recorded THEN r.recordedAt ELSE recorded END
   WITH r, o, row
   CALL (r, row) {
     OPTIONAL MATCH (formerRecorder:Organization)-[recorded:RECORDED]->(r)
       WHERE row.recordedBy IS NULL OR formerRecorder.id <> row.recordedBy
     DELETE recorded
   }
   CALL (r, row) {
     MATCH (monitor:Organization {id: row.recordedBy})
     MERGE (monitor)-[:RECORDED]->(r)
   }
   WITH r, o
   OPTIONAL MATCH (formerOrganization)-[h:HAS_RISK]->(r) WHERE formerOrganization <> o
   DELETE h
   WITH DISTINCT r, o, formerOrganization
   CALL (formerOrganization) {
     WITH formerOrganization
     WHERE formerOrganization IS NOT NULL AND NOT EXISTS { (formerOrganization)-[:HAS_RISK]->() }
     REMOVE formerOrganization:RiskSubject
   }
   WITH DISTINCT r, o
   MERGE (o)-[:HAS_RISK]->(r)
   SET o:RiskSubject

// ---- import.upsertScreeningCandidates
UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   MERGE (c:ScreeningCandidate {id: row.id})
   ON CREATE SET c.createdAt = coalesce(datetime(row.createdAt), $importedAt)
   SET c += row.fields, c.organizationId = row.organization,
       c.createdAt = coalesce(datetime(row.createdAt), c.createdAt),
       c.observedAt = datetime(row.observedAt), c.decidedAt = datetime(row.decidedAt),
       c.delistedAt = datetime(row.delistedAt)
   WITH c, o
   OPTIONAL MATCH (c)-[a:ABOUT]->(former:Organization) WHERE former <> o
   DELETE a
   WITH DISTINCT c, o
   MERGE (c)-[:ABOUT]->(o)

// ---- import.upsertShares
UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner}), (recipient:Organization {id: row.recipient})
   MERGE (s:Share {id: row.id})
   ON CREATE SET s.createdAt = coalesce(datetime(row.createdAt), $importedAt)
   WITH s, owner, recipient, row, s.revokedAt AS revokedBefore
   SET s.scope = row.scope, s.linkIds = row.linkIds, s.disclosureIds = row.disclosureIds, s.expiresAt = datetime(row.expiresAt), s.revokedAt = datetime(row.revokedAt),
       s.createdAt = coalesce(datetime(row.createdAt), s.createdAt)
   WITH s, owner, recipient, row, revokedBefore
   OPTIONAL MATCH (formerOwner)-[g:GRANTED]->(s) WHERE formerOwner <> owner
   DELETE g
   WITH DISTINCT s, owner, recipient, row, revokedBefore
   OPTIONAL MATCH (s)-[t:TO]->(formerRecipient) WHERE formerRecipient <> recipient
   DELETE t
   WITH DISTINCT s, owner, recipient, row, revokedBefore
   MERGE (owner)-[:GRANTED]->(s)
   MERGE (s)-[:TO]->(recipient)
   WITH s, owner, row, revokedBefore
   CALL (s, owner, row, revokedBefore) {
     WITH s, owner, row, revokedBefore
     WHERE row.events IS NULL AND (revokedBefore IS NULL) <> (s.revokedAt IS NULL)
       AND EXISTS { MATCH (e:ShareEvent)-[:OF]->(s) WHERE e.actorUserId <> $importActor }
     MATCH (e:ShareEvent)-[:OF]->(s)
     WITH s, owner, max(e.at) AS last
     CREATE (:ShareEvent {key: randomUUID(), action: CASE WHEN s.revokedAt IS NULL THEN 'GRANTED' ELSE 'REVOKED' END,
                          at: CASE WHEN s.revokedAt >= last THEN s.revokedAt ELSE $importedAt END,
                          actorUserId: $importActor, actorOrganizationId: owner.id})-[:OF]->(s)
   }
   WITH s, owner, row
   WHERE row.events IS NULL
     AND NOT EXISTS { MATCH (e:ShareEvent)-[:OF]->(s) WHERE e.actorUserId <> $importActor }
   CALL (s) {
     MATCH (old:ShareEvent)-[:OF]->(s)
     DETACH DELETE old
   }
   CREATE (:ShareEvent {key: randomUUID(), action: 'GRANTED', at: s.createdAt, actorUserId: $importActor,
                        actorOrganizationId: owner.id})-[:OF]->(s)
   FOREACH (_ IN CASE WHEN s.revokedAt IS NULL THEN [] ELSE [1] END |
     CREATE (:ShareEvent {key: randomUUID(), action: 'REVOKED', at: s.revokedAt, actorUserId: $importActor,
                          actorOrganizationId: owner.id})-[:OF]->(s))

// ---- import.writeDisclosureVersions
UNWIND $rows AS row
   MATCH (d:Disclosure {id: row.id})
   WITH d, row, [(d)-[:VERSION]->(old:DisclosureVersion) WHERE row.replace AND old.redactedAt IS NOT NULL
                 | old {.version, .redactedAt, .redactedBy, recorded: old.recordedAt.epochMillis}] AS erased
   CALL (d, row) {
     WITH d WHERE row.replace
     MATCH (d)-[:VERSION]->(old:DisclosureVersion)
     OPTIONAL MATCH (old)-[:HAS_ACTION]->(oldAction:CorrectiveAction)
     DETACH DELETE oldAction, old
   }
   SET d.version = toInteger(row.version)
   WITH d, row, erased
   UNWIND row.versions AS version
   WITH d, version, head([e IN erased WHERE version.redactedAt IS NULL AND e.version = toInteger(version.version)
                          AND e.recorded = version.recordedAt.epochMillis]) AS kept
   CREATE (d)-[:VERSION]->(dv:DisclosureVersion)
   SET dv += version.content, dv.version = toInteger(version.version), dv.recordedAt = version.recordedAt,
       dv.actorUserId = version.actorUserId, dv.redactedAt = coalesce(kept.redactedAt, version.redactedAt),
       dv.redactedBy = CASE WHEN kept IS NULL THEN version.redactedBy ELSE kept.redactedBy END
   SET dv += CASE WHEN kept IS NULL THEN {} ELSE $texts END
   WITH dv, version, kept
   CALL (dv, version, kept) {
     UNWIND version.actions AS action
     CREATE (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
     SET a = action
     SET a += CASE WHEN kept IS NULL THEN {} ELSE $actionTexts END
   }

// ---- importFacilities.existing
UNWIND $keys AS key
   CALL (key) {
     MATCH (o:Organization {osId: key.osId}) RETURN o
     UNION
     MATCH (o:Organization {id: key.id}) RETURN o
   }
   RETURN key.osId AS osId, o {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId,
     .aliases, .listed, .provenance, .sources, .address, .sectors, .productTypes, .facilityTypes,
     .processingTypes, .parentCompanies, .numberOfWorkers, .closed} AS organization
   ORDER BY osId, organization.id

// ---- importRun.abandon
MATCH (r:ImportRun {id: $id}) WHERE r.finishedAt IS NULL
   DELETE r

// ---- importRun.begin
CREATE (r:ImportRun {id: $id, source: $source, command: $command, reset: $reset, total: $total,
                        startedAt: datetime()})
   RETURN r {.id, .source, .command, .reset, .total, .startedAt, .finishedAt} AS run

// ---- importRun.finish
MATCH (r:ImportRun {id: $id})
   SET r.finishedAt = datetime()
   WITH r
   OPTIONAL MATCH (earlier:ImportRun) WHERE earlier.startedAt <= r.startedAt AND earlier <> r
   DETACH DELETE earlier

// ---- importRun.list
MATCH (r:ImportRun)
   RETURN r {.id, .source, .command, .reset, .total, .startedAt, .finishedAt} AS run ORDER BY r.startedAt, r.id

// ---- index.disclosureSubjectId
CREATE INDEX disclosure_subject_id IF NOT EXISTS FOR (x:DisclosureSubject) ON (x.id)

// ---- index.idempotencyKeyExpiry
CREATE INDEX idempotency_key_expiry IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.organizationId, k.expiresAt)

// ---- index.mergedOrganizationInto
CREATE INDEX merged_organization_into IF NOT EXISTS FOR (m:MergedOrganization) ON (m.into)

// ---- index.organizationCountry
CREATE INDEX organization_country IF NOT EXISTS FOR (o:Organization) ON (o.country)

// ---- index.organizationListedId
CREATE INDEX organization_listed_id IF NOT EXISTS FOR (o:Organization) ON (o.listed, o.id)

// ---- index.organizationListedOsId
CREATE INDEX organization_listed_os_id IF NOT EXISTS FOR (o:Organization) ON (o.listed, o.osId)

// ---- index.organizationName
CREATE TEXT INDEX organization_name IF NOT EXISTS FOR (o:Organization) ON (o.name)

// ---- index.organizationOsId
CREATE INDEX organization_os_id IF NOT EXISTS FOR (o:Organization) ON (o.osId)

// ---- index.organizationType
CREATE INDEX organization_type IF NOT EXISTS FOR (o:Organization) ON (o.type)

// ---- index.riskIndicatorSource
CREATE INDEX risk_indicator_source IF NOT EXISTS FOR (r:RiskIndicator) ON (r.source)

// ---- index.riskSubjectId
CREATE INDEX risk_subject_id IF NOT EXISTS FOR (x:RiskSubject) ON (x.id)

// ---- index.screeningCandidateSource
CREATE INDEX screening_candidate_source IF NOT EXISTS FOR (c:ScreeningCandidate) ON (c.source)

// ---- index.screeningCandidateStatus
CREATE INDEX screening_candidate_status IF NOT EXISTS FOR (c:ScreeningCandidate) ON (c.status, c.score)

// ---- index.supplyLinkEventLink
CREATE INDEX supply_link_event_link IF NOT EXISTS FOR (e:SupplyLinkEvent) ON (e.linkId)

// ---- index.supplyLinkEventSuccessor
CREATE INDEX supply_link_event_successor IF NOT EXISTS FOR (e:SupplyLinkEvent) ON (e.successorId)

// ---- merge.check
OPTIONAL MATCH (k:Organization {id: $keep})
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
       } AS openTwice

// ---- merge.freeze
MATCH (k:Organization {id: $keep}), (m:Organization {id: $merge})
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
RETURN frozen ORDER BY frozen

// ---- merge.move
MATCH (k:Organization {id: $keep}), (m:Organization {id: $merge})
CALL (k, m) {
  MATCH (m)-[r]->(x)
  WITH k, x, r, type(r) AS kind, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:$(kind)]->(x)
  SET moved = props
  RETURN 'OUT' AS direction, kind, count(*) AS count
  UNION ALL
  MATCH (m)<-[r]-(x)
  WITH k, x, r, type(r) AS kind, properties(r) AS props
  DELETE r
  CREATE (x)-[moved:$(kind)]->(k)
  SET moved = props
  RETURN 'IN' AS direction, kind, count(*) AS count
}
RETURN direction, kind, count

// ---- merge.record
MATCH (m:Organization {id: $merge})
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
RETURN formerlyMergedIds

// ---- merge.renameActors
MATCH (k:Organization {id: $keep})
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
}

// ---- migration.accessRequestProductsRead
MATCH (r:AccessRequest) WHERE r.id > $after
         WITH r ORDER BY r.id LIMIT 10000
         RETURN r.id AS id, r.products AS products

// ---- migration.accessRequestProductsWrite
UNWIND $rows AS row
         MATCH (x:AccessRequest {id: row.id}) WHERE x.products = row.before
         SET x.products = row.products

// ---- migration.applied
MATCH (m:TiersightMigration) RETURN m.id AS id

// ---- migration.awaitIndexes
CALL db.awaitIndexes(300)

// ---- migration.declaredSupplierSourcesRead
MATCH (e:SupplyLinkEvent) WHERE e.linkId > $after AND e.supplierCreated = true
         WITH e ORDER BY e.linkId LIMIT 1000
         OPTIONAL MATCH (o:Organization)-[l:SUPPLIES {id: e.linkId}]->()
         OPTIONAL MATCH (c:Organization)-[:SOURCING_EVENT]->(e)
         CALL (o) {
           WITH o WHERE o IS NOT NULL
           SET o._lock = true REMOVE o._lock
         }
         RETURN e.linkId AS id, o.id AS organizationId, coalesce(o.sources, []) AS sources,
                [s IN coalesce(l.sources, []) WHERE s STARTS WITH 'declared by '] +
                  CASE WHEN c IS NULL THEN [] ELSE ['declared by ' + c.id] END AS citations
         ORDER BY id

// ---- migration.declaredSupplierSourcesWrite
UNWIND $rows AS row
         MATCH (o:Organization {id: row.id})
         SET o.sources = row.sources

// ---- migration.directoryTermsRead
MATCH (o:Organization) WHERE o.id > $after
         WITH o ORDER BY o.id LIMIT 1000
         CALL (o) {
           WITH o WHERE o.listed = true
           SET o._lock = true REMOVE o._lock
         }
         RETURN o.id AS id, coalesce(o.listed, false) AS listed, o.name AS name, o.aliases AS aliases, o.city AS city,
           o.osId AS osId
         ORDER BY id

// ---- migration.directoryTermsWrite
UNWIND $rows AS row
         MATCH (o:Organization {id: row.id}) WHERE o.listed = true
         SET o.directoryTerms = row.terms

// ---- migration.disclosureSubjects
MATCH (x:Organization) WHERE x.id > $after
         WITH x ORDER BY x.id LIMIT 10000
         CALL (x) {
           WITH x WHERE EXISTS { (x)<-[:ABOUT]-(:Disclosure) }
           SET x:DisclosureSubject
         }
         RETURN max(x.id) AS last

// ---- migration.disclosureVersionIntegers
MATCH (d:Disclosure) WHERE d.id > $after
         WITH d ORDER BY d.id LIMIT 10000
         CALL (d) {
           WITH d WHERE d.version IS :: FLOAT
           SET d.version = toInteger(d.version)
         }
         CALL (d) {
           MATCH (d)-[:VERSION]->(dv:DisclosureVersion) WHERE dv.version IS :: FLOAT
           SET dv.version = toInteger(dv.version)
         }
         RETURN max(d.id) AS last

// ---- migration.disclosureVersionProductsRead
MATCH (d:Disclosure) WHERE d.id > $after
         WITH d ORDER BY d.id LIMIT 1000
         OPTIONAL MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
         RETURN d.id AS id, dv.version AS version, dv.products AS products
         ORDER BY id, version

// ---- migration.disclosureVersionProductsWrite
UNWIND $rows AS row
         MATCH (:Disclosure {id: row.id})-[:VERSION]->(x:DisclosureVersion {version: row.version}) WHERE x.products = row.before
         SET x.products = row.products

// ---- migration.linkProductsRead
MATCH ()-[l:SUPPLIES]->() WHERE l.id > $after
         WITH l ORDER BY l.id LIMIT 10000
         RETURN l.id AS id, l.products AS products

// ---- migration.linkProductsWrite
UNWIND $rows AS row
         MATCH ()-[x:SUPPLIES {id: row.id}]->() WHERE x.products = row.before
         SET x.products = row.products

// ---- migration.linkRecordedAt
MATCH ()-[l:SUPPLIES]->() WHERE l.id > $after
         WITH l ORDER BY l.id LIMIT 10000
         SET l.recordedAt = coalesce(l.recordedAt, $now)
         RETURN max(l.id) AS last

// ---- migration.record
MERGE (m:TiersightMigration {id: $id}) ON CREATE SET m.appliedAt = datetime()

// ---- migration.riskRecordedAt
MATCH (r:RiskIndicator) WHERE r.id > $after
         WITH r ORDER BY r.id LIMIT 10000
         SET r.recordedAt = coalesce(r.recordedAt, $now)
         RETURN max(r.id) AS last

// ---- migration.riskSubjects
MATCH (x:Organization) WHERE x.id > $after
         WITH x ORDER BY x.id LIMIT 10000
         CALL (x) {
           WITH x WHERE EXISTS { (x)-[:HAS_RISK]->(:RiskIndicator) }
           SET x:RiskSubject
         }
         RETURN max(x.id) AS last

// ---- migration.shareEventKeys
MATCH (e:ShareEvent) WHERE e.key IS NULL
         WITH e LIMIT 10000
         SET e.key = randomUUID()
         RETURN CASE WHEN count(e) > 0 THEN 'more' END AS last

// ---- migration.shareEventKeysByShare
MATCH (o:Share) WHERE o.id > $after
         WITH o ORDER BY o.id LIMIT 1000
         CALL (o) {
           MATCH (e:ShareEvent)-[:OF]->(o) WHERE e.key IS NULL
           SET e.key = randomUUID()
         }
         RETURN max(o.id) AS last

// ---- migration.shareScope
MATCH (s:Share) WHERE s.id > $after
         WITH s ORDER BY s.id LIMIT 10000
         SET s.scope = coalesce(s.scope, 'SOURCING')
         RETURN max(s.id) AS last

// ---- migration.supplyLinkEventKeys
MATCH (e:SupplyLinkEvent) WHERE e.key IS NULL
         WITH e LIMIT 10000
         SET e.key = randomUUID()
         RETURN CASE WHEN count(e) > 0 THEN 'more' END AS last

// ---- migration.supplyLinkEventKeysByCustomer
MATCH (o:Organization) WHERE o.id > $after
         WITH o ORDER BY o.id LIMIT 1000
         CALL (o) {
           MATCH (o)-[:SOURCING_EVENT]->(e:SupplyLinkEvent) WHERE e.key IS NULL
           SET e.key = randomUUID()
         }
         RETURN max(o.id) AS last

// ---- organization.actors
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

UNWIND $ids AS id
MATCH (x:Organization {id: id})
WITH x, x IN lookable AS visible
RETURN visible, CASE WHEN visible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country} END AS organization

// ---- organization.byIds
UNWIND $ids AS id MATCH (x:Organization {id: id}) RETURN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS organization

// ---- organization.resolveMerged
UNWIND $ids AS id
OPTIONAL MATCH (m:MergedOrganization {id: id})
RETURN id, coalesce(m.into, id) AS kept

// ---- screening.candidate
MATCH (c:ScreeningCandidate {id: $id})-[:ABOUT]->(o:Organization)
   RETURN c {.id, .source, .listEntryId, .entryName, .program, .matchedName, .matchedEntryName,
  .score, .explanation, .evidenceUrl, .observedAt, .status, .createdAt, .decidedAt, .decidedByUserId, .note,
  .delistedAt, organizationId: o.id, organizationName: o.name, organizationCountry: o.country} AS candidate

// ---- screening.candidates
MATCH (c:ScreeningCandidate) USING INDEX c:ScreeningCandidate(status, score)
   WHERE c.status = $status AND c.score IS NOT NULL
     AND ($after IS NULL OR c.score < $after.score OR (c.score = $after.score AND c.id > $after.id))
   WITH c ORDER BY c.score DESC, c.id LIMIT $limit
   MATCH (c)-[:ABOUT]->(o:Organization)
   RETURN c {.id, .source, .listEntryId, .entryName, .program, .matchedName, .matchedEntryName,
  .score, .explanation, .evidenceUrl, .observedAt, .status, .createdAt, .decidedAt, .decidedByUserId, .note,
  .delistedAt, organizationId: o.id, organizationName: o.name, organizationCountry: o.country} AS candidate

// ---- screening.decide
MATCH (c:ScreeningCandidate {id: $id, status: 'PENDING'})-[:ABOUT]->(o:Organization)
   SET c.status = $status, c.decidedAt = $now, c.decidedByUserId = $userId,
       c.decidedForOrganizationId = $organizationId, c.note = $note
   RETURN c {.id, .source, .listEntryId, .entryName, .program, .matchedName, .matchedEntryName,
  .score, .explanation, .evidenceUrl, .observedAt, .status, .createdAt, .decidedAt, .decidedByUserId, .note,
  .delistedAt, organizationId: o.id, organizationName: o.name, organizationCountry: o.country} AS candidate

// ---- screening.delistMissingEntries
UNWIND $lists AS list
   CALL (list) {
     MATCH (r:RiskIndicator {kind: 'WATCHLIST', source: list.source})
     WHERE r.listEntryId IS NOT NULL AND r.delistedAt IS NULL AND NOT r.listEntryId IN list.entryIds
     SET r.delistedAt = $delistedAt
     RETURN count(r) AS indicators
   }
   CALL (list) {
     MATCH (c:ScreeningCandidate {source: list.source})
     WHERE c.delistedAt IS NULL AND NOT c.listEntryId IN list.entryIds
     SET c.delistedAt = $delistedAt
     RETURN count(c) AS candidates
   }
   RETURN sum(indicators) AS delisted, sum(candidates) AS delistedCandidates

// ---- screening.indicatorsOfEntries
UNWIND $ids AS base
   MATCH (r:RiskIndicator) WHERE r.id STARTS WITH base
   RETURN base, r.id AS id, r.recordedAt AS recordedAt, r.delistedAt IS NOT NULL AS delisted

// ---- screening.organizations
MATCH (o:Organization)
   RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, o.country AS country, o.osId AS osId
   ORDER BY o.id

// ---- screening.recordConfirmed
MATCH (c:ScreeningCandidate {id: $id, status: 'CONFIRMED'})-[:ABOUT]->(o:Organization)
   MERGE (r:RiskIndicator {id: c.indicatorId})
   SET r.kind = 'WATCHLIST', r.source = c.source, r.listEntryId = c.listEntryId, r.severity = c.severity,
       r.topics = coalesce(c.topics, []),
       r.description = c.description + ' Confirmed on review.', r.evidenceUrl = c.evidenceUrl,
       r.observedAt = c.observedAt, r.recordedAt = coalesce(r.recordedAt, $now), r.delistedAt = c.delistedAt
   MERGE (o)-[:HAS_RISK]->(r)
   SET o:RiskSubject

// ---- screening.upsertCandidates
UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   OPTIONAL MATCH (indicator:RiskIndicator {id: row.indicatorId})
   WITH row, o WHERE indicator IS NULL
   OPTIONAL MATCH (existing:ScreeningCandidate {id: row.id})
   WITH row, o, existing IS NULL AS isNew
   MERGE (c:ScreeningCandidate {id: row.id})
   ON CREATE SET c.status = 'PENDING', c.createdAt = $now
   SET c += CASE WHEN c.status = 'PENDING' THEN row.fields ELSE {} END,
       c.observedAt = CASE WHEN c.status = 'PENDING' THEN datetime(row.observedAt) ELSE c.observedAt END,
       c.delistedAt = null
   MERGE (c)-[:ABOUT]->(o)
   RETURN count(c) AS candidates, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created

// ---- screening.upsertWatchlistIndicators
UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   OPTIONAL MATCH (existing:RiskIndicator {id: row.id})
   WITH row, o, existing IS NULL AS isNew
   MERGE (r:RiskIndicator {id: row.id})
   SET r.kind = 'WATCHLIST', r.source = row.source, r.listEntryId = row.listEntryId,
       r.severity = row.severity, r.topics = row.topics, r.description = row.description, r.evidenceUrl = row.evidenceUrl,
       r.observedAt = datetime(row.observedAt), r.recordedAt = coalesce(r.recordedAt, $recordedAt)
   MERGE (o)-[:HAS_RISK]->(r)
   SET o:RiskSubject
   RETURN count(r) AS recorded, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created

// ---- share.events
MATCH (o:Organization {id: $org})
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
        coalesce(event.key, elementId(event)) AS placeKey
WITH *, datetime($after.at) AS afterAt
WHERE $after IS NULL OR at < afterAt
   OR (at = afterAt AND (placeId > $after.id OR (placeId = $after.id AND (placeAction > $after.action
   OR (placeAction = $after.action AND placeKey > $after.key)))))
WITH * ORDER BY at DESC, placeId, placeAction, placeKey LIMIT $size
RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share, event {.action, .at, .actorUserId, .actorOrganizationId} AS event, [toString(at), placeKey] AS place

// ---- share.find
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)-[:GRANTED]->(given:Share) | given] + [(v)<-[:TO]-(received:Share) | received] AS shares
}
UNWIND [s IN shares WHERE s.id = $id] AS share
MATCH (owner:Organization)-[:GRANTED]->(share)-[:TO]->(recipient:Organization)
RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share

// ---- share.given
MATCH (owner:Organization {id: $org})-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization)
   WHERE ($includeInactive OR (share.revokedAt IS NULL AND (share.expiresAt IS NULL OR $now < share.expiresAt)))
     AND ($scope IS NULL OR share.scope = $scope)
   RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share
   ORDER BY share.createdAt DESC, share.scope, share.id

// ---- share.grant
CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}

MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

OPTIONAL MATCH (listed:Organization) USING INDEX listed:Organization(listed, id)
  WHERE NOT $namedMerged AND listed.listed = true AND listed.id = $namedId
WITH v, coalesce(head([n IN lookable WHERE n.id = $namedId]), listed) AS x
CALL (v) {
  RETURN [(v)-[:GRANTED]->(:Share)-[:TO]->(r:Organization) | r]
       + [(q:Organization)-[:REQUESTED]->(:AccessRequest)-[:OF]->(v) | q] AS known
}
WITH v, x, head([n IN known WHERE NOT $namedMerged AND n.id = $namedId]) AS knownRecipient
WITH v, coalesce(x, knownRecipient) AS x
WITH v AS owner, CASE WHEN x <> v THEN x END AS recipient

CALL (owner) {
  WITH owner WHERE $linkIds IS NOT NULL
  MATCH (owner)<-[l:SUPPLIES]-()
  WITH l, coalesce(l.validTo.epochSeconds = l.validFrom.epochSeconds AND l.validTo.nanosecond = l.validFrom.nanosecond, false) AS calledOff
  RETURN collect(l.id) AS owned,
         collect(CASE WHEN l.validTo <= $t OR calledOff
                      THEN {id: l.id, validTo: l.validTo, calledOff: calledOff, successor: l.supersededBy} END) AS endedOwned
}
CALL (owner) {
  WITH owner WHERE $disclosureIds IS NOT NULL
  MATCH (owner)-[:PUBLISHED]->(d:Disclosure)
  WHERE d.withdrawnAt IS NULL
  RETURN collect(d.id) AS published
}
WITH *, [linkId IN coalesce($linkIds, []) WHERE NOT linkId IN owned] AS notOwned,
     [linkId IN coalesce($linkIds, []) | head([e IN endedOwned WHERE e.id = linkId])] AS endedAsked,
     [disclosureId IN coalesce($disclosureIds, []) WHERE NOT disclosureId IN published] AS notDisclosed
WITH *, [e IN endedAsked WHERE e IS NOT NULL] AS ended
CALL (*) {
  WITH *, [e IN endedOwned | e.id] AS endedIds
  OPTIONAL MATCH (owner)-[:GRANTED]->(same:Share)-[:TO]->(recipient)
  WHERE same.scope = $scope AND same.revokedAt IS NULL AND (same.expiresAt IS NULL OR $t < same.expiresAt)
    AND coalesce(same.expiresAt.epochSeconds = $expiresAt.epochSeconds AND same.expiresAt.nanosecond = $expiresAt.nanosecond, same.expiresAt IS NULL AND $expiresAt IS NULL)
    AND coalesce(all(item IN [id IN same.linkIds WHERE NOT id IN endedIds] WHERE item IN $linkIds) AND all(item IN $linkIds WHERE item IN [id IN same.linkIds WHERE NOT id IN endedIds]), [id IN same.linkIds WHERE NOT id IN endedIds] IS NULL AND $linkIds IS NULL)
    AND coalesce(all(item IN [id IN same.disclosureIds WHERE id IN published] WHERE item IN $disclosureIds) AND all(item IN $disclosureIds WHERE item IN [id IN same.disclosureIds WHERE id IN published]), [id IN same.disclosureIds WHERE id IN published] IS NULL AND $disclosureIds IS NULL)
  WITH same ORDER BY same.id
  RETURN head(collect(same)) AS duplicate, collect(same) AS duplicates
}
WITH owner, recipient, notOwned, ended, notDisclosed AS disclosuresNotOwned, duplicate
CALL (owner, recipient, notOwned, ended, disclosuresNotOwned, duplicate) {
  WITH owner, recipient,
       {id: $id, scope: $scope, linkIds: $linkIds, disclosureIds: $disclosureIds, expiresAt: $expiresAt} AS spec
  WHERE recipient IS NOT NULL AND size(notOwned) = 0 AND size(ended) = 0 AND size(disclosuresNotOwned) = 0
    AND duplicate IS NULL
  CREATE (owner)-[:GRANTED]->(share:Share {id: spec.id, scope: spec.scope, linkIds: spec.linkIds,
                                          disclosureIds: spec.disclosureIds, expiresAt: spec.expiresAt,
                                          createdAt: $t})-[:TO]->(recipient)
  CREATE (:ShareEvent {key: randomUUID(), action: 'GRANTED', at: $t, actorUserId: $actorUserId,
                       actorOrganizationId: owner.id})-[:OF]->(share)
}
OPTIONAL MATCH (owner)-[:GRANTED]->(share:Share {id: $id})-[:TO]->(recipient)
RETURN recipient IS NOT NULL AS recipientNamed, notOwned, ended, disclosuresNotOwned, duplicate.id AS duplicate, share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share

// ---- share.lockOwn
MATCH (owner:Organization {id: $ownerId})
   CALL (owner) {
     RETURN [(owner)-[:GRANTED]->(given:Share) | given] AS given
   }
   UNWIND [s IN given WHERE s.id = $id] AS share
   MATCH (share)-[:TO]->(recipient:Organization)
   SET share._lock = true
   REMOVE share._lock
   RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share

// ---- share.parties
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

CALL (v) {
  RETURN [(v)-[:GRANTED]->(:Share)-[:TO]->(p) | p] + [(p)-[:GRANTED]->(:Share)-[:TO]->(v) | p] AS parties
}
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WHERE x = v OR x IN parties
WITH x, x IN lookable AS visible, coalesce(x.listed, false) AS listed
RETURN visible, listed, CASE WHEN visible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} WHEN listed THEN x {.id, .name, .type, .country, .city, .osId} ELSE x {.id, .name, .type, .country} END AS organization

// ---- share.received
MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization {id: $org})
   WHERE ($includeInactive OR (share.revokedAt IS NULL AND (share.expiresAt IS NULL OR $now < share.expiresAt)))
     AND ($scope IS NULL OR share.scope = $scope)
   RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share
   ORDER BY share.createdAt DESC, share.scope, share.id

// ---- share.revoke
MATCH (owner:Organization {id: $ownerId})-[:GRANTED]->(share:Share {id: $id})-[:TO]->(recipient:Organization)
   SET share.revokedAt = $now
   CREATE (:ShareEvent {key: randomUUID(), action: 'REVOKED', at: $now, actorUserId: $actorUserId,
                        actorOrganizationId: $ownerId})-[:OF]->(share)
   RETURN share {.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt} AS share

// ---- sourcing.amend
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)<-[incoming:SUPPLIES]-() | incoming] AS incoming
}
UNWIND [own IN incoming WHERE own.id = $id] AS l
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
}
CREATE (v)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
SET e = $event, e.key = randomUUID(), e.at = $t
WITH n AS l
RETURN l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link

// ---- sourcing.declareExisting
CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}

MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

OPTIONAL MATCH (listed:Organization) USING INDEX listed:Organization(listed, id)
  WHERE NOT $namedMerged AND listed.listed = true AND listed.id = $namedId
WITH v, coalesce(head([n IN lookable WHERE n.id = $namedId]), listed) AS x
WITH v, x AS s
CALL (v, s) {
  WITH v, s WHERE s IS NOT NULL AND s <> v AND s.type <> 'MONITOR' AND v.type <> 'MONITOR'
  CREATE (s)-[l:SUPPLIES]->(v)
  SET l = $link, l.recordedAt = $t
  CREATE (v)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
  SET e = $event, e.key = randomUUID(), e.action = 'DECLARED', e.at = $t
}
OPTIONAL MATCH (s)-[l:SUPPLIES {id: $link.id}]->(v)
RETURN s IS NOT NULL AND s <> v AS supplierNamed, s.type AS supplierType, v.type AS customerType, l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link

// ---- sourcing.declareNew
CALL () {
  WITH 1 AS one WHERE $supplier.osId IS NOT NULL
  MERGE (lock:TiersightLock {id: 'listed-os-id'})
SET lock._lock = true REMOVE lock._lock
}
CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (listed:Organization) USING INDEX listed:Organization(listed, osId)
  WHERE listed.listed = true AND listed.osId = $supplier.osId
WITH v, head(collect(listed.id)) AS listedId
CALL (v, listedId) {
  WITH v WHERE listedId IS NULL AND v.type <> 'MONITOR'
  CREATE (s:Organization)
  SET s = $supplier
  CREATE (s)-[l:SUPPLIES]->(v)
  SET l = $link, l.recordedAt = $t
  CREATE (v)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
  SET e = $event, e.key = randomUUID(), e.action = 'DECLARED', e.at = $t
}
OPTIONAL MATCH (:Organization {id: $supplier.id})-[l:SUPPLIES {id: $link.id}]->(v)
RETURN listedId, v.type AS customerType, l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link

// ---- sourcing.end
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)<-[incoming:SUPPLIES]-() | incoming] AS incoming
}
UNWIND [own IN incoming WHERE own.id = $id] AS l
SET l.validTo = $validTo
CREATE (v)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
SET e = $event, e.key = randomUUID(), e.at = $t
RETURN l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link

// ---- sourcing.events
MATCH (o:Organization {id: $org})
CALL (o) {
  RETURN [(o)-[:SOURCING_EVENT]->(event:SupplyLinkEvent) | event] AS trail
}
UNWIND [e IN trail WHERE $linkId IS NULL OR e.linkId = $linkId OR e.successorId = $linkId] AS e
WITH e, e.at AS at, e.linkId AS placeId, e.action AS placeAction, coalesce(e.key, elementId(e)) AS placeKey
WITH *, datetime($after.at) AS afterAt
WHERE $after IS NULL OR at < afterAt
   OR (at = afterAt AND (placeId > $after.id OR (placeId = $after.id AND (placeAction > $after.action
   OR (placeAction = $after.action AND placeKey > $after.key)))))
WITH * ORDER BY at DESC, placeId, placeAction, placeKey LIMIT $size
RETURN e {.action, .at, .actorUserId, .actorOrganizationId, .customerId, .linkId, .successorId,
  supplierCreated: coalesce(e.supplierCreated, false), .before, .after} AS event, [toString(at), placeKey] AS place

// ---- sourcing.lockOwnLink
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)<-[incoming:SUPPLIES]-() | incoming] AS incoming
}
UNWIND [own IN incoming WHERE own.id = $id] AS l
SET l._lock = true REMOVE l._lock
RETURN l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link,
       COLLECT { MATCH (e:SupplyLinkEvent) WHERE e.linkId = l.id OR e.successorId = l.id
                 RETURN e.at ORDER BY e.at DESC LIMIT 1 }[0] AS lastEventAt

// ---- sourcing.ownLink
MATCH (v:Organization {id: $viewer})
CALL (v) {
  RETURN [(v)<-[incoming:SUPPLIES]-() | incoming] AS incoming
}
UNWIND [own IN incoming WHERE own.id = $id] AS l
RETURN l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link

// ---- sourcing.ownLinks
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}
MATCH (v)<-[l:SUPPLIES]-(x:Organization)
WHERE $includeEnded OR l.validTo IS NULL OR ($t < l.validTo AND NOT coalesce(l.validTo.epochSeconds = l.validFrom.epochSeconds AND l.validTo.nanosecond = l.validFrom.nanosecond, false))
CALL (x, lookable) {
  WITH x, x IN lookable AS visible, coalesce(x.listed, false) AS listed
RETURN visible, listed, CASE WHEN visible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} WHEN listed THEN x {.id, .name, .type, .country, .city, .osId} ELSE x {.id, .name, .type, .country} END AS organization
}
RETURN l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link, visible, listed, organization, v {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS customer
ORDER BY x.name, x.id, l.validFrom, l.id

// ---- sourcing.shownLinks
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}
UNWIND $ids AS id
MATCH (v)<-[l:SUPPLIES {id: id}]-(x:Organization)
CALL (x, lookable) {
  WITH x, x IN lookable AS visible, coalesce(x.listed, false) AS listed
RETURN visible, listed, CASE WHEN visible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} WHEN listed THEN x {.id, .name, .type, .country, .city, .osId} ELSE x {.id, .name, .type, .country} END AS organization
}
RETURN l {.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources} AS link, visible, listed, organization, v {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS customer
ORDER BY x.name, x.id, l.validFrom, l.id

// ---- userActivity.records
CALL () {
  MATCH (e:ShareEvent {actorUserId: $userId})-[:OF]->(s:Share)
  RETURN 'SHARE_EVENT' AS kind, s.id AS recordId, e.action AS action, e.at AS at,
         e.actorOrganizationId AS organizationId,
         [(owner:Organization)-[:GRANTED]->(s) | owner.id] + [(s)-[:TO]->(recipient:Organization) | recipient.id] AS parties
  UNION ALL
  MATCH (e:SupplyLinkEvent {actorUserId: $userId})
  RETURN 'SUPPLY_LINK_EVENT' AS kind, e.linkId AS recordId, e.action AS action, e.at AS at,
         e.actorOrganizationId AS organizationId,
         [(customer:Organization)-[:SOURCING_EVENT]->(e) | customer.id] AS parties
  UNION ALL
  MATCH (e:AccessRequestEvent {actorUserId: $userId})-[:OF]->(r:AccessRequest)
  RETURN 'ACCESS_REQUEST_EVENT' AS kind, r.id AS recordId, e.action AS action, e.at AS at,
         e.actorOrganizationId AS organizationId,
         [(requester:Organization)-[:REQUESTED]->(r) | requester.id] + [(r)-[:OF]->(target:Organization) | target.id] AS parties
  UNION ALL
  CALL () {
    MATCH (d:Disclosure)-[:VERSION]->(dv:DisclosureVersion {actorUserId: $userId})
    RETURN d, 'DISCLOSURE_VERSION' AS kind, 'VERSION ' + toString(dv.version) AS action, dv.recordedAt AS at
    UNION ALL
    MATCH (d:Disclosure {withdrawnBy: $userId})
    RETURN d, 'DISCLOSURE_WITHDRAWAL' AS kind, 'WITHDRAWN' AS action, d.withdrawnAt AS at
    UNION ALL
    MATCH (d:Disclosure)-[:VERSION]->(dv:DisclosureVersion {redactedBy: $userId})
    RETURN d, 'DISCLOSURE_REDACTION' AS kind, 'REDACTED VERSION ' + toString(dv.version) AS action,
           dv.redactedAt AS at
  }
  WITH d, kind, action, at, [(owner:Organization)-[:PUBLISHED]->(d) | owner.id] AS owners
  RETURN kind, d.id AS recordId, action, at, head(owners) AS organizationId,
         owners + [(d)-[:ABOUT]->(subject:Organization) | subject.id] AS parties
  UNION ALL
  CALL () {
    MATCH (r:RiskIndicator {recordedByUserId: $userId})
    RETURN r, 'FINDING_RECORDED' AS kind, 'RECORDED' AS action, r.recordedAt AS at
    UNION ALL
    MATCH (r:RiskIndicator {withdrawnByUserId: $userId})
    RETURN r, 'FINDING_WITHDRAWN' AS kind, 'WITHDRAWN' AS action, r.withdrawnAt AS at
    UNION ALL
    MATCH (r:RiskIndicator {redactedByUserId: $userId})
    RETURN r, 'FINDING_REDACTION' AS kind, 'REDACTED' AS action, r.redactedAt AS at
  }
  WITH r, kind, action, at, [(monitor:Organization)-[:RECORDED]->(r) | monitor.id] AS monitors
  RETURN kind, r.id AS recordId, action, at, head(monitors) AS organizationId,
         monitors + [(about:Organization)-[:HAS_RISK]->(r) | about.id] AS parties
  UNION ALL
  MATCH (c:ScreeningCandidate {decidedByUserId: $userId})
  RETURN 'SCREENING_DECISION' AS kind, c.id AS recordId, c.status AS action, c.decidedAt AS at,
         c.decidedForOrganizationId AS organizationId,
         [(c)-[:ABOUT]->(about:Organization) | about.id] AS parties
  UNION ALL
  MATCH (m:MergedOrganization {actorUserId: $userId})
  RETURN 'MERGE' AS kind, m.id AS recordId, 'MERGED INTO ' + m.mergedInto AS action, m.mergedAt AS at,
         null AS organizationId, [m.id, m.mergedInto] AS parties
}
RETURN {kind: kind, recordId: recordId, action: action, at: at, organizationId: organizationId,
        parties: parties} AS record
ORDER BY at, kind, recordId, action

// ---- visibility.customers
MATCH (v:Organization {id: $viewer})-[l:SUPPLIES]->(x:Organization)
WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
WITH DISTINCT x ORDER BY x.name, x.id
RETURN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS organization

// ---- visibility.roots
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

UNWIND [v] + owners AS x
WITH DISTINCT x, x = v AS isViewer
ORDER BY isViewer DESC, x.name, x.id
RETURN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} AS organization

// ---- visibility.supplyChain.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect(CASE $linkDetail WHEN 'full' THEN [l.id, s.id, c.id, l.products, l.validFrom.epochMillis, l.validTo.epochMillis,
  l.recordedAt.epochMillis, l.provenance, l.sources] WHEN 'card' THEN [l.id, s.id, c.id, l.products] END) AS crossed, collect(DISTINCT s) AS found
}
WITH v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
WITH x AS o, tiers, links
RETURN CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END AS root, [tier IN tiers | [o IN tier | CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END]] AS tiers, links

// ---- visibility.supplyChain.withDisclosures.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial,
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

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

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH disclosers, sharedDisclosures, v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect(CASE $linkDetail WHEN 'full' THEN [l.id, s.id, c.id, l.products, l.validFrom.epochMillis, l.validTo.epochMillis,
  l.recordedAt.epochMillis, l.provenance, l.sources] WHEN 'card' THEN [l.id, s.id, c.id, l.products] END) AS crossed, collect(DISTINCT s) AS found
}
WITH disclosers, sharedDisclosures, v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH disclosers, sharedDisclosures, v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
CALL (v, tiers, disclosers, sharedDisclosures) {
  UNWIND tiers AS members
  UNWIND members AS subject
  WITH v, subject WHERE subject:DisclosureSubject
  MATCH (subject)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)
CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
  WITH subject, d, dv, publisher AS o
  RETURN collect([subject.id, d.id, d.kind, d.publishedAt.epochMillis, d.withdrawnAt.epochMillis, d.withdrawnBy, [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources], dv.version, dv.recordedAt.epochMillis, dv.actorUserId, dv.title, dv.summary, dv.issuer,
  dv.standard, dv.products, dv.issuedAt.epochMillis, dv.validUntil.epochMillis, dv.documentUrl, dv.documentSha256,
  dv.redactedAt.epochMillis, dv.redactedBy,
  COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position
    RETURN [a.id, a.finding, a.severity, a.action, a.dueAt.epochMillis, a.status, a.verification,
      a.closedAt.epochMillis] }]) AS disclosures
}
WITH x AS o, tiers, links, disclosures
RETURN CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END AS root, [tier IN tiers | [o IN tier | CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END]] AS tiers, links, disclosures

// ---- visibility.supplyChain.withDisclosuresAndRisks.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial,
     collect(DISTINCT CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NULL THEN owner END) AS disclosers,
     collect(CASE WHEN share.scope = 'DISCLOSURES' AND share.disclosureIds IS NOT NULL THEN share END) AS partialDisclosures,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' THEN owner END) AS sourcers
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

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

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH disclosers, sharedDisclosures, v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect(CASE $linkDetail WHEN 'full' THEN [l.id, s.id, c.id, l.products, l.validFrom.epochMillis, l.validTo.epochMillis,
  l.recordedAt.epochMillis, l.provenance, l.sources] WHEN 'card' THEN [l.id, s.id, c.id, l.products] END) AS crossed, collect(DISTINCT s) AS found
}
WITH disclosers, sharedDisclosures, v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH disclosers, sharedDisclosures, v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
CALL (v, tiers, disclosers, sharedDisclosures) {
  UNWIND tiers AS members
  UNWIND members AS subject
  WITH v, subject WHERE subject:DisclosureSubject
  MATCH (subject)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t) AND (d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt)) AND (publisher = v OR publisher IN disclosers OR d IN sharedDisclosures)
CALL (d) {
  MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
  WHERE CASE WHEN $historical THEN dv.recordedAt <= $t ELSE dv.version = d.version END
  RETURN dv ORDER BY dv.version DESC LIMIT 1
}
  WITH subject, d, dv, publisher AS o
  RETURN collect([subject.id, d.id, d.kind, d.publishedAt.epochMillis, d.withdrawnAt.epochMillis, d.withdrawnBy, [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources], dv.version, dv.recordedAt.epochMillis, dv.actorUserId, dv.title, dv.summary, dv.issuer,
  dv.standard, dv.products, dv.issuedAt.epochMillis, dv.validUntil.epochMillis, dv.documentUrl, dv.documentSha256,
  dv.redactedAt.epochMillis, dv.redactedBy,
  COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position
    RETURN [a.id, a.finding, a.severity, a.action, a.dueAt.epochMillis, a.status, a.verification,
      a.closedAt.epochMillis] }]) AS disclosures
}
CALL (tiers) {
  UNWIND tiers AS members
  UNWIND members AS o
  WITH * WHERE o:RiskSubject
  MATCH (o)-[:HAS_RISK]->(risk:RiskIndicator)
  WHERE (NOT $historical OR risk.recordedAt <= $t) AND (risk.withdrawnAt IS NULL OR ($historical AND $t < risk.withdrawnAt))
  RETURN collect([o.id, [risk.id, risk.kind, risk.source, risk.severity, risk.description, risk.evidenceUrl,
  risk.observedAt.epochMillis, risk.recordedAt.epochMillis,
  CASE WHEN risk.delistedAt <= $t THEN risk.delistedAt.epochMillis END, head(COLLECT { MATCH (risk)<-[:RECORDED]-(m:Organization) RETURN [m.id, m.name, m.type, m.country] }), risk.redactedAt.epochMillis, coalesce(risk.topics, [])]]) AS risks
}
WITH x AS o, tiers, links, disclosures, risks
RETURN CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END AS root, [tier IN tiers | [o IN tier | CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END]] AS tiers, links, disclosures, risks

// ---- visibility.supplyChain.withRisks.depth1 (and depth2..20: the tier step N times)
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  WITH v, owners, whole, shared WHERE $root <> $viewer
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] AS n
  WITH DISTINCT n WHERE n.id = $root
  RETURN collect(n) AS asked
}
UNWIND CASE WHEN $root = $viewer THEN [v] ELSE asked END AS x

CALL (v, whole, shared) {
  OPTIONAL MATCH (v)-[own:SUPPLIES]->(customer)
  WHERE NOT customer IN whole
  WITH whole, shared, collect(own) AS own
  RETURN own + [l IN shared WHERE startNode(l) <> v AND NOT endNode(l) IN whole] AS closed
}
WITH v, owners, whole, shared, closed, x, [x] AS frontier, [x] AS reached, [] AS tiers, [] AS links

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
  WITH * WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) AND ($product IS NULL OR $product IN l.products)
  RETURN collect(CASE $linkDetail WHEN 'full' THEN [l.id, s.id, c.id, l.products, l.validFrom.epochMillis, l.validTo.epochMillis,
  l.recordedAt.epochMillis, l.provenance, l.sources] WHEN 'card' THEN [l.id, s.id, c.id, l.products] END) AS crossed, collect(DISTINCT s) AS found
}
WITH v, owners, whole, shared, closed, x, reached, tiers, links, crossed, [o IN found WHERE NOT o IN reached] AS fresh
WITH v, owners, whole, shared, closed, x, fresh AS frontier, reached + fresh AS reached, tiers + [fresh] AS tiers,
     links + crossed AS links
CALL (tiers) {
  UNWIND tiers AS members
  UNWIND members AS o
  WITH * WHERE o:RiskSubject
  MATCH (o)-[:HAS_RISK]->(risk:RiskIndicator)
  WHERE (NOT $historical OR risk.recordedAt <= $t) AND (risk.withdrawnAt IS NULL OR ($historical AND $t < risk.withdrawnAt))
  RETURN collect([o.id, [risk.id, risk.kind, risk.source, risk.severity, risk.description, risk.evidenceUrl,
  risk.observedAt.epochMillis, risk.recordedAt.epochMillis,
  CASE WHEN risk.delistedAt <= $t THEN risk.delistedAt.epochMillis END, head(COLLECT { MATCH (risk)<-[:RECORDED]-(m:Organization) RETURN [m.id, m.name, m.type, m.country] }), risk.redactedAt.epochMillis, coalesce(risk.topics, [])]]) AS risks
}
WITH x AS o, tiers, links, risks
RETURN CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END AS root, [tier IN tiers | [o IN tier | CASE WHEN $organizationDetail THEN [o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources] ELSE [o.id, o.name, o.type, o.country] END]] AS tiers, links, risks

// ---- visibility.visibleOrganizations
MATCH (v:Organization {id: $viewer})
OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(share:Share)-[:TO]->(v)
  WHERE (share.revokedAt IS NULL OR ($historical AND $t < share.revokedAt))
    AND (NOT $historical OR share.createdAt <= $t)
    AND (share.expiresAt IS NULL OR $t < share.expiresAt)
WITH v,
     collect(DISTINCT owner) AS owners,
     collect(DISTINCT CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NULL THEN owner END) AS whole,
     collect(CASE WHEN share.scope = 'SOURCING' AND share.linkIds IS NOT NULL THEN share END) AS partial
CALL (partial) {
  UNWIND partial AS share
  MATCH (shareOwner:Organization)-[:GRANTED]->(share)
  UNWIND share.linkIds AS linkId
  MATCH (:Organization)-[l:SUPPLIES {id: linkId}]->(shareOwner)
  USING INDEX SEEK l:SUPPLIES(id)
  RETURN collect(DISTINCT l) AS shared
}

CALL (v, owners, whole, shared) {
  CALL (v, whole) {
    UNWIND [v] + whole AS c
    MATCH (c)<-[l:SUPPLIES]-(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS opened
  }
  CALL (v) {
    MATCH (v)-[l:SUPPLIES]->(n)
    WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
    RETURN collect(n) AS customers
  }
  UNWIND [v] + owners + opened + [l IN shared WHERE (NOT $historical OR l.recordedAt <= $t) AND (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo) | startNode(l)] + customers AS n
  RETURN collect(DISTINCT n) AS lookable
}

WITH [n IN lookable WHERE n.id IN $ids] AS found
CALL (found) {
  UNWIND $cardIds AS id
  MATCH (listed:Organization) USING INDEX listed:Organization(listed, id)
  WHERE listed.listed = true AND listed.id = id
  WITH listed WHERE NOT listed IN found
  RETURN collect(listed) AS cards
}
UNWIND [x IN found | [x, true]] + [x IN cards | [x, false]] AS row
WITH row[0] AS x, row[1] AS visible
RETURN visible, CASE WHEN visible THEN x {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources} ELSE x {.id, .name, .type, .country, .city, .osId} END AS organization
