// Bulk writes of tiersight/v1 records: one UNWIND statement per batch and kind, upserting by id so
// that importing the same file twice leaves the same graph. Dates are converted by Cypher's
// datetime() so that the stored values are real temporal values (comparable in the traversal).
//
// recordedAt (transaction time) is the earliest of what is stored and what this import says (the
// file's recordedAt, else $importedAt): importing again never moves history later, and a file that
// knows of an earlier recording moves it earlier.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type {
  DisclosureRecord,
  DisclosureVersionRecord,
  LinkRecord,
  MergeRecord,
  OrganizationRecord,
  RiskRecord,
  ScreeningCandidateRecord,
  ShareRecord,
  SupplyLinkEventRecord,
} from '../domain/format.ts';
import { SHARE_SCOPES } from '../domain/format.ts';
import { contentParams, VERSION } from '../graph/disclosure-columns.ts';
import {
  REDACTED_ACTION_TEXTS,
  REDACTED_TEXTS,
  redactedContent,
  sameContent,
} from '../domain/disclosures.ts';
import { cypher, join, statement, type Statement } from '../graph/cypher.ts';
import { sameInstant } from '../graph/instant-cypher.ts';
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
} from '../graph/decode.ts';
import type { Executor, Transaction } from '../graph/executor.ts';
import { DomainError } from '../domain/errors.ts';
import { quote } from '../domain/quote.ts';
import { pairKey, type ExistingGraph, type MovedLink, type StoredDisclosureState } from './validate.ts';
import { toNeo4jDateTime } from '../graph/mappers.ts';
import { FORGET_REQUEST_TEXTS } from '../graph/idempotency-repository.ts';
import { holdReferences, referencesOf } from './held-references-repository.ts';
import { directoryTerms } from '../domain/directory-terms.ts';
import { ImportRunRepository } from './import-run-repository.ts';
import { instantParam, instantValue, zonedDateTime } from '../graph/zoned-date-time.ts';
import {
  ACCESS_SCOPES,
  IMPORT_ACTOR,
  overlappingScopes,
  type AccessRequestRecord,
} from '../domain/access-requests.ts';
import { existingShareEnds, upsertAccessRequests } from './access-request-import-repository.ts';
import {
  tripleKey,
  type OpenRequest,
  type RequestTriple,
  type ShareEnds,
  type StoredErasure,
} from './access-request-rules.ts';

/**
 * Every field of an organization row: one list for creating and for upserting. A record that does not
 * say whether it is listed keeps the listing its organization chose (setListing); its terms are the
 * record's own, so a listed organization is found by what the file now says of it. listedAt, set first
 * (before o.listed changes), follows setListing's rule: kept while the organization stays listed,
 * cleared when it is not, the import's instant when this import lists it; a time the file states wins.
 */
const ORGANIZATION_FIELDS = cypher`
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
       o.numberOfWorkers = row.numberOfWorkers, o.closed = row.closed`;

const upsertOrganizations = statement(
  'import.upsertOrganizations',
  cypher`UNWIND $rows AS row
   MERGE (o:Organization {id: row.id})`,
  ORGANIZATION_FIELDS,
);

// Into a store the import has just emptied nothing can exist yet, so records are created without the
// lookups an upsert needs (MERGE on a relationship scans the pair's relationships, and the moved-link
// check is one more index seek per row); validation has already refused duplicate ids. An organization's
// row then holds only the properties its record has (createdOrganizationRow), set in one step: most
// records say 5 to 10 of the 22 fields, and assigning each field, null or not, cost Neo4j and the driver
// a map entry per field.
const createOrganizations = statement(
  'import.createOrganizations',
  cypher`UNWIND $rows AS row
   CREATE (o:Organization)
   SET o = row`,
);

const VALID_FROM = instantParam(cypher`row[4]`);
const VALID_TO = instantParam(cypher`row[5]`);
const RECORDED = join(cypher`coalesce(`, instantParam(cypher`row[8]`), cypher`, $importedAt)`);

const createLinks = statement(
  'import.createLinks',
  cypher`UNWIND $rows AS row
   MATCH (s:Organization {id: row[1]})
   MATCH (c:Organization {id: row[2]})
   CREATE (s)-[:SUPPLIES {id: row[0], products: row[3], validFrom: `,
  VALID_FROM,
  cypher`, validTo: `,
  VALID_TO,
  cypher`,
       provenance: row[6], sources: row[7], recordedAt: `,
  RECORDED,
  cypher`, supersededBy: row[9]}]->(c)
   RETURN count(*) AS written`,
);

// A link whose id now names another supplier or customer is moved: relationships cannot change ends.
const upsertLinks = statement(
  'import.upsertLinks',
  cypher`UNWIND $rows AS row
   OPTIONAL MATCH (a:Organization)-[moved:SUPPLIES {id: row[0]}]->(b:Organization)
     WHERE a.id <> row[1] OR b.id <> row[2]
   DELETE moved
   WITH row
   MATCH (s:Organization {id: row[1]}), (c:Organization {id: row[2]})
   MERGE (s)-[l:SUPPLIES {id: row[0]}]->(c)
   WITH l, row, `,
  RECORDED,
  cypher` AS recorded
   SET l.products = row[3], l.validFrom = `,
  VALID_FROM,
  cypher`, l.validTo = `,
  VALID_TO,
  cypher`, l.provenance = row[6], l.sources = row[7],
       l.supersededBy = row[9],
       l.recordedAt = CASE WHEN l.recordedAt <= recorded THEN l.recordedAt ELSE recorded END
   RETURN count(*) AS written`,
);

/**
 * A share whose record carries no trail (a hand-written or generated file) gets the one an import
 * records, as an access request does: GRANTED at its creation and REVOKED at its revocation, by
 * IMPORT_ACTOR for its owner, so that its history says when it began. That trail follows the record
 * on every import (a later file revokes the share or gives it another owner); a share that a user of
 * the API granted or revoked keeps its trail. A share new to the store has no trail yet.
 */
const IMPORTED_SHARE_TRAIL = cypher`
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
                          actorOrganizationId: owner.id})-[:OF]->(s))`;

/**
 * A share that a user of the API granted or revoked keeps its trail, so a record without `events` that
 * revokes it, or makes it active again, adds the event that says so, by IMPORT_ACTOR for its owner:
 * every revoke is on the trail, and a trail never ends in REVOKED for an active share. A REVOKED is at
 * the revocation the record states, unless that is before the trail's last event: then, like a
 * GRANTED, at the import's instant, when Tiersight learned of it, so that the trail stays in order.
 * Needs `revokedBefore`, the share's revokedAt before the record was written.
 */
const USER_SHARE_TRAIL_FOLLOWS = cypher`
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
   }`;

const upsertShares = statement(
  'import.upsertShares',
  cypher`UNWIND $rows AS row
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
   MERGE (s)-[:TO]->(recipient)`,
  USER_SHARE_TRAIL_FOLLOWS,
  IMPORTED_SHARE_TRAIL,
);

// Into an emptied store (see createOrganizations): nothing to merge or move.
const createShares = statement(
  'import.createShares',
  cypher`UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner})
   MATCH (recipient:Organization {id: row.recipient})
   CREATE (owner)-[:GRANTED]->(s:Share {id: row.id, scope: row.scope, linkIds: row.linkIds,
       disclosureIds: row.disclosureIds, expiresAt: datetime(row.expiresAt), revokedAt: datetime(row.revokedAt),
       createdAt: coalesce(datetime(row.createdAt), $importedAt)})-[:TO]->(recipient)`,
  IMPORTED_SHARE_TRAIL,
);

// A share record that carries its audit trail (an export does) replaces the trail in the database.
const replaceShareEvents = statement(
  'import.replaceShareEvents',
  cypher`UNWIND $rows AS row
   MATCH (s:Share {id: row.id})
   CALL (s) {
     MATCH (old:ShareEvent)-[:OF]->(s)
     DETACH DELETE old
   }
   WITH s, row
   UNWIND row.events AS event
   CREATE (:ShareEvent {key: randomUUID(), action: event.action, at: datetime(event.at), actorUserId: event.actorUserId,
                        actorOrganizationId: event.actorOrganizationId})-[:OF]->(s)`,
);

// A link record that carries its audit trail (an export does) replaces the trail in the database. The
// events hang off the link's customer, whose trail they are, as the API records them.
const replaceLinkEvents = statement(
  'import.replaceLinkEvents',
  cypher`UNWIND $rows AS row
   MATCH ()-[:SUPPLIES {id: row.id}]->(c:Organization)
   CALL (row) {
     MATCH (old:SupplyLinkEvent {linkId: row.id})
     DETACH DELETE old
   }
   WITH c, row
   UNWIND row.events AS event
   CREATE (c)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
   SET e = event, e.key = randomUUID(), e.at = datetime(event.at), e.customerId = c.id, e.linkId = row.id`,
);

/**
 * An event as the API stores it: the terms as JSON text (properties hold no maps), and the fields an
 * action does not have left out (a null is no property).
 */
const linkEventRow = (event: SupplyLinkEventRecord) => ({
  action: event.action,
  at: event.at,
  actorUserId: event.actorUserId,
  actorOrganizationId: event.actorOrganizationId,
  successorId: event.successorId ?? null,
  supplierCreated: event.supplierCreated ?? null,
  before: event.before ? JSON.stringify(event.before) : null,
  after: JSON.stringify(event.after),
});

// An indicator whose id now names another organization is moved, and is a new record from this import
// on, as a moved link is: asOf an earlier instant nothing had said the new holder carries it. A finding
// its monitor erased (redactFinding) keeps its erasure, the withdrawal it came after and when it was
// recorded, whatever the row says (a file written before the erasure): an import never brings back
// what was erased, and a moved one recorded anew would have been withdrawn before its recording, which
// the next export refuses to write. It is locked before its erasure is read: read unlocked, an erasure
// committing meanwhile (it holds the lock until then) would be read as absent and overwritten with the
// row's texts.
const upsertRisks = statement(
  'import.upsertRisks',
  cypher`UNWIND $rows AS row
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
   SET o:RiskSubject`,
);

// A stored disclosure keeps its owner and subject (validation refuses a record that names others).
// Who withdrew it: the record's withdrawnBy; else, for the withdrawal the store holds restated (an
// older backup's, which never says, in whatever offset), whoever the store knows; for a live
// disclosure the record withdraws, the import, as a version the import records is its; else nobody
// known (null).
const upsertDisclosures = statement(
  'import.upsertDisclosures',
  cypher`UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner}), (subject:Organization {id: row.subject})
   MERGE (d:Disclosure {id: row.id})
   ON CREATE SET d.publishedAt = coalesce(datetime(row.publishedAt), datetime(row.firstRecordedAt), $importedAt),
       d.version = 0
   WITH row, owner, subject, d, CASE
       WHEN row.withdrawnAt IS NULL THEN null
       WHEN row.withdrawnBy IS NOT NULL THEN row.withdrawnBy
       WHEN coalesce(`,
  sameInstant(cypher`d.withdrawnAt`, cypher`datetime(row.withdrawnAt)`),
  cypher`, false) THEN d.withdrawnBy
       WHEN d.withdrawnAt IS NULL AND d.version > 0 THEN $importActor
     END AS withdrawnBy
   SET d.kind = row.kind, d.publishedAt = coalesce(datetime(row.publishedAt), d.publishedAt),
       d.withdrawnAt = datetime(row.withdrawnAt), d.withdrawnBy = withdrawnBy,
       d.provenance = row.provenance, d.sources = row.sources
   MERGE (owner)-[:PUBLISHED]->(d)
   MERGE (d)-[:ABOUT]->(subject)
   SET subject:DisclosureSubject`,
);

// Into an emptied store (see createOrganizations): nothing to merge or move, no version to compare.
const createDisclosures = statement(
  'import.createDisclosures',
  cypher`UNWIND $rows AS row
   MATCH (owner:Organization {id: row.owner})
   MATCH (subject:Organization {id: row.subject})
   CREATE (owner)-[:PUBLISHED]->(:Disclosure {id: row.id, kind: row.kind,
       publishedAt: coalesce(datetime(row.publishedAt), datetime(row.firstRecordedAt), $importedAt), version: 0,
       withdrawnAt: datetime(row.withdrawnAt), withdrawnBy: row.withdrawnBy, provenance: row.provenance,
       sources: row.sources})-[:ABOUT]->(subject)
   SET subject:DisclosureSubject`,
);

/** The redacted versions of each disclosure, by number, with when they were recorded. */
const redactedDisclosureVersions = statement(
  'import.redactedDisclosureVersions',
  cypher`UNWIND $ids AS id
   MATCH (d:Disclosure {id: id})-[:VERSION]->(dv:DisclosureVersion)
   WHERE dv.redactedAt IS NOT NULL
   RETURN id, dv.version AS version, dv.recordedAt AS recordedAt, dv.version = d.version AS current`,
);

/**
 * Validation refused a record that is not withdrawn around a redacted current version of the store;
 * a redaction that committed since (the disclosures are locked by now) is refused here, the batch
 * rolled back whole: kept, it would make a live disclosure whose current version is erased, which no
 * import of its export would accept.
 */
async function refuseLiveAroundRedacted(tx: Transaction, records: readonly DisclosureRecord[]) {
  const live = records.filter((r) => r.withdrawnAt === null && !r.redactedAt);
  if (live.length === 0) return;
  const found = await tx.run(redactedDisclosureVersions, { ids: live.map((r) => r.id) });
  const erased = found.map((r) => ({
    id: column(r, 'id', text),
    version: column(r, 'version', integer),
    recordedAt: new Date(column(r, 'recordedAt', instant)).getTime(),
    current: column(r, 'current', bool),
  }));
  for (const record of live) {
    // With a history, the record's current version is the stored one it restates; without, the
    // stored current one.
    const restated = (record.history?.length ?? 0) + 1;
    const hit = erased.find(
      (e) =>
        e.id === record.id &&
        (record.history
          ? e.version === restated && e.recordedAt === new Date(record.recordedAt ?? NaN).getTime()
          : e.current),
    );
    if (hit !== undefined)
      throw new DomainError(
        'BAD_USER_INPUT',
        `version ${hit.version} of disclosure ${quote(record.id)} was redacted after the import checked the file ` +
          'against the store, and the record, not withdrawn, restates it: import again to be told what to change',
      );
  }
}

/** The current version of each disclosure, to tell whether a record brings new content. */
const currentDisclosureVersions = statement(
  'import.currentDisclosureVersions',
  cypher`UNWIND $ids AS id
   MATCH (d:Disclosure {id: id})-[:VERSION]->(dv:DisclosureVersion {version: d.version})
   RETURN id, d.publishedAt AS publishedAt, dv `,
  VERSION.projection,
  cypher` AS current`,
);

/**
 * Appends versions to each row's disclosure (`replace`: after deleting every stored one), numbered by
 * the caller, and sets the disclosure's current version number. A replaced version its owner redacted
 * (redactDisclosureVersion) that the row restates unredacted (the same number, recorded at the same
 * instant: a file written before the redaction) keeps its redaction, its texts erased ($texts,
 * $actionTexts) and its redactedAt and redactedBy: an import never brings back what was erased, also
 * when the redaction came after the file was validated (the disclosure is locked by then).
 */
const writeDisclosureVersions = statement(
  'import.writeDisclosureVersions',
  cypher`UNWIND $rows AS row
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
   }`,
);

// Relationships go first, in batches of their own: DETACH DELETE of 10,000 organizations with their
// links ran past Neo4j's transaction memory limit at 100k organizations (1 GB heap).
/** Deletes up to $limit relationships. */
const deleteRelationshipBatch = statement(
  'import.deleteRelationshipBatch',
  cypher`MATCH ()-[r]->()
   WITH r LIMIT $limit
   DELETE r
   RETURN count(*) AS deleted`,
);

/** Deletes up to $limit nodes, but for the records of migrations and import runs. */
const deleteDataBatch = statement(
  'import.deleteDataBatch',
  cypher`MATCH (n) WHERE NOT n:TiersightMigration AND NOT n:ImportRun
   WITH n LIMIT $limit
   DETACH DELETE n
   RETURN count(*) AS deleted`,
);

/** Each delete batch with its size: large enough to be quick, small enough for one transaction. */
const DELETE_BATCHES: readonly { batch: Statement; limit: number }[] = [
  { batch: deleteRelationshipBatch, limit: 20_000 },
  { batch: deleteDataBatch, limit: 10_000 },
];

// A candidate's properties as screening writes them (src/modules/screening/screening-repository.ts),
// about the organization the record names (moved there if it was about another).
const upsertScreeningCandidates = statement(
  'import.upsertScreeningCandidates',
  cypher`UNWIND $rows AS row
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
   MERGE (c)-[:ABOUT]->(o)`,
);

const upsertMerges = statement(
  'import.upsertMerges',
  cypher`UNWIND $rows AS row
   MERGE (m:MergedOrganization {id: row.id})
   SET m.into = row.into, m.mergedInto = row.mergedInto, m.name = row.name, m.mergedAt = datetime(row.mergedAt),
       m.actorUserId = row.actorUserId, m.frozenShareIds = row.frozenShareIds`,
);
const mergedIds = statement(
  'import.existingMergedIds',
  cypher`MATCH (m:MergedOrganization) WHERE m.id IN $ids RETURN m.id AS id, m.into AS into`,
);
const organizationIds = statement(
  'import.existingOrganizationIds',
  cypher`MATCH (o:Organization) WHERE o.id IN $ids RETURN o.id AS id`,
);
const linkCustomers = statement(
  'import.existingLinkCustomers',
  cypher`UNWIND $ids AS id
   MATCH (:Organization)-[l:SUPPLIES {id: id}]->(c:Organization)
   RETURN id, c.id AS customer`,
);
// Only a link stored with other ends can leave a share or a disclosure behind, and only its stored
// customer's shares may list it (the import and the API hold every share to its owner's links).
const movedLinks = statement(
  'import.existingMovedLinks',
  cypher`UNWIND $links AS link
   MATCH (s:Organization)-[:SUPPLIES {id: link.id}]->(c:Organization)
   WHERE s.id <> link.supplier OR c.id <> link.customer
   RETURN link.id AS id, s.id AS supplier, c.id AS customer,
     COLLECT {
       MATCH (c)-[:GRANTED]->(share:Share)
       WHERE c.id <> link.customer AND link.id IN share.linkIds
       RETURN share.id ORDER BY share.id
     } AS shares,
     COLLECT { MATCH (c)-[:PUBLISHED]->(d:Disclosure)-[:ABOUT]->(s) RETURN d.id ORDER BY d.id } AS disclosures,
     COLLECT { MATCH (s)-[other:SUPPLIES]->(c) RETURN other.id } AS pairLinks`,
);
const monitors = statement(
  'import.existingMonitors',
  cypher`MATCH (o:Organization) WHERE o.id IN $ids AND o.type = 'MONITOR' RETURN o.id AS id`,
);
const supplyLinksOf = statement(
  'import.existingSupplyLinksOf',
  cypher`UNWIND $ids AS id
   MATCH (:Organization {id: id})-[l:SUPPLIES]-(:Organization)
   WITH id, l.id AS link ORDER BY link
   RETURN id, collect(link) AS links`,
);
const findingRecorders = statement(
  'import.existingFindingRecorders',
  cypher`MATCH (o:Organization)-[:RECORDED]->(r:RiskIndicator)
   WITH o.id AS id, r.id AS finding ORDER BY finding
   RETURN id, collect(finding) AS findings`,
);
const linkedPairs = statement(
  'import.existingLinkedPairs',
  cypher`UNWIND $pairs AS pair
   MATCH (:Organization {id: pair.supplier})-[:SUPPLIES]->(:Organization {id: pair.customer})
   RETURN DISTINCT pair.supplier AS supplier, pair.customer AS customer`,
);
const storedDisclosures = statement(
  'import.existingDisclosures',
  cypher`UNWIND $ids AS id
   MATCH (owner:Organization)-[:PUBLISHED]->(d:Disclosure {id: id})-[:ABOUT]->(subject:Organization)
   MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
   MATCH (d)-[:VERSION]->(first:DisclosureVersion {version: 1})
   RETURN id, owner.id AS owner, subject.id AS subject, d.publishedAt AS publishedAt,
          first.recordedAt AS firstRecordedAt,
          [(d)-[:VERSION]->(rv:DisclosureVersion) WHERE rv.redactedAt IS NOT NULL
           | rv {.version, .recordedAt, .redactedAt}] AS redacted, dv `,
  VERSION.projection,
  cypher` AS current`,
);
const disclosureOwners = statement(
  'import.existingDisclosureOwners',
  cypher`UNWIND $ids AS id
   MATCH (owner:Organization)-[:PUBLISHED]->(:Disclosure {id: id})
   RETURN id, owner.id AS owner`,
);
const openAccessRequests = statement(
  'import.existingOpenAccessRequests',
  cypher`UNWIND $triples AS triple
   MATCH (:Organization {id: triple.requester})-[:REQUESTED]->(r:AccessRequest {status: 'OPEN'})
         -[:OF]->(:Organization {id: triple.target})
   WHERE r.scope IN triple.scopes
   RETURN triple.requester AS requester, triple.target AS target, triple.scope AS scope, r.id AS id,
          r.scope AS requestScope`,
);
/** The REDACTED events of requests $ids, with the role of their organization in the stored request. */
const requestErasures = statement(
  'import.existingRequestErasures',
  cypher`UNWIND $ids AS id
   MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest {id: id})-[:OF]->(target:Organization)
   MATCH (e:AccessRequestEvent {action: 'REDACTED'})-[:OF]->(r)
   RETURN id, e.actorOrganizationId AS by,
          CASE e.actorOrganizationId WHEN requester.id THEN 'requester' WHEN target.id THEN 'target' END AS role,
          e.at AS at`,
);
const countData = statement('import.hasData', cypher`MATCH (o:Organization) RETURN count(o) > 0 AS hasData`);

/** Rows passed to Cypher: every optional field present (null) so SET clears what a record no longer has. */
const withNulls = (record: object, fields: readonly string[]): Record<string, unknown> => {
  const row: Record<string, unknown> = Object.fromEntries(Object.entries(record));
  for (const field of fields) row[field] ??= null;
  return row;
};

/**
 * The properties of an organization created from `record`: the fields it has, and the directory terms
 * when it is listed (what ORGANIZATION_FIELDS stores for it in a store that holds no such organization).
 */
const createdOrganizationRow = (record: OrganizationRecord, importedAt: Date): Record<string, unknown> => {
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record))
    if (value !== undefined && value !== null && field !== 'listedAt') row[field] = value;
  if (record.listed === true) {
    row['directoryTerms'] = directoryTerms(record);
    row['listedAt'] = zonedDateTime(record.listedAt) ?? toNeo4jDateTime(importedAt);
  }
  return row;
};

const ORGANIZATION_OPTIONAL = [
  'city',
  'region',
  'latitude',
  'longitude',
  'osId',
  'aliases',
  'listed',
  'listedAt',
  'provenance',
  'sources',
  'address',
  'sectors',
  'productTypes',
  'facilityTypes',
  'processingTypes',
  'parentCompanies',
  'numberOfWorkers',
  'closed',
];
/**
 * A link as a list rather than a map (half a million of them at 100k organizations: the database
 * decodes a list with less work), dates as instantValue gives them (src/graph/zoned-date-time.ts).
 */
const linkRow = (r: LinkRecord) => [
  r.id,
  r.supplier,
  r.customer,
  r.products,
  instantValue(r.validFrom),
  instantValue(r.validTo),
  r.provenance ?? null,
  r.sources ?? null,
  instantValue(r.recordedAt),
  r.supersededBy ?? null,
];
const SHARE_OPTIONAL = ['disclosureIds', 'expiresAt', 'revokedAt', 'createdAt'];
const RISK_OPTIONAL = [
  'topics',
  'description',
  'evidenceUrl',
  'observedAt',
  'recordedAt',
  'recordedBy',
  'recordedByUserId',
  'withdrawnAt',
  'withdrawnByUserId',
  'redactedAt',
  'redactedByUserId',
];
const DISCLOSURE_OPTIONAL = ['publishedAt', 'withdrawnAt', 'withdrawnBy', 'provenance', 'sources'];

/** Version `number` of a record's content, recorded at its recordedAt or else `defaultRecordedAt`. */
const versionRow = (v: DisclosureVersionRecord, number: number, defaultRecordedAt: string) => ({
  ...contentParams(v),
  version: number,
  recordedAt: toNeo4jDateTime(new Date(v.recordedAt ?? defaultRecordedAt)),
  actorUserId: v.actorUserId ?? IMPORT_ACTOR,
  redactedAt: zonedDateTime(v.redactedAt),
  redactedBy: v.redactedBy ?? null,
});

const LOOKUP_BATCH = 10_000;

// The organizations each kind of record names, by role (held-references-repository.ts).
const LINK_ENDS = { supplier: (r: LinkRecord) => r.supplier, customer: (r: LinkRecord) => r.customer };
const SHARE_PARTIES = { owner: (r: ShareRecord) => r.owner, recipient: (r: ShareRecord) => r.recipient };
const RISK_PARTIES = {
  organization: (r: RiskRecord) => r.organization,
  recorder: (r: RiskRecord) => r.recordedBy,
};
const DISCLOSURE_PARTIES = {
  publisher: (r: DisclosureRecord) => r.owner,
  subject: (r: DisclosureRecord) => r.subject,
};

export class ImportRepository implements ExistingGraph {
  /** The markers that keep readers off the store while an import writes. */
  readonly runs: ImportRunRepository;

  constructor(private readonly executor: Executor) {
    this.runs = new ImportRunRepository(executor);
  }

  /**
   * `importedAt`: when the organizations this import lists were listed, unless a record says;
   * `intoEmpty`: the store holds no organization yet (the import emptied it), so nothing is merged.
   */
  async upsertOrganizations(
    records: OrganizationRecord[],
    importedAt: Date,
    intoEmpty = false,
  ): Promise<void> {
    if (intoEmpty) {
      await this.executor.write(createOrganizations, {
        rows: records.map((r) => createdOrganizationRow(r, importedAt)),
      });
      return;
    }
    await this.executor.write(upsertOrganizations, {
      importedAt: toNeo4jDateTime(importedAt),
      // A listed record is found in the directory by its terms (src/domain/directory-terms.ts);
      // one that does not say may be listed already.
      rows: records.map((r) => ({
        ...withNulls(r, ORGANIZATION_OPTIONAL),
        directoryTerms: r.listed === false ? null : directoryTerms(r),
      })),
    });
  }

  /**
   * `importedAt`: the recording time of links that do not state an earlier one; `intoEmpty`: the store
   * held no link when the import began (it emptied it), so nothing is merged.
   */
  async upsertLinks(records: LinkRecord[], importedAt: Date, intoEmpty = false): Promise<void> {
    const trails = records.flatMap((r) =>
      r.events ? [{ id: r.id, events: r.events.map(linkEventRow) }] : [],
    );
    const links = intoEmpty ? createLinks : upsertLinks;
    const params = { rows: records.map(linkRow), importedAt: toNeo4jDateTime(importedAt) };
    await this.executor.writeTransaction(links.name, {}, async (tx) => {
      const written = column(single(await tx.run(links, params), links), 'written', integer);
      // A link whose end went away since the second check was skipped: say which (held-references-repository.ts).
      if (written < records.length) {
        await holdReferences(tx, referencesOf('link', records, LINK_ENDS));
        throw new Error(`import.upsertLinks wrote ${written} of ${records.length} links`);
      }
      if (trails.length > 0) await tx.run(replaceLinkEvents, { rows: trails });
    });
  }

  /**
   * Shares and the audit trails the records carry, in one transaction; `importedAt`: the createdAt of
   * new shares that do not state one; `intoEmpty`: as for links.
   */
  async upsertShares(records: ShareRecord[], importedAt: Date, intoEmpty = false): Promise<void> {
    const trails = records.flatMap((r) => (r.events ? [{ id: r.id, events: r.events }] : []));
    const write = intoEmpty ? createShares : upsertShares;
    await this.executor.writeTransaction(write.name, {}, async (tx) => {
      await holdReferences(tx, referencesOf('share', records, SHARE_PARTIES));
      await tx.run(write, {
        rows: records.map((r) => withNulls(r, SHARE_OPTIONAL)),
        importedAt: toNeo4jDateTime(importedAt),
        importActor: IMPORT_ACTOR,
      });
      if (trails.length > 0) await tx.run(replaceShareEvents, { rows: trails });
    });
  }

  /** `importedAt`: the recording time of indicators that do not state an earlier one. */
  async upsertRisks(records: RiskRecord[], importedAt: Date): Promise<void> {
    await this.executor.writeTransaction(upsertRisks.name, {}, async (tx) => {
      await holdReferences(tx, referencesOf('risk', records, RISK_PARTIES));
      await tx.run(upsertRisks, {
        rows: records.map((r) => withNulls(r, RISK_OPTIONAL)),
        importedAt: toNeo4jDateTime(importedAt),
      });
      // An erasure the file brings (the operator's, section 6) also removes the fingerprint the
      // finding's recordFinding idempotency key kept of the texts, as redactFinding does.
      const erased = records.filter((r) => r.redactedAt !== undefined).map((r) => r.id);
      if (erased.length > 0) await tx.run(FORGET_REQUEST_TEXTS, { mutation: 'recordFinding', ids: erased });
    });
  }

  /** Requests with their RESULTED_IN links and events (access-request-import-repository.ts). */
  async upsertAccessRequests(records: AccessRequestRecord[]): Promise<void> {
    await upsertAccessRequests(this.executor, records);
  }

  /**
   * Disclosures and their versions, in one transaction. A record with `history` replaces every stored
   * version; otherwise its content becomes a new version when it differs from the stored current one
   * (the first version of a new disclosure is recorded at its publishedAt unless the record says
   * otherwise, later ones at the import's instant). `intoEmpty`: as for links.
   */
  async upsertDisclosures(records: DisclosureRecord[], importedAt: Date, intoEmpty = false): Promise<void> {
    const write = intoEmpty ? createDisclosures : upsertDisclosures;
    await this.executor.writeTransaction(write.name, {}, async (tx) => {
      await holdReferences(tx, referencesOf('disclosure', records, DISCLOSURE_PARTIES));
      await tx.run(write, {
        // A new disclosure that states no publishedAt was published when its first version was recorded.
        rows: records.map((r) => ({
          ...withNulls(r, DISCLOSURE_OPTIONAL),
          firstRecordedAt: r.history?.[0]?.recordedAt ?? r.recordedAt,
        })),
        importedAt: toNeo4jDateTime(importedAt),
        importActor: IMPORT_ACTOR,
      });
      const stored = intoEmpty
        ? []
        : await tx.run(currentDisclosureVersions, { ids: records.map((r) => r.id) });
      if (!intoEmpty) await refuseLiveAroundRedacted(tx, records);
      const current = new Map(
        stored.map((r) => [
          column(r, 'id', text),
          {
            publishedAt: column(r, 'publishedAt', nullable(instant)),
            version: column(r, 'current', VERSION.decode),
          },
        ]),
      );
      const rows = records.flatMap((record) => {
        const known = current.get(record.id);
        const publishedAt = known?.publishedAt ?? record.publishedAt ?? importedAt.toISOString();
        if (record.history) {
          const versions = [...record.history, record];
          return [
            {
              id: record.id,
              replace: true,
              version: versions.length,
              versions: versions.map((v, i) => versionRow(v, i + 1, importedAt.toISOString())),
            },
          ];
        }
        if (known && sameContent(known.version, record)) return [];
        // A redacted current version restated with its texts (a file written before the redaction):
        // the same version, not new content to add beside it.
        if (known && known.version.redactedAt !== null && sameContent(known.version, redactedContent(record)))
          return [];
        const number = (known?.version.version ?? 0) + 1;
        const recordedAt = number === 1 ? publishedAt : importedAt.toISOString();
        const row = versionRow(record, number, recordedAt);
        // Validation refused a version recorded before the stored current one; one the API recorded
        // since (a race) must still not be followed by an earlier one, which no export could write.
        if (known && new Date(known.version.recordedAt) > new Date(record.recordedAt ?? recordedAt))
          row.recordedAt = toNeo4jDateTime(new Date(known.version.recordedAt));
        return [{ id: record.id, replace: false, version: number, versions: [row] }];
      });
      if (rows.length > 0)
        await tx.run(writeDisclosureVersions, {
          rows,
          texts: REDACTED_TEXTS,
          actionTexts: REDACTED_ACTION_TEXTS,
        });
      // Version 1 is what publishDisclosure sent: a history that erases it (the operator's erasure)
      // erases its idempotency key's fingerprint of those texts too, as redactDisclosureVersion does.
      const erasedPublications = rows
        .filter((row) => row.replace && row.versions.some((v) => v.version === 1 && v.redactedAt !== null))
        .map((row) => row.id);
      if (erasedPublications.length > 0)
        await tx.run(FORGET_REQUEST_TEXTS, { mutation: 'publishDisclosure', ids: erasedPublications });
    });
  }

  /** Empties the database in batches to bound transaction size; migrations and import runs stay. */
  async deleteAllData(): Promise<void> {
    for (const { batch, limit } of DELETE_BATCHES) {
      // A batch smaller than its limit found the last of them: no statement more to learn that.
      for (let deleted = limit; deleted === limit;) {
        const records = await this.executor.write(batch, { limit: neo4j.int(limit) });
        deleted = column(single(records, batch), 'deleted', integer);
      }
    }
  }

  async hasData(): Promise<boolean> {
    const records = await this.executor.read(countData, {});
    return column(single(records, countData), 'hasData', bool);
  }

  /**
   * Screening candidates with their decisions, upserted by id; `importedAt`: the createdAt of those
   * that do not state one.
   */
  async upsertScreeningCandidates(records: ScreeningCandidateRecord[], importedAt: Date): Promise<void> {
    await this.executor.writeTransaction(upsertScreeningCandidates.name, {}, async (tx) => {
      await holdReferences(
        tx,
        referencesOf('screening candidate', records, { organization: (r) => r.organization }),
      );
      await tx.run(upsertScreeningCandidates, {
        rows: records.map(
          ({ id, organization, createdAt, observedAt, decidedAt, delistedAt, ...fields }) => ({
            id,
            organization,
            createdAt,
            observedAt,
            decidedAt,
            delistedAt,
            fields,
          }),
        ),
        importedAt: toNeo4jDateTime(importedAt),
      });
    });
  }

  /** Merge records (src/modules/merging), upserted by the merged id. */
  async upsertMerges(records: MergeRecord[]): Promise<void> {
    await this.executor.write(upsertMerges, { rows: records });
  }

  /**
   * Every record `query` answers for `items`, asked LOOKUP_BATCH at a time as `$<param>`: a file may name
   * hundreds of thousands of ids, more than one statement should carry.
   */
  private async inBatches<T>(query: Statement, param: string, items: readonly T[]): Promise<Neo4jRecord[]> {
    const records: Neo4jRecord[] = [];
    for (let i = 0; i < items.length; i += LOOKUP_BATCH)
      records.push(...(await this.executor.read(query, { [param]: items.slice(i, i + LOOKUP_BATCH) })));
    return records;
  }

  async mergedIds(ids: string[]): Promise<Map<string, string>> {
    const records = await this.inBatches(mergedIds, 'ids', ids);
    return new Map(records.map((r) => [column(r, 'id', text), column(r, 'into', text)]));
  }

  async organizationIds(ids: string[]): Promise<Set<string>> {
    const records = await this.inBatches(organizationIds, 'ids', ids);
    return new Set(records.map((r) => column(r, 'id', text)));
  }

  async shareEnds(ids: string[]): Promise<ShareEnds> {
    const found: ShareEnds = new Map();
    for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
      for (const [id, ends] of await existingShareEnds(this.executor, ids.slice(i, i + LOOKUP_BATCH))) {
        found.set(id, ends);
      }
    }
    return found;
  }

  async linkedPairs(pairs: { supplier: string; customer: string }[]): Promise<Set<string>> {
    const records = await this.inBatches(linkedPairs, 'pairs', pairs);
    return new Set(records.map((r) => pairKey(column(r, 'supplier', text), column(r, 'customer', text))));
  }

  async storedDisclosures(ids: string[]): Promise<Map<string, StoredDisclosureState>> {
    const records = await this.inBatches(storedDisclosures, 'ids', ids);
    return new Map(
      records.map((r) => [
        column(r, 'id', text),
        {
          owner: column(r, 'owner', text),
          subject: column(r, 'subject', text),
          publishedAt: column(r, 'publishedAt', instant),
          firstRecordedAt: column(r, 'firstRecordedAt', instant),
          redacted: column(
            r,
            'redacted',
            list(fields({ version: integer, recordedAt: instant, redactedAt: instant })),
          ),
          current: column(r, 'current', VERSION.decode),
        },
      ]),
    );
  }

  async disclosureOwners(ids: string[]): Promise<Map<string, string>> {
    const records = await this.inBatches(disclosureOwners, 'ids', ids);
    return new Map(records.map((r) => [column(r, 'id', text), column(r, 'owner', text)]));
  }

  async requestErasures(ids: string[]): Promise<Map<string, StoredErasure[]>> {
    const records = await this.inBatches(requestErasures, 'ids', ids);
    const found = new Map<string, StoredErasure[]>();
    for (const r of records) {
      const id = column(r, 'id', text);
      const erasure = {
        by: column(r, 'by', text),
        role: column(r, 'role', nullable(oneOf(['requester', 'target'] as const))),
        at: column(r, 'at', instant),
      };
      found.set(id, [...(found.get(id) ?? []), erasure]);
    }
    return found;
  }

  async openAccessRequests(triples: RequestTriple[]): Promise<Map<string, OpenRequest>> {
    const asked = triples.map((t) => ({ ...t, scopes: overlappingScopes(t.scope) }));
    const records = await this.inBatches(openAccessRequests, 'triples', asked);
    return new Map(
      records.map((r) => [
        tripleKey({
          requester: column(r, 'requester', text),
          target: column(r, 'target', text),
          scope: column(r, 'scope', oneOf(SHARE_SCOPES)),
        }),
        { id: column(r, 'id', text), scope: column(r, 'requestScope', oneOf(ACCESS_SCOPES)) },
      ]),
    );
  }

  async monitors(ids: string[]): Promise<Set<string>> {
    const records = await this.inBatches(monitors, 'ids', ids);
    return new Set(records.map((r) => column(r, 'id', text)));
  }

  async supplyLinksOf(ids: string[]): Promise<Map<string, string[]>> {
    const records = await this.inBatches(supplyLinksOf, 'ids', ids);
    return new Map(records.map((r) => [column(r, 'id', text), column(r, 'links', list(text))]));
  }

  async findingRecorders(): Promise<Map<string, string[]>> {
    const records = await this.executor.read(findingRecorders, {});
    return new Map(records.map((r) => [column(r, 'id', text), column(r, 'findings', list(text))]));
  }

  async movedLinks(
    links: { id: string; supplier: string; customer: string }[],
  ): Promise<Map<string, MovedLink>> {
    const records = await this.inBatches(movedLinks, 'links', links);
    return new Map(
      records.map((r) => [
        column(r, 'id', text),
        {
          supplier: column(r, 'supplier', text),
          customer: column(r, 'customer', text),
          shareIds: column(r, 'shares', list(text)),
          disclosureIds: column(r, 'disclosures', list(text)),
          pairLinkIds: column(r, 'pairLinks', list(text)),
        },
      ]),
    );
  }

  async linkCustomers(ids: string[]): Promise<Map<string, string>> {
    const records = await this.inBatches(linkCustomers, 'ids', ids);
    return new Map(records.map((r) => [column(r, 'id', text), column(r, 'customer', text)]));
  }
}
