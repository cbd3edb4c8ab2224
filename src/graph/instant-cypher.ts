// Instants compared as instants. Neo4j's `=` on two DateTimes of one instant written in two offsets
// (2999-01-01T00:00:00Z, 2999-01-01T01:00:00+01:00) is false, and an import keeps each file's offset
// while the API writes UTC: a test of equality between a stored instant and another must compare the
// instants themselves (seconds since the epoch and the nanosecond within it). `<` and ORDER BY are
// left as they are: they agree with each other, which is all a page of events needs.
import { cypher, join, type Fragment } from './cypher.ts';

/** Whether DateTimes `a` and `b` are one instant; null when either is null. */
export const sameInstant = (a: Fragment, b: Fragment): Fragment =>
  join(
    a,
    cypher`.epochSeconds = `,
    b,
    cypher`.epochSeconds AND `,
    a,
    cypher`.nanosecond = `,
    b,
    cypher`.nanosecond`,
  );

/**
 * Whether link `l` was called off before it started (validTo = validFrom: it holds at no instant),
 * whatever offsets its two ends were written in; false when either is null.
 */
export const CALLED_OFF = join(
  cypher`coalesce(`,
  sameInstant(cypher`l.validTo`, cypher`l.validFrom`),
  cypher`, false)`,
);
