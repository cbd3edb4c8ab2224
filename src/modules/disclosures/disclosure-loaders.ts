// Per-request DataLoaders for disclosures: however many organizations an answer lists, their
// disclosures come in one statement per field and instant (a chain's organizations share both), and a
// batch returns one value per key, in key order. Rule 8 is decided by the statements.
import DataLoader from 'dataloader';
import {
  byIssuedAt,
  disclosureAt,
  versionAt,
  type Disclosure,
  type DisclosureVersion,
  type StoredDisclosure,
} from '../../domain/disclosures.ts';
import type { DisclosureKind } from '../../domain/format.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import type { DisclosureRepository } from './disclosure-repository.ts';

/** An organization's (or a disclosure's) id, with what the field asked for. */
export interface DisclosureKey {
  id: string;
  kind: DisclosureKind | null;
  /** null: now. */
  asOf: Date | null;
}

export interface HistoryKey {
  id: string;
  /** The version shown: history lists it and every earlier one. */
  version: number;
  /** The instant the disclosure was shown at (ISO 8601), at which `overdue` is derived. */
  at: string;
}

export interface DisclosureLoaders {
  /** Disclosures about each organization (rule 8). */
  about: DataLoader<DisclosureKey, Disclosure[], string>;
  /** Disclosures each organization published (rule 8). */
  publishedBy: DataLoader<DisclosureKey, Disclosure[], string>;
  /** One disclosure by id (rule 8), or null. */
  byId: DataLoader<DisclosureKey, Disclosure | null, string>;
  /** The versions of a disclosure that a rule-8 query already returned. */
  history: DataLoader<HistoryKey, DisclosureVersion[], string>;
}

const instantKey = (asOf: Date | null) => asOf?.toISOString() ?? 'now';
const cacheKey = ({ id, kind, asOf }: DisclosureKey) => `${id}|${kind ?? '*'}|${instantKey(asOf)}`;

type Fetch = (
  scope: ViewerScope,
  kind: DisclosureKind | null,
  ids: readonly string[],
) => Promise<Map<string, StoredDisclosure[]>>;

/** Keys grouped by kind and instant: one statement per group, usually one in all. */
function batched(base: ViewerScope, fetch: Fetch) {
  return async (keys: readonly DisclosureKey[]): Promise<Disclosure[][]> => {
    const groups = new Map<string, DisclosureKey[]>();
    for (const key of keys) {
      const group = `${key.kind ?? '*'}|${instantKey(key.asOf)}`;
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const answers = new Map<string, Disclosure[]>();
    for (const group of groups.values()) {
      const { kind, asOf } = group[0]!;
      const scope: ViewerScope = asOf === null ? base : { ...base, instant: asOf, historical: true };
      const found = await fetch(scope, kind, [...new Set(group.map((k) => k.id))]);
      for (const key of group) {
        const shown = (found.get(key.id) ?? []).map((d) => disclosureAt(d, scope.instant));
        answers.set(cacheKey(key), shown.sort(byIssuedAt));
      }
    }
    return keys.map((key) => answers.get(cacheKey(key)) ?? []);
  };
}

export function createDisclosureLoaders(
  disclosures: DisclosureRepository,
  scope: ViewerScope,
): DisclosureLoaders {
  // No batch limit: a chain of 10,000 organizations in two batches paid the viewer's rule-5 lists twice,
  // in two transactions at once.
  const options = { cacheKeyFn: cacheKey };
  const byIds = batched(scope, (at, _kind, ids) => disclosures.byIds(at, ids));
  return {
    about: new DataLoader(
      batched(scope, (at, kind, ids) => disclosures.about(at, kind, ids)),
      options,
    ),
    publishedBy: new DataLoader(
      batched(scope, (at, kind, ids) => disclosures.publishedBy(at, kind, ids)),
      options,
    ),
    byId: new DataLoader(async (keys) => (await byIds(keys)).map((found) => found[0] ?? null), options),
    history: new DataLoader(
      async (keys) => {
        const versions = await disclosures.history(keys, scope.context);
        return versions.map((list, i) => list.map((v) => versionAt(v, new Date(keys[i]!.at))));
      },
      { maxBatchSize: 5_000, cacheKeyFn: ({ id, version, at }) => `${id}|${version}|${at}` },
    ),
  };
}
