// Per-request DataLoaders for disclosures: however many organizations an answer lists, their
// disclosures come in one statement per field and instant (a chain's organizations share both), and a
// batch returns one value per key, in key order. Rule 8 is decided by the statements.
import DataLoader from 'dataloader';
import {
  byIssuedAt,
  disclosureAt,
  versionAt,
  type Disclosure,
  type DisclosureAudience,
  type DisclosureVersion,
  type StoredDisclosure,
} from '../../domain/disclosures.ts';
import type { DisclosureKind } from '../../domain/format.ts';
import type { HistoryKey } from '../../domain/shown-actions.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { shareAt, type Organization } from '../../domain/model.ts';
import type { OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { DisclosureRepository } from './disclosure-repository.ts';

/** An organization's (or a disclosure's) id, with what the field asked for. */
interface DisclosureKey {
  id: string;
  kind: DisclosureKind | null;
  /** null: now. */
  asOf: Date | null;
}

export interface DisclosureLoaders {
  /** Disclosures about each organization (rule 8). */
  about: DataLoader<DisclosureKey, Disclosure[], string>;
  /**
   * Fetches the disclosures about many organizations in one statement (rule 8) and keeps them for
   * `aboutFetched`: a list of thousands (a supply chain's tiers) then resolves each item's field at once.
   * Answers them as stored, by subject id (with the version in effect at `asOf`, or now), for a reader
   * that derives what they say (the chain export's disclosed indicators) as exposure does.
   */
  prefetchAbout(
    ids: readonly string[],
    kind: DisclosureKind | null,
    asOf: Date | null,
  ): Promise<Map<string, StoredDisclosure[]>>;
  /**
   * Keeps for `aboutFetched` what another statement found by rule 8 about each of `ids` (of `kind`,
   * at `asOf`), as `prefetchAbout` would have fetched it.
   */
  keepAbout(
    ids: readonly string[],
    kind: DisclosureKind | null,
    asOf: Date | null,
    found: Map<string, StoredDisclosure[]>,
  ): void;
  /** What `prefetchAbout` or `keepAbout` kept for this organization, kind and instant, or undefined. */
  aboutFetched(id: string, kind: DisclosureKind | null, asOf: Date | null): Disclosure[] | undefined;
  /** Disclosures each organization published (rule 8). */
  publishedBy: DataLoader<DisclosureKey, Disclosure[], string>;
  /**
   * The disclosures about `organization` at `asOf` (null: now) as GraphQL answers them: what a prefetch
   * kept, else `about`; none for an identity card that could not be looked up then (cardRule).
   */
  aboutOf(
    organization: Organization,
    kind: DisclosureKind | null,
    asOf: Date | null,
  ): Disclosure[] | Promise<Disclosure[]>;
  /** The disclosures `organization` published at `asOf` as GraphQL answers them, by the same card rule. */
  publishedByOf(
    organization: Organization,
    kind: DisclosureKind | null,
    asOf: Date | null,
  ): Disclosure[] | Promise<Disclosure[]>;
  /** One disclosure by id (rule 8), or null. */
  byId: DataLoader<DisclosureKey, Disclosure | null, string>;
  /** The versions of a disclosure that a rule-8 query already returned. */
  history: DataLoader<HistoryKey, DisclosureVersion[], string>;
  /**
   * Who is shown `disclosure` at the instant it was shown at, by its owner's own records, when the
   * viewer's organization is its owner; null for every other viewer, without reading anything, whatever
   * the disclosure's sharing.
   */
  sharedWith(disclosure: Disclosure): Promise<DisclosureAudience[]> | null;
}

/** One of the viewer's own disclosures as shown: its id, and the instant and kind of instant. */
interface AudienceKey {
  id: string;
  at: string;
  dated: boolean;
}

const instantKey = (asOf: Date | null) => asOf?.toISOString() ?? 'now';
const cacheKey = ({ id, kind, asOf }: DisclosureKey) => `${id}|${kind ?? '*'}|${instantKey(asOf)}`;

type Fetch = (
  scope: ViewerScope,
  kind: DisclosureKind | null,
  ids: readonly string[],
) => Promise<Map<string, StoredDisclosure[]>>;

const groupKey = (kind: DisclosureKind | null, asOf: Date | null) => `${kind ?? '*'}|${instantKey(asOf)}`;

/** The viewer at `asOf`, or now. */
const scopeFor = (base: ViewerScope, asOf: Date | null): ViewerScope =>
  asOf === null ? base : { ...base, instant: asOf, historical: true };

/** What a statement found for one organization, as shown at the scope's instant, newest issuedAt first. */
const shownAt = (found: readonly StoredDisclosure[] | undefined, scope: ViewerScope): Disclosure[] =>
  (found ?? []).map((d) => disclosureAt(d, scope.instant, scope.historical)).sort(byIssuedAt);

/** The disclosures about a list of organizations, kept for `aboutFetched`. */
interface Kept {
  kind: DisclosureKind | null;
  /** The instant asked for in epoch ms; null: now. */
  time: number | null;
  listed: ReadonlySet<string>;
  /** Those of the listed organizations that have any, as shown. */
  shown: Map<string, Disclosure[]>;
}

/** Keys grouped by kind and instant: one statement per group, usually one in all. */
function batched(base: ViewerScope, fetch: Fetch) {
  return async (keys: readonly DisclosureKey[]): Promise<Disclosure[][]> => {
    const groups = new Map<string, DisclosureKey[]>();
    for (const key of keys) {
      const group = groupKey(key.kind, key.asOf);
      const members = groups.get(group);
      if (members === undefined) groups.set(group, [key]);
      else members.push(key);
    }
    const answers = new Map<string, Disclosure[]>();
    for (const group of groups.values()) {
      const { kind, asOf } = group[0]!;
      const scope = scopeFor(base, asOf);
      const found = await fetch(scope, kind, [...new Set(group.map((k) => k.id))]);
      for (const key of group) answers.set(cacheKey(key), shownAt(found.get(key.id), scope));
    }
    return keys.map((key) => answers.get(cacheKey(key)) ?? []);
  };
}

/**
 * `read()`, unless `organization` is an identity card. Rule 8 shows the disclosures about an
 * organization the viewer may look up, and a publisher that shares with the viewer is one of its roots:
 * a card, which the viewer may not look up now, has none now, and had some at an earlier instant only if
 * it could be looked up then (`lookable`, which costs the same for any id). A statement for a card would
 * read what others were shown, and its work would count them. Synchronous for everyone else: a chain
 * asks this for thousands of organizations.
 */
function cardRule<T>(
  organization: Organization,
  asOf: Date | null,
  lookable: OrganizationLoaders['lookableAt'],
  read: () => T[] | Promise<T[]>,
): T[] | Promise<T[]> {
  if (organization.identityOnly !== true) return read();
  if (asOf === null) return [];
  return lookable.load({ id: organization.id, asOf }).then((found) => (found === null ? [] : read()));
}

/**
 * The audiences of the keys' disclosures: one statement per instant (the disclosures of one list share
 * theirs), each share shown as it stood at a dated instant (a revocation after it had not happened).
 */
function audiences(disclosures: DisclosureRepository, base: ViewerScope) {
  return async (keys: readonly AudienceKey[]): Promise<DisclosureAudience[][]> => {
    const groups = new Map<string, AudienceKey[]>();
    for (const key of keys) {
      const group = `${key.at}|${key.dated}`;
      const members = groups.get(group);
      if (members === undefined) groups.set(group, [key]);
      else members.push(key);
    }
    const answers = new Map<AudienceKey, DisclosureAudience[]>();
    for (const group of groups.values()) {
      const { at, dated } = group[0]!;
      const instant = new Date(at);
      const scope: ViewerScope = { ...base, instant, historical: dated };
      const found = await disclosures.sharedWith(scope, [...new Set(group.map((k) => k.id))]);
      for (const key of group)
        answers.set(
          key,
          (found.get(key.id) ?? []).map((audience) =>
            dated ? { ...audience, share: shareAt(audience.share, instant) } : audience,
          ),
        );
    }
    return keys.map((key) => answers.get(key) ?? []);
  };
}

/** `organizations`: the request's organization loaders, whose `lookableAt` the card rule asks. */
export function createDisclosureLoaders(
  disclosures: DisclosureRepository,
  scope: ViewerScope,
  organizations: Pick<OrganizationLoaders, 'lookableAt'>,
): DisclosureLoaders {
  // No batch limit: a chain of 10,000 organizations in two batches paid the viewer's rule-5 lists twice,
  // in two transactions at once.
  const options = { cacheKeyFn: cacheKey };
  const byIds = batched(scope, (at, _kind, ids) => disclosures.byIds(at, ids));
  // By kind and instant (one set for a chain, as a rule), then organization id: an organization's field
  // is then answered with no key object or string made for it.
  const kept: Kept[] = [];
  const keep = (
    ids: readonly string[],
    kind: DisclosureKind | null,
    asOf: Date | null,
    found: Map<string, StoredDisclosure[]>,
  ) => {
    const viewedAt = scopeFor(scope, asOf);
    const shown = new Map<string, Disclosure[]>();
    for (const [id, stored] of found) shown.set(id, shownAt(stored, viewedAt));
    kept.push({ kind, time: asOf?.getTime() ?? null, listed: new Set(ids), shown });
  };
  const about = new DataLoader(
    batched(scope, (at, kind, ids) => disclosures.about(at, kind, ids)),
    options,
  );
  const publishedBy = new DataLoader(
    batched(scope, (at, kind, ids) => disclosures.publishedBy(at, kind, ids)),
    options,
  );
  const sharedWith = new DataLoader(audiences(disclosures, scope), {
    cacheKeyFn: ({ id, at, dated }: AudienceKey) => `${id}|${at}|${dated}`,
  });
  const aboutFetched = (id: string, kind: DisclosureKind | null, asOf: Date | null) => {
    const time = asOf?.getTime() ?? null;
    const group = kept.find((k) => k.kind === kind && k.time === time);
    return group?.listed.has(id) ? (group.shown.get(id) ?? []) : undefined;
  };
  return {
    about,
    prefetchAbout: async (ids, kind, asOf) => {
      const found = await disclosures.about(scopeFor(scope, asOf), kind, ids);
      keep(ids, kind, asOf, found);
      return found;
    },
    keepAbout: (ids, kind, asOf, found) => keep(ids, kind, asOf, found),
    aboutFetched,
    publishedBy,
    aboutOf: (organization, kind, asOf) =>
      cardRule(
        organization,
        asOf,
        organizations.lookableAt,
        () => aboutFetched(organization.id, kind, asOf) ?? about.load({ id: organization.id, kind, asOf }),
      ),
    publishedByOf: (organization, kind, asOf) =>
      cardRule(organization, asOf, organizations.lookableAt, () =>
        publishedBy.load({ id: organization.id, kind, asOf }),
      ),
    byId: new DataLoader(async (keys) => (await byIds(keys)).map((found) => found[0] ?? null), options),
    sharedWith: ({ id, owner, at, dated }) =>
      owner.id === scope.viewerId ? sharedWith.load({ id, at, dated }) : null,
    history: new DataLoader(
      async (keys) => {
        const versions = await disclosures.history(keys, scope.context);
        return versions.map((list, i) => list.map((v) => versionAt(v, new Date(keys[i]!.at))));
      },
      { maxBatchSize: 5_000, cacheKeyFn: ({ id, version, at }) => `${id}|${version}|${at}` },
    ),
  };
}
