// The instant a write made under a record's lock is stamped at. A request reads at the instant it
// started, but two writes to one record take its lock in either order: stamped with their requests'
// instants, the one that locked second could record its change before the change it follows (a
// disclosure's version before the version it replaces, a link's end before the amendment it
// overrides), which asOf views and the backup format both read as history out of order. Stamped once
// the lock is held, a record's changes carry the order in which they were made.

// Across replicas, each stamps from its own clock: a change is also never stamped before the stored
// instants of the changes of the record that it follows (`after`), which a replica whose clock runs ahead
// of this one's may have stamped. Out of order, the record is one the backup format refuses (a finding
// withdrawn before it was recorded), and `tiersight export` refuses it with the whole export.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { column, instant, nullable } from './decode.ts';

/**
 * Now, never before the request's own instant nor before any of `after` (stored instants of the record's
 * earlier changes; null for one it has not had). Read it after taking the lock.
 */
export const lockedInstant = (requested: Date, ...after: readonly (string | null)[]): Date =>
  new Date(
    Math.max(
      Date.now(),
      requested.getTime(),
      ...after.flatMap((at) => (at === null ? [] : [Date.parse(at)])),
    ),
  );

/**
 * A millisecond after the latest event of a locked record, which its lock statement returns as
 * `lastEventAt` (null when it has none): for a change whose event must list after it, since a trail
 * lists the events of one instant by action (a decline would come before the extension it followed).
 */
export function afterLastEvent(record: Neo4jRecord): string | null {
  const last = column(record, 'lastEventAt', nullable(instant));
  return last === null ? null : new Date(Date.parse(last) + 1).toISOString();
}
