// The instant a write made under a record's lock is stamped at. A request reads at the instant it
// started, but two writes to one record take its lock in either order: stamped with their requests'
// instants, the one that locked second could record its change before the change it follows (a
// disclosure's version before the version it replaces, a link's end before the amendment it
// overrides), which asOf views and the backup format both read as history out of order. Stamped once
// the lock is held, a record's changes carry the order in which they were made.

/** Now, and never before the request's own instant. Read it after taking the lock. */
export const lockedInstant = (requested: Date): Date => new Date(Math.max(Date.now(), requested.getTime()));
