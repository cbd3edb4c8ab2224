// Who is looking, and when: every visibility query is evaluated for one viewer at one instant
// (specification, section 2).

/** Chains are walked to at most this many tiers (specification, section 6). */
export const MAX_DEPTH = 20;

/** Who a unit of work runs for; recorded as transaction metadata for auditing and `SHOW TRANSACTIONS`. */
export interface QueryContext {
  viewer?: string;
}

export interface ViewerScope {
  viewerId: string;
  instant: Date;
  /** True for an explicit instant in the past (asOf); false for "now". */
  historical: boolean;
  context: QueryContext;
}

/** A viewer's scope at `instant`, taken as its present (no asOf): what a request or an export starts from. */
export const presentScope = (viewerId: string, instant: Date): ViewerScope => ({
  viewerId,
  instant,
  historical: false,
  context: { viewer: viewerId },
});
