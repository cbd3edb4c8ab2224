// A supply chain's tiers (thousands of organizations, on a dashboard) ask for each one's `risks`. When
// the query asks for them at the chain's own instant, the chain's statement reads them along, from the
// organizations its walk holds, instead of a statement of their own that finds each organization by id
// again; every item's field then resolves at once from what was read, without a promise per item.
import type { GraphQLResolveInfo } from 'graphql';
import { nestedFieldArguments } from '../../api/nested-field-arguments.ts';
import { nestedInstant, sameInstant } from '../../domain/instants.ts';
import type { RiskIndicator } from '../../domain/model.ts';
import type { OrganizationLoaders } from './organization-loaders.ts';

interface RiskPlan {
  /** Whether the list's statement is to read its organizations' risk indicators along with it. */
  along: boolean;
  /** Keeps what the list's statement read (`found`, by organization id) for the items `ids`. */
  keep(ids: readonly string[], found: ReadonlyMap<string, RiskIndicator[]>): void;
}

/**
 * Plans `risks` of the organizations of a list evaluated at `listAsOf` (the raw argument; null or
 * absent: now), asked for at `path` below the field being resolved. Any other instant the query asks
 * for goes through the `risks` loader as before.
 */
export function planRisksAlong(
  loaders: OrganizationLoaders,
  info: GraphQLResolveInfo,
  path: readonly string[],
  listAsOf: unknown,
): RiskPlan {
  const instant = nestedInstant(listAsOf);
  const along =
    instant !== undefined &&
    nestedFieldArguments(info, path, 'risks').some((args) =>
      sameInstant(nestedInstant(args['asOf']), instant),
    );
  return {
    along,
    keep: (ids, found) => {
      if (along) loaders.keepRisks(ids, instant ?? null, found);
    },
  };
}
