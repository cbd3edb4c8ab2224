// The public directory (specification, section 9): listed organizations, found by their directory terms
// (src/domain/directory-terms.ts), and an organization's own listing. A search reads listed records only, through
// the organization_listed_id index, and returns directory cards only. Rules: docs/sourcing.md.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { DirectoryQuery, Listing } from '../../domain/directory.ts';
import type { Organization } from '../../domain/model.ts';
import type { QueryContext } from '../../domain/viewer-scope.ts';
import { ORGANIZATION_DIRECTORY } from '../../graph/columns.ts';
import { cypher, join, statement } from '../../graph/cypher.ts';
import {
  bool,
  column,
  integer,
  list,
  nullable,
  single,
  text,
  instant,
  viewerRow,
} from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import { LISTED_OS_ID_LOCK } from '../../graph/write-locks.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';

/**
 * Binds `o`, each listed organization that matches $country, $type and, for $terms or for $splitTerms
 * (the search's two readings, src/domain/directory-terms.ts), every one of its words (each the start
 * of one of the card's words). A record listed before directoryTerms existed and not re-indexed since
 * (migration 017 computes them at start-up) is read by the lower-cased words of its name, city and osId.
 * Most searches read the same both ways; their list is then tried once, since a card that matches
 * neither (most cards, for most searches) would cost twice as much (20,000 listed cards, a search
 * matching none, on a loaded machine: 140-180 ms tried twice against 85-105 ms once).
 */
const LISTED_MATCHING = cypher`
  MATCH (o:Organization) USING INDEX o:Organization(listed, id)
  WHERE o.listed = true AND o.id IS NOT NULL
    AND ($country IS NULL OR o.country = $country)
    AND ($type IS NULL OR o.type = $type)
    AND any(search IN CASE WHEN $splitTerms = $terms THEN [$terms] ELSE [$terms, $splitTerms] END
        WHERE all(term IN search WHERE any(word IN coalesce(o.directoryTerms,
          split(toLower(o.name + ' ' + coalesce(o.city, '') + ' ' + coalesce(o.osId, '')), ' '))
        WHERE word STARTS WITH term)))`;

const PAGE = statement(
  'directory.page',
  cypher`
CALL () {`,
  LISTED_MATCHING,
  cypher`
  RETURN count(o) AS total
}
CALL () {`,
  LISTED_MATCHING,
  cypher`
    AND ($after IS NULL OR o.name > $after[0] OR (o.name = $after[0] AND o.id > $after[1]))
  WITH o ORDER BY o.name, o.id LIMIT $limit
  RETURN collect(o `,
  ORGANIZATION_DIRECTORY.projection,
  cypher`) AS cards
}
RETURN total, cards`,
);

const LISTING_FIELDS = cypher`o.id AS organizationId, coalesce(o.listed, false) AS listed, o.listedAt AS listedAt`;

const LISTING = statement(
  'directory.listing',
  join(cypher`MATCH (o:Organization {id: $viewer}) RETURN `, LISTING_FIELDS),
);

/** Locks the viewer's organization (SET/REMOVE) and returns what its directory terms are made of. */
const LOCK_OWN = statement(
  'directory.lockOwn',
  cypher`MATCH (o:Organization {id: $viewer})
SET o._lock = true REMOVE o._lock
RETURN o.name AS name, o.aliases AS aliases, o.city AS city, o.osId AS osId`,
);

/** Other listed organizations with $osId (organization_listed_os_id holds no unlisted record). */
const LISTED_WITH_OS_ID = statement(
  'directory.listedWithOsId',
  cypher`OPTIONAL MATCH (x:Organization) USING INDEX x:Organization(listed, osId)
WHERE x.listed = true AND x.osId = $osId AND x.id <> $viewer
RETURN collect(x.id) AS ids`,
);

/** listedAt is when it was last listed: kept while it stays listed, cleared when it is taken out. */
const SET_LISTING = statement(
  'directory.setListing',
  join(
    cypher`MATCH (o:Organization {id: $viewer})
SET o.listedAt = CASE WHEN NOT $listed THEN null WHEN o.listed = true THEN o.listedAt ELSE $t END,
    o.listed = $listed, o.city = $city, o.osId = $osId, o.directoryTerms = $terms
RETURN `,
    LISTING_FIELDS,
  ),
);

/** What a listing's card is made of, as stored. */
interface ListedText {
  name: string;
  aliases: string[];
  city: string | null;
  osId: string | null;
}

interface ListingChange {
  listed: boolean;
  city: string | null;
  osId: string | null;
  terms: string[] | null;
}

const listingOf = (record: Neo4jRecord): Listing => ({
  organizationId: column(record, 'organizationId', text),
  listed: column(record, 'listed', bool),
  listedAt: column(record, 'listedAt', nullable(instant)),
});

export class DirectoryRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of matching cards (one more than asked, to tell whether more follow) and the total. */
  async page(
    query: DirectoryQuery,
    context: QueryContext,
  ): Promise<{ total: number; cards: Organization[] }> {
    const records = await this.executor.read(
      PAGE,
      {
        terms: query.terms,
        splitTerms: query.splitTerms,
        country: query.country,
        type: query.type,
        after: query.after,
        limit: neo4j.int(query.first + 1),
      },
      context,
    );
    const record = single(records, PAGE);
    return {
      total: column(record, 'total', integer),
      cards: column(record, 'cards', list(ORGANIZATION_DIRECTORY.decode)),
    };
  }

  /** The viewer's listing; UNAUTHENTICATED when its organization is gone (merged away). */
  async listing(viewer: string, context: QueryContext): Promise<Listing> {
    return listingOf(viewerRow(await this.executor.read(LISTING, { viewer }, context), LISTING));
  }

  /**
   * In one transaction: locks the listed osIds and the viewer's organization (UNAUTHENTICATED when it is
   * gone), lets `decide` turn what it stores into the change (or throw), refuses an osId another listed
   * organization has (returning it and their ids), and writes.
   */
  async setListing(
    viewer: string,
    now: Date,
    decide: (stored: ListedText) => ListingChange,
    context: QueryContext,
  ): Promise<Listing | { osId: string; osIdTakenBy: string[] }> {
    return this.executor.writeTransaction('directory.setListing', context, async (tx) => {
      await tx.run(LISTED_OS_ID_LOCK, {});
      const stored = viewerRow(await tx.run(LOCK_OWN, { viewer }), LOCK_OWN);
      const change = decide({
        name: column(stored, 'name', text),
        aliases: column(stored, 'aliases', nullable(list(text))) ?? [],
        city: column(stored, 'city', nullable(text)),
        osId: column(stored, 'osId', nullable(text)),
      });
      if (change.listed && change.osId !== null) {
        const [taken] = await tx.run(LISTED_WITH_OS_ID, { viewer, osId: change.osId });
        const ids = taken ? column(taken, 'ids', list(text)) : [];
        if (ids.length > 0) return { osId: change.osId, osIdTakenBy: ids };
      }
      const written = await tx.run(SET_LISTING, { viewer, t: toNeo4jDateTime(now), ...change });
      return listingOf(single(written, SET_LISTING));
    });
  }
}
