// One lock for every write that tests "no listed organization has this Open Supply Hub id" and then
// relies on it: setListing (which may list an osId) and a declaration of a new supplier with an osId
// (refused when a listed organization has it). Each otherwise locks only its own organization, so two
// could both find the osId free and both commit: two listed organizations with one osId, or a new
// unlisted duplicate of one just listed. Held from before the test to the commit, it serializes them.
// One node for all osIds, since these writes are a supplier_admin's rare changes: a node per osId
// would be one more record per declared supplier. MERGE on the tiersight_lock_id constraint creates it
// once, safely on every replica; taking it first in both writes keeps one lock order.
import { cypher, statement } from './cypher.ts';

/** Takes the lock (SET/REMOVE, Neo4j's documented way to take a write lock in Cypher). */
export const TAKE_LISTED_OS_ID_LOCK = cypher`MERGE (lock:TiersightLock {id: 'listed-os-id'})
SET lock._lock = true REMOVE lock._lock`;

export const LISTED_OS_ID_LOCK = statement('directory.lockListedOsIds', TAKE_LISTED_OS_ID_LOCK);
