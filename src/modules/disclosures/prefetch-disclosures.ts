// A list of organizations (a supply chain's tiers: thousands) asks for each one's `disclosures`:
// fetched for all of them before graphql-js resolves the list, so that every item's field resolves at
// once from what was fetched (see nested-field-arguments.ts) instead of through a promise per
// organization. What the query asks at the list's own instant is read by the list's statement itself
// (no second round trip, and rule 5 for the subjects is already decided by the walk that found them);
// any other instant takes one statement per set of arguments.
import type { GraphQLResolveInfo } from 'graphql';
import { nestedFieldArguments } from '../../api/nested-field-arguments.ts';
import type { StoredDisclosure } from '../../domain/disclosures.ts';
import { nestedInstant, sameInstant } from '../../domain/instants.ts';
import { DISCLOSURE_KINDS, type DisclosureKind } from '../../domain/format.ts';
import type { DisclosureLoaders } from './disclosure-loaders.ts';

/** Each subject's disclosures of `kind` among `found` (null: all of them). */
const ofKind = (found: Map<string, StoredDisclosure[]>, kind: DisclosureKind | null) =>
  kind === null ? found : new Map([...found].map(([id, list]) => [id, list.filter((d) => d.kind === kind)]));

interface DisclosurePlan {
  /**
   * What the list's statement is to read along with it, at the list's instant (null kind: every
   * kind); undefined when the query asks nothing at that instant.
   */
  along: { kind: DisclosureKind | null } | undefined;
  /**
   * Keeps what the list's statement read (`found`, by organization id) for the items `ids`, and
   * fetches every other set of arguments in one statement each.
   */
  complete(ids: readonly string[], found: Map<string, StoredDisclosure[]>): Promise<void>;
}

/**
 * Plans `disclosures` of the organizations of a list evaluated at `listAsOf` (the raw argument; null or
 * absent: now), with every set of arguments the query gives the field at `path` below the field being
 * resolved; plans nothing when the query does not ask for it.
 */
export function planDisclosuresAbout(
  loaders: DisclosureLoaders,
  info: GraphQLResolveInfo,
  path: readonly string[],
  listAsOf: unknown,
): DisclosurePlan {
  // Once per distinct set: aliases may ask for the field twice with the same arguments.
  const asked = new Map<string, { kind: DisclosureKind | null; asOf: Date | null }>();
  for (const args of nestedFieldArguments(info, path, 'disclosures')) {
    const asOf = nestedInstant(args['asOf']);
    const kind = DISCLOSURE_KINDS.find((k) => k === args['kind']) ?? null;
    if (asOf !== undefined) asked.set(`${kind ?? '*'}|${asOf?.getTime() ?? 'now'}`, { kind, asOf });
  }
  const listInstant = nestedInstant(listAsOf);
  const along = [...asked.values()].filter(({ asOf }) => sameInstant(asOf, listInstant));
  const apart = [...asked.values()].filter(({ asOf }) => !sameInstant(asOf, listInstant));
  return {
    // Sets at one instant differ by kind: one kind is read as such, several as every kind and each
    // then kept with its own.
    along: along.length === 0 ? undefined : { kind: along.length === 1 ? along[0]!.kind : null },
    complete: async (ids, found) => {
      for (const { kind, asOf } of along) loaders.keepAbout(ids, kind, asOf, ofKind(found, kind));
      await Promise.all(apart.map(({ kind, asOf }) => loaders.prefetchAbout(ids, kind, asOf)));
    },
  };
}
