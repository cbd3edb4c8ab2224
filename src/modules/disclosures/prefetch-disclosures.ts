// A list of organizations (a supply chain's tiers: thousands) asks for each one's `disclosures`:
// fetched here for all of them in one statement before graphql-js resolves the list, so that every
// item's field resolves at once from what was fetched (see nested-field-arguments.ts) instead of
// through a promise per organization.
import type { GraphQLResolveInfo } from 'graphql';
import { nestedFieldArguments } from '../../api/nested-field-arguments.ts';
import { parseInstant } from '../../domain/instants.ts';
import { DISCLOSURE_KINDS } from '../../domain/format.ts';
import type { DisclosureLoaders } from './disclosure-loaders.ts';

/** The instant a selection asks for (null: now), or undefined when it is none (the field itself says so). */
function asOfOf(value: unknown): Date | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (parseInstant(value) ?? undefined) : undefined;
}

/**
 * Prefetches `disclosures` of `organizationIds` with every set of arguments the query gives the field
 * at `path` below the field being resolved; does nothing when the query does not ask for it.
 */
export async function prefetchDisclosuresAbout(
  loaders: DisclosureLoaders,
  info: GraphQLResolveInfo,
  path: readonly string[],
  organizationIds: readonly string[],
): Promise<void> {
  const asked = nestedFieldArguments(info, path, 'disclosures').flatMap((args) => {
    const asOf = asOfOf(args['asOf']);
    return asOf === undefined
      ? []
      : [{ kind: DISCLOSURE_KINDS.find((k) => k === args['kind']) ?? null, asOf }];
  });
  await Promise.all(asked.map(({ kind, asOf }) => loaders.prefetchAbout(organizationIds, kind, asOf)));
}
