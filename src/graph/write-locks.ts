// Locks that writes take before they read what they rely on.
//
// LISTED_OS_ID_LOCK: one lock for every write that tests "no listed organization has this Open Supply
// Hub id" and then relies on it: setListing (which may list an osId) and a declaration of a new
// supplier with an osId (refused when a listed organization has it). Each otherwise locks only its own
// organization, so two could both find the osId free and both commit: two listed organizations with
// one osId, or a new unlisted duplicate of one just listed. Held from before the test to the commit,
// it serializes them. One node for all osIds, since these writes are a supplier_admin's rare changes:
// a node per osId would be one more record per declared supplier. MERGE on the tiersight_lock_id
// constraint creates it once, safely on every replica; both writes take it before LOCK_VIEWER, so the
// order is always the same.
import { cypher, statement } from './cypher.ts';

/** Takes the lock (SET/REMOVE, Neo4j's documented way to take a write lock in Cypher). */
export const TAKE_LISTED_OS_ID_LOCK = cypher`MERGE (lock:TiersightLock {id: 'listed-os-id'})
SET lock._lock = true REMOVE lock._lock`;

export const LISTED_OS_ID_LOCK = statement('directory.lockListedOsIds', TAKE_LISTED_OS_ID_LOCK);

/**
 * Locks the viewer's organization before a write of its own reads anything: a merge that deletes it
 * then waits for the write, or has already committed (the write then finds no viewer, which answers as
 * the token's next request will). Without it, a merge that committed between the write's reads left it
 * reading the deleted organization's properties as null: a 500, about one round in fifteen of a race.
 */
export const LOCK_VIEWER = cypher`CALL () {
  MATCH (me:Organization {id: $viewer})
  SET me._lock = true REMOVE me._lock
}
`;
